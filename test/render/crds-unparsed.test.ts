import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCrdFiles } from '../../packages/kube/src/manifest.ts'
import { probeChart } from '../support/probe-chart.ts'
import { helm, isolatedHelmEnv, slipway } from '../support/tools.ts'

// helm template prints crds/ files whole and never parses them; installing does.
describe('crds/ files', () => {
  it('print unparsed with --include-crds, even when they are not YAML, as in helm', async () => {
    const dir = probeChart({ 'cm.yaml': 'kind: ConfigMap\nmetadata:\n  name: x\n' })
    mkdirSync(join(dir, 'crds'))
    writeFileSync(join(dir, 'crds', 'broken.yaml'), 'kind: [\n')
    const args = ['template', 'r', dir, '--include-crds']
    const [ours, theirs] = await Promise.all([
      slipway(args),
      helm(args, { env: isolatedHelmEnv() }),
    ])
    expect(theirs.code).toBe(0)
    expect(ours.stderr).toBe('')
    expect(ours.stdout).toBe(theirs.stdout)
    expect(ours.stdout).toContain('kind: [')
  })

  it('are parsed for installing, naming the file that is not YAML', () => {
    expect(() => parseCrdFiles([{ name: 'c/crds/broken.yaml', content: 'kind: [\n' }])).toThrow(
      'YAML parse error on c/crds/broken.yaml: error converting YAML to JSON: yaml: line 1: did not find expected node content',
    )
    const two = 'apiVersion: v1\nkind: A\n---\n# only a comment\n---\napiVersion: v1\nkind: B\n'
    expect(parseCrdFiles([{ name: 'c/crds/two.yaml', content: two }])).toEqual([
      { source: 'c/crds/two.yaml', object: { apiVersion: 'v1', kind: 'A' } },
      { source: 'c/crds/two.yaml', object: { apiVersion: 'v1', kind: 'B' } },
    ])
  })
})
