import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot, slipway } from '../support/tools.ts'
import { startCluster, type TestCluster } from './cluster.ts'

const chartDir = join(repoRoot, 'test', 'kube', 'fixtures', 'demo')

describe('slipway install, upgrade, rollback, uninstall, list, history, status', () => {
  let c: TestCluster
  const cli = (args: string[]) => slipway(args, { env: c.env })
  beforeAll(async () => {
    c = await startCluster({ kubelet: true })
  })
  afterAll(async () => {
    await c.stop()
  })

  it("runs a release through its life with Helm's commands and output", async () => {
    const ns = await c.namespace(false)
    const valuesFile = join(c.env.HOME as string, 'values.yaml')
    writeFileSync(valuesFile, 'message: from-file\nreplicas: 1\n')
    const install = await cli([
      'install',
      'app',
      chartDir,
      '-n',
      ns,
      '--create-namespace',
      '-f',
      valuesFile,
      '--set',
      'replicas=2',
      '--wait',
      '--timeout',
      '30s',
    ])
    expect(install.stderr).toBe('')
    expect(install.stdout).toMatch(
      /^NAME: app\nLAST DEPLOYED: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\nNAMESPACE: t-\w+\nSTATUS: deployed\nREVISION: 1\n/,
    )
    expect(install.stdout).toContain('NOTES:\napp is deployed with 2 replica(s).')

    const ours = JSON.parse((await cli(['list', '-n', ns, '-o', 'json'])).stdout)
    const theirs = JSON.parse((await c.helm(['list', '-n', ns, '-o', 'json'])).stdout)
    expect(ours.map((r: Record<string, string>) => ({ ...r, updated: undefined }))).toEqual(
      theirs.map((r: Record<string, string>) => ({ ...r, updated: undefined })),
    )
    const values = JSON.parse(
      (await c.helm(['get', 'values', 'app', '-n', ns, '-o', 'json'])).stdout,
    )
    expect(values).toEqual({ message: 'from-file', replicas: 2 })

    const upgrade = await cli(['upgrade', 'app', chartDir, '-n', ns, '--set', 'extra=false'])
    expect(upgrade.stdout).toContain('Release "app" has been upgraded. Happy Helming!')
    expect(upgrade.stdout).toContain('REVISION: 2')

    const table = await cli(['list', '-n', ns])
    expect(table.stdout.split('\n')[0]).toMatch(
      /^NAME\s*\tNAMESPACE\s*\tREVISION\s*\tUPDATED\s*\tSTATUS\s*\tCHART\s*\tAPP VERSION$/,
    )
    expect(table.stdout).toMatch(
      /app\s*\tt-\w+\s*\t2\s*\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[.\d]* \+0000 UTC\s*\tdeployed\s*\tdemo-1\.0\.0\s*\t2\.0\.0/,
    )

    const rollback = await cli(['rollback', 'app', '1', '-n', ns])
    expect(rollback.stdout).toBe('Rollback was a success! Happy Helming!\n')
    const history = JSON.parse((await cli(['history', 'app', '-n', ns, '-o', 'json'])).stdout)
    expect(
      history.map((h: Record<string, unknown>) => [h.revision, h.status, h.description]),
    ).toEqual([
      [1, 'superseded', 'Install complete'],
      [2, 'superseded', 'Upgrade complete'],
      [3, 'deployed', 'Rollback to 1'],
    ])
    const helmHistory = JSON.parse(
      (await c.helm(['history', 'app', '-n', ns, '-o', 'json'])).stdout,
    )
    expect(helmHistory.map((h: Record<string, unknown>) => h.status)).toEqual([
      'superseded',
      'superseded',
      'deployed',
    ])

    const status = await cli(['status', 'app', '-n', ns, '--show-resources'])
    expect(status.stdout).toContain('STATUS: deployed\nREVISION: 3')
    expect(status.stdout).toMatch(/Deployment\s*\tapp-demo\s*\tt-\w+\s*\tready/)
    const statusJson = JSON.parse((await cli(['status', 'app', '-n', ns, '-o', 'json'])).stdout)
    expect(statusJson).toMatchObject({
      name: 'app',
      version: 3,
      namespace: ns,
      info: { status: 'deployed' },
      config: { message: 'from-file', replicas: 2 },
    })

    const uninstall = await cli(['uninstall', 'app', '-n', ns])
    expect(uninstall.stdout).toBe('release "app" uninstalled\n')
    expect(JSON.parse((await cli(['list', '-n', ns, '-a', '-o', 'json'])).stdout)).toEqual([])
    expect((await c.kubectl(['get', 'deployment', 'app-demo', '-n', ns])).stderr).toContain(
      'not found',
    )
  }, 180_000)

  it('installs with upgrade --install and refuses a second install of the same name', async () => {
    const ns = await c.namespace()
    const up = await cli(['upgrade', '--install', 'fresh', chartDir, '-n', ns])
    expect(up.stdout).toContain('Release "fresh" does not exist. Installing it now.')
    expect(up.stdout).toContain('STATUS: deployed')
    const again = await cli(['install', 'fresh', chartDir, '-n', ns])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain(
      'Error: INSTALLATION FAILED: cannot re-use a name that is still in use',
    )
  })

  it('validates on the server with --dry-run and changes nothing', async () => {
    const ns = await c.namespace()
    const dry = await cli(['install', 'dry', chartDir, '-n', ns, '--dry-run'])
    // a namespace that --create-namespace would create is fine for a dry run
    const dryNew = await cli([
      'install',
      'dry',
      chartDir,
      '-n',
      `${ns}-new`,
      '--create-namespace',
      '--dry-run',
    ])
    expect(dryNew.stderr).toBe('')
    expect(dryNew.stdout).toContain('STATUS: pending-install')
    expect((await c.kubectl(['get', 'namespace', `${ns}-new`])).code).not.toBe(0)
    expect(dry.stderr).toBe('')
    expect(dry.stdout).toContain('STATUS: pending-install')
    expect(dry.stdout).toContain('# Source: demo/templates/deployment.yaml')
    expect(JSON.parse((await c.helm(['list', '-n', ns, '-a', '-o', 'json'])).stdout)).toEqual([])
    expect((await c.kubectl(['get', 'deployment', 'dry-demo', '-n', ns])).code).not.toBe(0)
  })

  it('names what is wrong when the release or the cluster is missing', async () => {
    const missing = await cli(['status', 'ghost', '-n', 'default'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('release "ghost" not found in namespace "default"')
    const noCluster = await slipway(['list'], {
      env: {
        ...c.env,
        KUBECONFIG: join(repoRoot, 'test', 'kube', 'fixtures', 'unreachable.kubeconfig'),
      },
    })
    expect(noCluster.code).toBe(1)
    expect(noCluster.stderr).toContain('is not reachable')
    expect(noCluster.stderr).toContain('set KUBECONFIG (or --kubeconfig)')
  })
})
