import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHelmRepo, type HelmRepo } from '../support/helm-repo.ts'
import { helmPackage, type PackagedChart } from '../support/registry-content.ts'
import { startRegistry, type TestRegistry } from '../support/registry.ts'
import { helm, repoRoot, slipway } from '../support/tools.ts'
import { compareOutputs } from './support/documents.ts'

// The real `slipway` process (bin + CLI) against the real helm, for each way a chart arrives
describe('slipway template renders charts from every source like helm template', () => {
  let registry: TestRegistry
  let repo: HelmRepo
  let pkg: PackagedChart

  beforeAll(async () => {
    pkg = await helmPackage(join(repoRoot, 'test', 'fixtures', 'render', 'umbrella'))
    registry = await startRegistry()
    const pushed = await helm(['push', pkg.path, `oci://${registry.host}/charts`, '--plain-http'])
    expect(pushed.code, pushed.stderr).toBe(0)
    repo = await startHelmRepo()
    repo.addChart(pkg.bytes, { name: 'umbrella', version: '0.3.0' })
  })

  afterAll(async () => {
    await registry?.stop()
    await repo?.stop()
  })

  const sources: Array<[string, () => string[]]> = [
    ['a packaged .tgz', () => [pkg.path]],
    [
      'an OCI registry',
      () => [`oci://${registry.host}/charts/umbrella`, '--version', '0.3.0', '--plain-http'],
    ],
    ['a Helm repository', () => ['umbrella', '--repo', repo.url, '--version', '0.3.x']],
  ]

  for (const [label, args] of sources) {
    it(label, async () => {
      const a = ['template', 'web', ...args(), '-n', 'shop', '--set', 'replica.enabled=true']
      const [want, got] = await Promise.all([helm(a), slipway(a)])
      expect(want.code, want.stderr).toBe(0)
      expect(got.code, got.stderr).toBe(0)
      const diff = compareOutputs(want.stdout, got.stdout)
      expect(diff, diff ?? '').toBeNull()
    })
  }
})
