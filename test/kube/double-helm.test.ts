import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../support/tools.ts'
import { startCluster, type TestCluster } from './cluster.ts'

const chartDir = join(repoRoot, 'test', 'kube', 'fixtures', 'demo')

describe('helm against the cluster', () => {
  let c: TestCluster
  beforeAll(async () => {
    c = await startCluster({ kubelet: true })
  })
  afterAll(async () => {
    await c.stop()
  })

  it('installs with --wait, upgrades, rolls back and uninstalls', async () => {
    const ns = await c.namespace()
    const install = await c.helm([
      'install',
      'h1',
      chartDir,
      '-n',
      ns,
      '--set',
      'replicas=2',
      '--wait',
      '--timeout',
      '30s',
    ])
    expect(install.stderr).toBe('')
    expect(install.stdout).toContain('STATUS: deployed')
    expect(install.stdout).toContain('h1 is deployed with 2 replica(s).')
    const pods = await c.kubectl(['get', 'pods', '-n', ns, '-l', 'app=h1-demo', '-o', 'name'])
    expect(pods.stdout.trim().split('\n')).toHaveLength(2)

    const upgrade = await c.helm([
      'upgrade',
      'h1',
      chartDir,
      '-n',
      ns,
      '--set',
      'message=changed,extra=false',
      '--wait',
      '--timeout',
      '30s',
    ])
    expect(upgrade.stdout).toContain('has been upgraded')
    expect((await c.kubectl(['get', 'configmap', 'h1-extra', '-n', ns])).stderr).toContain(
      'not found',
    )
    const env = await c.kubectl([
      'get',
      'deployment',
      'h1-demo',
      '-n',
      ns,
      '-o',
      'jsonpath={.spec.template.spec.containers[0].env[0].value}',
    ])
    expect(env.stdout).toBe('changed')

    const values = await c.helm(['get', 'values', 'h1', '-n', ns, '-o', 'json'])
    expect(JSON.parse(values.stdout)).toEqual({ message: 'changed', extra: false })
    const manifest = await c.helm(['get', 'manifest', 'h1', '-n', ns])
    expect(manifest.stdout).not.toContain('h1-extra')

    const rollback = await c.helm(['rollback', 'h1', '1', '-n', ns, '--wait', '--timeout', '30s'])
    expect(rollback.stdout).toContain('Rollback was a success')
    expect((await c.kubectl(['get', 'configmap', 'h1-extra', '-n', ns])).code).toBe(0)
    const history = JSON.parse(
      (await c.helm(['history', 'h1', '-n', ns, '-o', 'json'])).stdout,
    ) as Array<Record<string, unknown>>
    expect(history.map((h) => [h.revision, h.status])).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
      [3, 'deployed'],
    ])
    const status = await c.helm(['status', 'h1', '-n', ns])
    expect(status.stdout).toContain('REVISION: 3')

    const uninstall = await c.helm(['uninstall', 'h1', '-n', ns])
    expect(uninstall.stdout).toContain('release "h1" uninstalled')
    expect((await c.kubectl(['get', 'deployment', 'h1-demo', '-n', ns])).stderr).toContain(
      'not found',
    )
    const secrets = await c.kubectl(['get', 'secrets', '-n', ns, '-l', 'owner=helm', '-o', 'name'])
    expect(secrets.stdout.trim()).toBe('')
  })

  it("runs a chart's hooks in order and reports a failed install", async () => {
    const ns = await c.namespace()
    const install = await c.helm([
      'install',
      'hk',
      chartDir,
      '-n',
      ns,
      '--set',
      'hook.enabled=true',
      '--wait',
      '--timeout',
      '30s',
    ])
    expect(install.stdout).toContain('STATUS: deployed')
    // hook-succeeded removed the Job; the post-install ConfigMap stays
    expect((await c.kubectl(['get', 'job', 'hk-migrate', '-n', ns])).stderr).toContain('not found')
    expect((await c.kubectl(['get', 'configmap', 'hk-post', '-n', ns])).code).toBe(0)
    const bad = await c.helm([
      'install',
      'bad',
      chartDir,
      '-n',
      ns,
      '--set',
      'image=',
      '--timeout',
      '30s',
    ])
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toContain('spec.template.spec.containers[0].image: Required value')
  })
})
