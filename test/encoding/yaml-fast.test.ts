/**
 * The simple-YAML fast path against the full decoder (itself checked against helm in
 * decode-fuzz-vs-helm): on documents written here and on thousands of mutants of them, whatever
 * the fast path accepts must decode to the same values, key order included, and must be
 * something the full decoder accepts.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeYamlDocuments } from '../../packages/gotemplate/src/encoding/index.ts'
import {
  decodeSimpleFirstDocument,
  decodeSimpleYaml,
  firstDocumentBounds,
} from '../../packages/gotemplate/src/encoding/yaml-fast.ts'
import { expectSameAsHelm, probeChart } from '../support/probe-chart.ts'
import { exact, mutants } from './mutate.ts'

const full = (text: string): unknown => decodeYamlDocuments(text, {}, 1)[0] ?? null

/**
 * Requires every text the fast reader accepts to be read the same by `reference` (which must not
 * refuse it); returns how many it accepted.
 */
function agreeWithFull(
  texts: Iterable<string>,
  fast: (text: string) => { value: unknown } | undefined,
  reference: (text: string) => unknown,
): number {
  let accepted = 0
  for (const text of texts) {
    const got = fast(text)
    if (!got) continue
    accepted++
    let expected: unknown
    try {
      expected = reference(text)
    } catch (err) {
      throw new Error(`the fast path accepted what the full decoder refuses:\n${text}\n${err}`)
    }
    expect(exact(got.value), text).toBe(exact(expected))
  }
  return accepted
}

const SEEDS = [
  `# values for a web app
replicaCount: 3
image:
  repository: registry.example.invalid/team/app
  tag: "1.2.3"   # pinned
  pullPolicy: IfNotPresent
enabled: yes
ratio: 0.25
mode: 0755
hex: 0x1F
big: 12345678901234567890
when: 2024-01-02
empty:
nothing: ~
quoted: 'it''s'
escaped: "line\\nbreak \\"q\\" \\u00e9"
list: []
map: {}
spacedMap: {  }
flow: ["a", 'b', c, 1, yes, -2, x.y/z=w+v]
spaced: [ "x" ,y ]
emptyFlow: [ ]
ownLine:
  {}
ownLineList:
  - "quoted"
  - plain
ports:
  - name: http
    port: 80
  - name: "metrics"
    port: 9090
    extra:
      - a
      - b
nested:
  deeper:
    deepest: true
description: A long description that a CRD
  generator wrapped over lines,

  with an empty line in it.
quotedDescription: 'Container name: required for volumes,
  optional for env vars; it''s
   folded

  too'
doubleQuoted: "one
  two \\"q\\"\\n\\nIt requires
  >= v3.1.0 \\\\"
continued: selects the
  \`Pod\` objects - and * others [x]
`,
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: release-app
  labels:
    app.kubernetes.io/name: app
    helm.sh/chart: app-1.0.0
  annotations:
    checksum/config: 0123abcd
spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: app
        image: "example.invalid/app:1.0"
        args:
        - --port=8080
        - -v
        env:
        - name: A
          value: "1"
        ports:
        - containerPort: 8080
      volumes: []
`,
  `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  config.yaml: |
    level: info

    nested:
      x: 1
  strip: |-
    no final break
  keep: |+
    kept

  after: done
  last: |
    the document ends without a line break`,
  `- a
- 1
- key: v
  other: w
-
  late: entry
- "quoted: colon"
- plain with spaces # and a comment
`,
  `data:
  empty.acl: |-
  script.sh: |
    #!/bin/sh

    run() {
        x=1
        
        return 0
    }
  
  users: |

  last.conf: |-
`,
  `top:
  a: 1
  b:
  - x
  - y
  c: http://example.invalid:8080/path
  d: a:b
  e: -1
  f: -x
  selector:
  - {key: app.kubernetes.io/name, operator: In, values: [prometheus, "x y"]}
  - { "key": 'k', operator: Exists }
  flowMap: {a: 1, b: yes, c: null, d: [], e: 0x1F}
  record: :node_memory_MemAvailable_bytes:sum
  question: ?x
  lone: [':a', b]
  g: 1e3
  i: on
  "quoted key": v
  'single key': w
  key with spaces: z
`,
]

describe('decodeSimpleYaml', () => {
  it('reads the seed documents, as the full decoder does', () => {
    for (const seed of SEEDS) {
      const fast = decodeSimpleYaml(seed)
      expect(fast, seed).toBeDefined()
      expect(exact(fast!.value)).toBe(exact(full(seed)))
    }
  })

  it('folds multi-line plain scalars', () => {
    const v = decodeSimpleYaml('a: one\n  two\n\n   three  \n- no\nb:\n- x\n  y\n')
    expect(v).toBeUndefined() // a sequence entry cannot follow the mapping at its column
    const w = decodeSimpleYaml('a: one\n  two\n\n   three  \nb:\n- x\n  y\n- 1\n  2\n')
    expect(w?.value).toEqual({ a: 'one two\nthree', b: ['x y', '1 2'] })
  })

  it('reads literal block scalars with each chomping', () => {
    const v = decodeSimpleYaml('a: |\n  x\n\n  y\n\n\nb: |-\n  z\n\nc: |+\n  w\n\n')
    expect(v?.value).toEqual({ a: 'x\n\ny\n', b: 'z', c: 'w\n\n' })
  })

  it('reads one-line flow mappings of scalars and flow sequences', () => {
    const v = decodeSimpleYaml('- {key: a.b/c, operator: In, values: [x, "y"]}\n- {}\n- {num: 1}\n')
    expect(v?.value).toEqual([{ key: 'a.b/c', operator: 'In', values: ['x', 'y'] }, {}, { num: 1 }])
  })

  it("reads comments at a key's own column before its nested value", () => {
    const v = decodeSimpleYaml('a:\n  resource:\n  ## scrape it\n    enabled: false\n')
    expect(v?.value).toEqual({ a: { resource: { enabled: false } } })
  })

  it('reads a document that is a single value', () => {
    for (const [text, value] of [
      ['{}\n', {}],
      ['[]', []],
      ['null\n', null],
      ['just a scalar\n', 'just a scalar'],
      ['  [a, 1]\n# end\n', ['a', 1]],
    ] as const) {
      expect(decodeSimpleYaml(text)?.value, text).toEqual(value)
    }
  })

  it('reads empty literal blocks, and lines of spaces inside one as content', () => {
    const v = decodeSimpleYaml('a: |-\nb: |\n\nc: |\n  x\n     \n  y\n    \nd: |-\n')
    expect(v?.value).toEqual({ a: '', b: '', c: 'x\n   \ny\n  \n', d: '' })
  })

  it('leaves everything outside its subset to the full decoder', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: >\n  folded\n',
      'a: [1, [2]]\n',
      'a: [1,]\n',
      'a: [x?y]\n',
      'a: [a: b]\n',
      'a: {b: {c: 1}}\n',
      'a:\n  b:\n #left of b\n    x: 1\n',
      'a: {b: 1,}\n',
      'a: {"b":1}\n',
      'a: {yes: 1}\n',
      'a: {b: 1, b: 2}\n',
      'a: "multi\\\n  line"\n',
      "a: 'multi\nline'\n",
      'a: plain\n  continued: no\n',
      'a: plain # comment\n  continued\n',
      'a: 1\na: 2\n',
      '<<: {a: 1}\n',
      'yes: 1\n',
      '---\na: 1\n',
      'a:\tb\n',
      'a: "\\x41"\n',
      'a: b: c\n',
      'a:\n  - x\n y: 1\n',
    ]) {
      expect(decodeSimpleYaml(text), text).toBeUndefined()
    }
  })

  it('accepts only what the full decoder reads the same way, on 6,000 mutants', () => {
    const accepted = agreeWithFull(mutants(SEEDS, 6000, 20261122), decodeSimpleYaml, full)
    // the subset is not empty in practice: most small edits keep a document simple
    expect(accepted).toBeGreaterThan(1500)
  })
})

const STREAMS = [
  `
apiVersion: v1
kind: ConfigMap
data:
  start.sh: |
    #!/bin/sh
    exec app
---
apiVersion: v1
kind: Secret
data: {}
`,
  `# leading comment
---
a: 1
...
---
b: [2
`,
  `---

---
x: y
`,
]

describe('decodeSimpleFirstDocument', () => {
  it('reads the first document of a stream, as helm does, broken documents after it too', async () => {
    const streams = [
      ...STREAMS,
      '# c\n---\n1a: 1\n...\n---\n}b: [2\n',
      'a: 1\n---\n}b\n',
      'a: &x 1\nb: *x\n---\n{\n',
      '---\nx: |\n  y\n---\nz: "unterminated\n',
    ]
    const files = Object.fromEntries(streams.map((t, i) => [`s${i}.yaml`, t]))
    const template = streams
      .map((_, i) => `s${i}: {{ .Files.Get "s${i}.yaml" | fromYaml | toJson | quote }}\n`)
      .join('')
    const dir = probeChart({ 'a.yaml': template })
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
    expect(await expectSameAsHelm(dir)).toContain('s3: "{\\"1a\\":1}"')
  }, 60_000)

  it('reads the first document of a stream, and leaves odd markers alone', () => {
    expect(decodeSimpleFirstDocument(STREAMS[0]!)?.value).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      data: { 'start.sh': '#!/bin/sh\nexec app\n' },
    })
    expect(decodeSimpleFirstDocument(STREAMS[1]!)?.value).toEqual({ a: 1 })
    expect(decodeSimpleFirstDocument(STREAMS[2]!)?.value).toBeNull()
    for (const text of [
      '--- |\n  x\n',
      'a: 1\n--- # c\nb: 2\n',
      '...\na: 1\n',
      '%YAML 1.1\n---\na: 1\n',
    ]) {
      expect(decodeSimpleFirstDocument(text), text).toBeUndefined()
    }
  })

  it('reads streams as the full decoder reads their first document, on 6,000 mutants', () => {
    const firstOnly = (text: string) => full(text.slice(0, firstDocumentBounds(text)!.end))
    const texts = mutants([...STREAMS, ...SEEDS], 6000, 20261123)
    expect(agreeWithFull(texts, decodeSimpleFirstDocument, firstOnly)).toBeGreaterThan(1500)
  })
})
