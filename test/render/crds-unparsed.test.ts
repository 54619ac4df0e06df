import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { crdManifests } from '../../packages/render/src/index.ts'
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
    expect(() => crdManifests([{ name: 'c/crds/broken.yaml', content: 'kind: [\n' }])).toThrow(
      /c\/crds\/broken\.yaml/,
    )
  })
})
