/**
 * bin/slipway, the command users run: Node starts without NODE_EXTRA_CA_CERTS (it would build the
 * root store before any code runs), and the launcher must still trust that file's certificates
 * for every TLS connection made without a CA of its own, as Node does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chartArchiveEntries, loadChartDir, writeChartArchive } from '@slipway/chart/node'
import { startHelmRepo, type HelmRepo } from '../support/helm-repo.ts'
import { selfSignedLoopbackCert } from '../support/registry-tls.ts'
import { helm, repoRoot, run } from '../support/tools.ts'

const launcher = join(repoRoot, 'apps', 'cli', 'bin', 'slipway')
const demo = join(repoRoot, 'test', 'fixtures', 'charts', 'demo')

let repo: HelmRepo
let caFile: string

beforeAll(async () => {
  const { cert, key } = selfSignedLoopbackCert()
  caFile = join(mkdtempSync(join(tmpdir(), 'slipway-ca-')), 'ca.pem')
  writeFileSync(caFile, cert)
  repo = await startHelmRepo({ tls: { key, cert } })
  repo.addChart(await writeChartArchive(chartArchiveEntries(await loadChartDir(demo))), {
    name: 'demo',
    version: '1.0.0',
  })
})
afterAll(async () => {
  await repo?.stop()
})

/** bin/slipway as a shell runs it, with `node` on PATH and only the variables given. */
function launch(args: string[], env: NodeJS.ProcessEnv) {
  const home = mkdtempSync(join(tmpdir(), 'slipway-launch-'))
  return run(launcher, args, {
    env: {
      PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: home,
      HELM_CACHE_HOME: join(home, 'cache'),
      HELM_CONFIG_HOME: join(home, 'config'),
      // no render server left behind in the user's own directory
      SLIPWAY_RENDER_SERVER: '0',
      ...env,
    },
  })
}

describe('bin/slipway', () => {
  const args = () => ['template', 'rel', 'demo', '--repo', repo.url, '--version', '1.0.0']

  it('trusts the certificates of NODE_EXTRA_CA_CERTS without Node loading them at start', async () => {
    const trusted = await launch(args(), { NODE_EXTRA_CA_CERTS: caFile })
    expect(trusted.stderr).toBe('')
    expect(trusted.code).toBe(0)
    expect(trusted.stdout).toBe((await helm(['template', 'rel', demo])).stdout)
  }, 60_000)

  it('without the variable, refuses the unknown certificate', async () => {
    const refused = await launch(args(), {})
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/self[- ]signed certificate/)
  }, 60_000)

  it('names the file when it cannot be read, and goes on with Node’s own roots', async () => {
    const missing = join(tmpdir(), 'slipway-no-such-ca.pem')
    const result = await launch(args(), { NODE_EXTRA_CA_CERTS: missing })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`Ignoring extra certs from \`${missing}\``)
    expect(result.stderr).toMatch(/self[- ]signed certificate/)
  }, 60_000)
})
