import { describe, expect, it } from 'vitest'
import { RenderError } from '../errors.ts'
import { decodeYaml } from '@slipway/gotemplate'
import { headFromDecoded, parseHead } from './head.ts'
import { sortManifests } from './sort.ts'
import { splitManifests } from './split.ts'

describe('splitManifests', () => {
  it('splits on lines starting with ---, trims, drops empty documents', () => {
    // as Go's regexp: whitespace eaten after one separator hides the next `---` (helm prints it)
    expect(splitManifests('\n---\na: 1\n---   \n\n---\nb: |\n  ---\n  x\n--- # c\nd: 1\n')).toEqual(
      ['a: 1', '---\nb: |\n  ---\n  x', '# c\nd: 1'],
    )
  })
  it('splits exactly as the regular expression Helm uses, on random texts', () => {
    const alphabet = ['-', '-', '-', '\n', '\n', ' ', '\t', 'a', '#', '\r']
    let seed = 7
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let n = 0; n < 3000; n++) {
      let t = ''
      const len = Math.floor(rand() * 30)
      for (let i = 0; i < len; i++) t += alphabet[Math.floor(rand() * alphabet.length)]
      const viaRegex = t
        .trim()
        .split(/(?:^|\s*\n)---\s*/)
        .filter((d) => d !== '')
        .map((d) => d.trim())
      expect(splitManifests(t), JSON.stringify(t)).toEqual(viaRegex)
    }
  })
  it('treats ---foo as a separator followed by foo', () => {
    expect(splitManifests('a: 1\n---b: 2')).toEqual(['a: 1', 'b: 2'])
  })
})

describe('parseHead', () => {
  it('reads kind, name and annotations, turning scalars into strings', () => {
    expect(
      parseHead('apiVersion: v1\nkind: 5\nmetadata:\n  name: x\n  annotations:\n    w: 5\n'),
    ).toEqual({
      apiVersion: 'v1',
      kind: '5',
      metadata: { name: 'x', annotations: { w: '5' } },
    })
  })
  it('accepts comment-only documents and rejects scalars as Helm does', () => {
    expect(parseHead('# only a comment')).toEqual({ apiVersion: '', kind: '' })
    expect(() => parseHead('1')).toThrow(
      /cannot unmarshal number into Go value of type releaseutil.SimpleHead/,
    )
  })
})

describe('parseHead fast path', () => {
  it.each([
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
    'kind: yes\napiVersion: 0755\nmetadata:\n  name: 0x1F\n  annotations:\n    a: 1e3\n    y: on\n    n: null\n',
    'base: &b\n  name: anchored\nmetadata: *b\nkind: Pod\n',
    'metadata:\n  <<: {name: merged}\nkind: Pod\n',
    '<<: {kind: Merged}\napiVersion: v1\n',
    'kind: Pod\nkind: Service\n',
    'metadata:\n  annotations:\n    "helm.sh/hook": pre-install\n    "helm.sh/hook-weight": -5\n  name: h\n',
    'apiVersion: v1\nkind: List\nitems:\n- a\n- b\n',
    '# just a comment\n',
    '123456789012345678901234: big\nkind: "quoted"\n',
  ])('agrees with the full decoder: %j', (doc) => {
    let full: unknown
    try {
      full = headFromDecoded(decodeYaml(doc))
    } catch (err) {
      full = `error: ${(err as Error).message}`
    }
    let fast: unknown
    try {
      fast = parseHead(doc)
    } catch (err) {
      fast = `error: ${(err as Error).message}`
    }
    if (typeof full === 'string') expect(String(fast)).toContain(full.slice('error: '.length))
    else expect(fast).toEqual(full)
  })
})

describe('sortManifests', () => {
  const files = new Map([
    [
      'c/templates/b.yaml',
      'kind: Deployment\nmetadata:\n  name: d\n---\nkind: Zed\n---\nkind: Alpha\n',
    ],
    [
      'c/templates/a.yaml',
      'kind: Service\n---\nkind: Namespace\n---\nkind: Deployment\nmetadata:\n  name: first\n',
    ],
    ['c/templates/_h.tpl', 'kind: Secret'],
    ['c/templates/empty.yaml', '  \n'],
    [
      'c/templates/hooks.yaml',
      'kind: Job\nmetadata:\n  name: j\n  annotations:\n    helm.sh/hook: pre-install, post-upgrade\n    helm.sh/hook-weight: "-5"\n    helm.sh/hook-delete-policy: before-hook-creation\n---\nkind: ConfigMap\nmetadata:\n  name: u\n  annotations:\n    helm.sh/hook: bogus\n---\nkind: Pod\nmetadata:\n  name: t\n  annotations:\n    helm.sh/hook: test\n    helm.sh/hook-weight: x\n',
    ],
  ])
  it('orders by install order of kind, stably, unknown kinds last and alphabetical', () => {
    const warnings: string[] = []
    const { manifests, hooks } = sortManifests(files, undefined, (m) => warnings.push(m))
    expect(manifests.map((m) => `${m.head.kind}:${m.head.metadata?.name ?? ''}`)).toEqual([
      'Namespace:',
      'Service:',
      'Deployment:first',
      'Deployment:d',
      'Alpha:',
      'Zed:',
    ])
    expect(hooks.map((h) => [h.kind, h.events, h.weight, h.deletePolicies])).toEqual([
      ['Pod', ['test'], 0, []],
      ['Job', ['pre-install', 'post-upgrade'], -5, ['before-hook-creation']],
    ])
    expect(warnings).toEqual(['info: skipping unknown hook: "bogus"'])
  })
  it('fails with the file name on a YAML error', () => {
    try {
      sortManifests(new Map([['c/templates/x.yaml', 'a: [']]))
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(RenderError)
      expect((err as RenderError).code).toBe('YAML_PARSE')
      expect((err as RenderError).message).toMatch(
        /^YAML parse error on c\/templates\/x.yaml: error converting YAML to JSON: /,
      )
    }
  })
})
