import { describe, expect, it } from 'vitest'
import {
  decodeYaml,
  decodeYamlMap,
  encodeJson,
} from '../../packages/gotemplate/src/encoding/index.ts'
import { helmError, helmRender } from './probe.ts'

/** YAML constructs a values file may use; each is nested under its own key in one document. */
const SNIPPETS: string[] = [
  'a: 1\nb: 2.50\nc: -3\nd: +4\ne: 1e-3\nf: 6.02E+23\ng: .5e1\nh: -.5',
  'o1: 0o17\no2: 017\no3: 0b11\no4: -0b11\nh1: 0xff\nh2: 0XFF\nh3: -0x1\nu: 1_000_000\nbig: 18446744073709551615\nbigger: 18446744073709551616\nneg: -9223372036854775809',
  'b1: yes\nb2: Yes\nb3: YES\nb4: yEs\nb5: on\nb6: OFF\nb7: y\nb8: Y\nb9: n\nb10: true\nb11: True\nb12: TRUE\nb13: tRUE\nb14: "true"',
  'n1: ~\nn2: null\nn3: Null\nn4: NULL\nn5:\nn6: !!null ""\nn7: nUll',
  't1: 2001-12-14t21:59:43.10-05:00\nt2: 2001-12-14 21:59:43.10\nt3: 2002-12-14\nt4: 2002-1-4\nt5: 12:30:45\nt6: 1:20',
  'lit: |\n  line1\n\n   indented\n  last\nkeep: |+\n  kept\n\nstrip: |-\n  stripped\nfold: >\n  folded\n  text\n\n  para\n   more\nfoldstrip: >-\n  a\n  b',
  "plain: this is\n  a multi line\n  plain scalar\nsq: 'it''s\n  folded'\ndq: \"tab\\there\\nnl \\u00e9 \\x41 \\\n  cont\"",
  'anchor: &a\n  x: 1\n  y: [1, 2]\nref: *a\nmerged:\n  <<: *a\n  x: 2\nlistmerge:\n  <<: [*a, {z: 3}]\nscalar: &s hello\nuse: *s',
  'flow: {a: 1, b: [x, y, {c: d}], "q": \'r\', e: }\nseq: [1, two, 3.0, null, ~, yes]\nempty: {}\nel: []',
  '? complex key\n: value\n"quoted key": 1\n\'single\': 2\n123: int key\n1.5: float key\ntrue: bool key\nnull_: x',
  'tagged:\n  s: !!str 123\n  i: !!int "42"\n  f: !!float 1\n  b: !!bool yes\n  custom: !thing value\n  bin: !!binary SGVsbG8=',
  'unicode: "日本語 ☃ 😀"\nkey_é: ü\nesc: "\\u263A"\ncomment: value # trailing comment\nhash: a#b\ncolon: a:b\nurl: http://example.com:8080/x',
  'nested:\n  - name: a\n    items:\n      - 1\n      - [2, 3]\n  - name: b\n    map: {k: v}\n  -\n    - deep\n  - - x\n    - y',
  'base: &m {x: 1, y: 1}\nlate: {x: 2, <<: *m}\nearly: {<<: *m, x: 2}\nmulti:\n  <<: [{x: 3}, *m]\n  z: 0\nnested: &n\n  inner: {<<: *m}\nagain:\n  <<: *n',
  'dupe: 1\ndupe: 2\nspaces:    lots   of   space   \nlong: Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore',
]

const indent = (s: string) =>
  s
    .split('\n')
    .map((l) => (l ? '  ' + l : l))
    .join('\n')
const valuesYaml = SNIPPETS.map((s, i) => `d${i}:\n${indent(s)}`).join('\n') + '\n'

/** Whole documents whose top level matters (directives, markers, comments, empties). */
const DOCUMENTS: string[] = [
  '%YAML 1.1\n---\na: 1\n',
  '---\na: 1\n...\n',
  'a: 1\n---\nb: 2\n',
  '# only a comment\n',
  '',
  'a: 1 # c\n# trailing\n',
  '\ufeffa: 1\n',
  'a:\r\n  b: 1\r\n',
  // flow collections over lines, whatever their indentation (go-yaml reads them)
  'a: [\n1, 2\n]\n',
  'a:\n  b: [\n    1\n]\n  c: {\nd: 1}\n',
  'a: [1, "x\ny"]\nb: [\n[1,\n2],\n{c:\n3}]\nd: 4\n',
  'a: [\n# c\n\n\t1]\n',
  // quoted scalars over lines, whatever their indentation
  'a:\n  b: "x\n  y"\n  c: \'it\'\'s\nok\'\nd: "e\n"\ne:\n- "f\ng"\n',
]

describe('values.yaml decoding against helm template', () => {
  it('decodes every construct as helm does', async () => {
    const [out] = await helmRender(['toJson .Values'], valuesYaml)
    const ours = encodeJson(decodeYaml(valuesYaml))
    const helmTree = JSON.parse(out!) as Record<string, unknown>
    const ourTree = JSON.parse(ours) as Record<string, unknown>
    for (const k of Object.keys(helmTree)) expect([k, ourTree[k]]).toEqual([k, helmTree[k]])
    expect(ours).toBe(out)
  })

  it.each(DOCUMENTS)('decodes the document %j as helm does', async (doc) => {
    const [out] = await helmRender(['toJson .Values'], doc)
    expect(encodeJson(decodeYaml(doc) ?? {})).toBe(out)
  })

  const BAD: string[] = [
    'a: b: c\n',
    'a:\n  b: 1\n c: 2\n',
    'a: [1, 2\n',
    'x:\n  - a\n  b: 1\n',
    'a: *nope\n',
    'a: "x\n',
    "a: 'x\n",
    'a: |\n  x\n y: 1\n',
    '- a\n- b\nc: d\n',
    'a:\n  - b\n  -c: d\n e: f\n',
    'key: [a, b]]\n',
    'key: {a: b}}\n',
    'a: @x\n',
    'a: `x\n',
    'a: %x\n',
    'a:\n\tb: 1\n',
    'a: 1\n\tb: 2\n',
    '? a\n? b\n: c\n: d\n',
    '[a, b\n',
    '{a: 1,\n',
    'a: [1,\n  2\n',
    '"a": b: c\n',
    'a:\n  b:\n    c: 1\n   d: 2\n',
    'a: b\n  c: d\n',
    'a: "\\z"\n',
    'a:\n  - 1\n  - 2\n  x: 3\n',
    'x: 1\ny: 2\nz: 3\n  w: 4\n',
    'a: >\n  x\n y\n',
    'a: [b, c]: d\n',
    ': a\n',
    'a: 1\n- b\n',
    'a: &x [*x]\n',
    'a: .nan\n',
    '- a\n',
    'foo\n',
    '1\n',
    'true\n',
    'a: x\u0001y\n',
    'a: x\u007fy\n',
    'a: x\u0080y\n',
    'a: x\ufffey\n',
    'a: x\u000by\n',
    '# c\n{{- if .enabled }}\n- a: 1\n{{- end }}\n',
    'x:\n  {{- toYaml .x | nindent 2 }}\n',
    'a: x\u2028y\n',
    'a: x\u0085y\n',
    'b: 1\nc:\n  d: x\u2029y z\n',
    // flow collections the text ends in, or a document marker cuts
    'kind: [\n',
    'kind: [',
    'a: [ # c\n',
    'a: {b: \n',
    'a: [1,\nb: 2\n',
    'a: [\nb: 1',
    'x: 1\na: [\n  1\n',
    'a: [\n---\n]\n',
    'a: [1\n...\n',
    'a: [1,,2]\n',
    'x: 1\ny: [1,\n,2]\n',
    'a: {,}\n',
    // a comment less indented than a block scalar ends it; go-yaml faults the next line
    'a: |\n  x\n# c\n  y\nb: 1\n',
    'a:\n  b: |\n    x\n  # c\n    y\n',
    'a: |\n  x\n\n# c\n  - y\n',
    '- |\n  x\n# c\n  y\n',
    'a:\n- |\n    x\n  # c\n    y\n',
    'a:\n  - |\n    x\n  # c\n    y\n',
    'x:\n  a: |\n    x\n\n # c\n    y\n',
    'k: >\n  x\n# c\n   y\n',
    // a plain scalar at a block sequence's column must be a key
    'a:\n  - x\n  y\n',
    'a:\n  - x\n\n  y\n',
    'a:\n  - x\n\n  y\nb: 1\n',
    '- |\n  x\n# c\ny\nz: 1\n',
    'a:\n  - |\n    x\n  # c\n  y\n',
    '- a\nb\n',
    'a:\n  - x\n  "y" # c\n',
    'a:\n  - x\n\n  y: 1\n',
    // quoted scalars a document marker cuts
    'a: "x\n---\ny"\n',
    "a: 'x\n\n...\n'\n",
    'a: 1\nb: "x\n  y\n--- \nz"\n',
    'a: "x\n',
  ]
  it.each(BAD)('rejects %j with helm words', async (doc) => {
    const err = await helmError(doc)
    let ours = ''
    try {
      decodeYamlMap(doc, { file: 'values.yaml' })
    } catch (e) {
      ours = (e as Error).message
    }
    expect(ours).not.toBe('')
    expect(err.trim()).toBe(`Error: cannot load values.yaml: ${ours}`)
  })
})
