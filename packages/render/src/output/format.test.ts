import { describe, expect, it } from 'vitest'
import type { RenderResult } from '../render.ts'
import { formatTemplateOutput } from './format.ts'
import { pathMatch } from './path-match.ts'

const head = (kind: string) => ({ apiVersion: 'v1', kind })
const result: RenderResult = {
  manifests: [
    { name: 'c/templates/ns.yaml', content: 'kind: Namespace', head: head('Namespace') },
    { name: 'c/charts/s/templates/svc.yaml', content: 'kind: Service', head: head('Service') },
  ],
  hooks: [
    {
      name: 't',
      kind: 'Pod',
      path: 'c/templates/tests/t.yaml',
      manifest: 'kind: Pod',
      events: ['test'],
      weight: 0,
      deletePolicies: [],
    },
  ],
  crdFiles: [{ name: 'c/crds/x.yaml', content: 'kind: CustomResourceDefinition\n' }],
  values: {},
  includeCrds: false,
}

describe('formatTemplateOutput', () => {
  it('prints manifests then hooks, each with its source', () => {
    expect(formatTemplateOutput(result)).toBe(
      '---\n# Source: c/templates/ns.yaml\nkind: Namespace\n---\n# Source: c/charts/s/templates/svc.yaml\nkind: Service\n---\n# Source: c/templates/tests/t.yaml\nkind: Pod\n',
    )
  })
  it('prints CRD files whole first, leaving the blank line helm leaves', () => {
    expect(formatTemplateOutput(result, { includeCrds: true, skipTests: true })).toBe(
      '---\n# Source: c/crds/x.yaml\nkind: CustomResourceDefinition\n\n---\n# Source: c/templates/ns.yaml\nkind: Namespace\n---\n# Source: c/charts/s/templates/svc.yaml\nkind: Service\n',
    )
  })
  it('prints a lone newline for an empty chart', () => {
    expect(formatTemplateOutput({ ...result, manifests: [], hooks: [] })).toBe('\n')
  })
  it('filters with --show-only globs on the path below the chart name', () => {
    expect(formatTemplateOutput(result, { showOnly: ['charts/s/templates/*.yaml'] })).toBe(
      '---\n# Source: c/charts/s/templates/svc.yaml\nkind: Service\n',
    )
    expect(() => formatTemplateOutput(result, { showOnly: ['templates/nope.yaml'] })).toThrow(
      'could not find template templates/nope.yaml in chart',
    )
  })
})

describe('pathMatch', () => {
  it.each([
    ['templates/*.yaml', 'templates/a.yaml', true],
    ['templates/*', 'templates/sub/a.yaml', false],
    ['templates/?.yaml', 'templates/a.yaml', true],
    ['templates/[ab].yaml', 'templates/b.yaml', true],
    ['templates/[^ab].yaml', 'templates/b.yaml', false],
    ['templates/a.yaml', 'templates/a.yaml', true],
  ])('%s ~ %s', (p, n, ok) => expect(pathMatch(p, n)).toBe(ok))
})
