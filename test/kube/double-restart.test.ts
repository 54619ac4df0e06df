import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startKubeDouble } from '../kube-double/index.ts'
import { helmPath, isolatedHelmEnv, repoRoot, run } from '../support/tools.ts'

const chartDir = join(repoRoot, 'test', 'kube', 'fixtures', 'demo')

// The double's state file: a restart keeps releases, objects and resourceVersions.
describe('restarting the double with a state file', () => {
  it('keeps a helm release across the restart', async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'kube-double-restart-')), 'state.json')
    const first = await startKubeDouble({ stateFile })
    const helm = (kubeconfig: string, args: string[]) =>
      run(helmPath(), args, { env: isolatedHelmEnv({ KUBECONFIG: kubeconfig }) })
    expect(
      (await helm(first.kubeconfigPath, ['install', 'kept', chartDir, '-n', 'default'])).code,
    ).toBe(0)
    const rv = Number(first.store.resourceVersion)
    await first.stop()

    const second = await startKubeDouble({ stateFile })
    try {
      expect(Number(second.store.resourceVersion)).toBeGreaterThanOrEqual(rv)
      const list = JSON.parse(
        (await helm(second.kubeconfigPath, ['list', '-n', 'default', '-o', 'json'])).stdout,
      )
      expect(list.map((r: { name: string; status: string }) => [r.name, r.status])).toEqual([
        ['kept', 'deployed'],
      ])
      const up = await helm(second.kubeconfigPath, [
        'upgrade',
        'kept',
        chartDir,
        '-n',
        'default',
        '--set',
        'message=again',
      ])
      expect(up.code).toBe(0)
      expect(up.stdout).toContain('REVISION: 2')
    } finally {
      await second.stop()
    }
  })
})
