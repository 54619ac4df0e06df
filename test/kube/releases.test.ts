import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadChart } from '@slipway/chart/node'
import { KubeClient, Releases, isKubeError, type ApplyEvent } from '@slipway/kube'
import type { Chart } from '@slipway/chart'
import { repoRoot } from '../support/tools.ts'
import { startCluster, type TestCluster } from './cluster.ts'

const chartDir = join(repoRoot, 'test', 'kube', 'fixtures', 'demo')

describe('Slipway releases and helm see the same releases', () => {
  let c: TestCluster
  let releases: Releases
  let chart: Chart
  beforeAll(async () => {
    c = await startCluster({ kubelet: true })
    releases = new Releases(await KubeClient.connect({ kubeconfig: c.kubeconfigPath }))
    chart = await loadChart(chartDir)
  })
  afterAll(async () => {
    await c.stop()
  })

  it('installs a release that helm list, get values, get manifest, history and status see', async () => {
    const ns = await c.namespace()
    const events: ApplyEvent[] = []
    const source = {
      repository: 'oci://registry.example/charts',
      path: 'demo',
      version: '1.0.0',
      digest: `sha256:${'ab'.repeat(32)}`,
    }
    const rel = await releases.install(
      {
        name: 'web',
        namespace: ns,
        chart,
        values: { replicas: 2 },
        source,
        wait: true,
        timeoutMs: 30_000,
      },
      (e) => events.push(e),
    )
    // the chart source rides along in the record; helm reads the record regardless (below)
    expect((await releases.get('web', ns)).source).toEqual(source)
    expect(rel.status).toBe('deployed')
    expect(rel.revision).toBe(1)
    expect(
      events.filter((e) => e.phase === 'apply' && e.action === 'created').map((e) => e.kind),
    ).toEqual(['ConfigMap', 'ConfigMap', 'Service', 'Deployment'])
    expect(
      events.some((e) => e.phase === 'wait' && e.action === 'ready' && e.kind === 'Deployment'),
    ).toBe(true)

    const list = await c.helm(['list', '-n', ns, '-o', 'json'])
    expect(list.stderr).toBe('')
    const rows = JSON.parse(list.stdout) as Array<Record<string, string>>
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      name: 'web',
      namespace: ns,
      revision: '1',
      status: 'deployed',
      chart: 'demo-1.0.0',
      app_version: '2.0.0',
    })
    const values = await c.helm(['get', 'values', 'web', '-n', ns, '-o', 'json'])
    expect(JSON.parse(values.stdout)).toEqual({ replicas: 2 })
    const manifest = await c.helm(['get', 'manifest', 'web', '-n', ns])
    expect(manifest.stdout).toContain('# Source: demo/templates/deployment.yaml')
    expect(manifest.stdout).toContain('replicas: 2')
    const history = await c.helm(['history', 'web', '-n', ns, '-o', 'json'])
    expect(JSON.parse(history.stdout)).toMatchObject([
      { revision: 1, status: 'deployed', chart: 'demo-1.0.0', description: 'Install complete' },
    ])
    const status = await c.helm(['status', 'web', '-n', ns])
    expect(status.stdout).toContain('STATUS: deployed')
    expect(status.stdout).toContain('web is deployed with 2 replica(s).')

    // test hooks are kept in the record (not run): helm test finds and runs them
    const test = await c.helm(['test', 'web', '-n', ns, '--timeout', '30s'])
    expect(test.stderr).toBe('')
    expect(test.stdout).toMatch(
      /TEST SUITE:\s+web-check\nLast Started:.*\nLast Completed:.*\nPhase:\s+Succeeded/,
    )

    const dep = await c.kubectl(['get', 'deployment', 'web-demo', '-n', ns, '-o', 'json'])
    const obj = JSON.parse(dep.stdout)
    expect(obj.metadata.labels['app.kubernetes.io/managed-by']).toBe('Helm')
    expect(obj.metadata.annotations['meta.helm.sh/release-name']).toBe('web')
    expect(obj.metadata.annotations['meta.helm.sh/release-namespace']).toBe(ns)
  })

  it('lists and upgrades a release made by helm install, and helm history shows the upgrade', async () => {
    const ns = await c.namespace()
    const installed = await c.helm([
      'install',
      'legacy',
      chartDir,
      '-n',
      ns,
      '--set',
      'message=from-helm',
    ])
    expect(installed.code).toBe(0)
    const listed = await releases.list(ns)
    expect(listed.map((r) => [r.name, r.revision, r.status, r.chart])).toEqual([
      ['legacy', 1, 'deployed', 'demo-1.0.0'],
    ])
    const up = await releases.upgrade({
      name: 'legacy',
      namespace: ns,
      chart,
      values: { message: 'from-slipway' },
    })
    expect(up.revision).toBe(2)
    const history = JSON.parse(
      (await c.helm(['history', 'legacy', '-n', ns, '-o', 'json'])).stdout,
    ) as Array<Record<string, unknown>>
    expect(history.map((h) => [h.revision, h.status, h.description])).toEqual([
      [1, 'superseded', 'Install complete'],
      [2, 'deployed', 'Upgrade complete'],
    ])
    const cm = await c.kubectl([
      'get',
      'configmap',
      'legacy-settings',
      '-n',
      ns,
      '-o',
      'jsonpath={.data.message}',
    ])
    expect(cm.stdout).toBe('from-slipway')
  })

  it('removes fields the chart no longer sets from objects helm created', async () => {
    const ns = await c.namespace()
    expect(
      (await c.helm(['install', 'drop', chartDir, '-n', ns, '--set', 'debug=true'])).code,
    ).toBe(0)
    const env = async () =>
      JSON.parse(
        (
          await c.kubectl([
            'get',
            'deployment',
            'drop-demo',
            '-n',
            ns,
            '-o',
            'jsonpath={.spec.template.spec.containers[0].env}',
          ])
        ).stdout,
      )
    expect((await env()).map((e: { name: string }) => e.name)).toEqual(['MESSAGE', 'DEBUG'])
    await releases.upgrade({ name: 'drop', namespace: ns, chart, values: { debug: false } })
    expect(await env()).toEqual([{ name: 'MESSAGE', value: 'hello' }])
    // and helm can take it back over afterwards
    const back = await c.helm(['upgrade', 'drop', chartDir, '-n', ns, '--set', 'debug=true'])
    expect(back.code).toBe(0)
    expect((await env()).map((e: { name: string }) => e.name)).toEqual(['MESSAGE', 'DEBUG'])
  })

  it('lets helm roll back a Slipway upgrade', async () => {
    const ns = await c.namespace()
    await releases.install({ name: 'rb', namespace: ns, chart, values: { message: 'one' } })
    await releases.upgrade({ name: 'rb', namespace: ns, chart, values: { message: 'two' } })
    const rolled = await c.helm(['rollback', 'rb', '1', '-n', ns])
    expect(rolled.stderr).toBe('')
    expect(rolled.code).toBe(0)
    const cm = await c.kubectl([
      'get',
      'configmap',
      'rb-settings',
      '-n',
      ns,
      '-o',
      'jsonpath={.data.message}',
    ])
    expect(cm.stdout).toBe('one')
    const latest = await releases.get('rb', ns)
    expect([latest.revision, latest.status, latest.description]).toEqual([
      3,
      'deployed',
      'Rollback to 1',
    ])
    expect(latest.values).toEqual({ message: 'one' })
  })

  it('rolls back itself as a new revision and prunes what the target does not have', async () => {
    const ns = await c.namespace()
    await releases.install({ name: 'own', namespace: ns, chart, values: { extra: false } })
    await releases.upgrade({ name: 'own', namespace: ns, chart, values: { extra: true } })
    expect((await c.kubectl(['get', 'configmap', 'own-extra', '-n', ns])).code).toBe(0)
    const back = await releases.rollback('own', ns, 1)
    expect([back.revision, back.status]).toEqual([3, 'deployed'])
    const gone = await c.kubectl(['get', 'configmap', 'own-extra', '-n', ns])
    expect(gone.stderr).toContain('not found')
    const hist = JSON.parse(
      (await c.helm(['history', 'own', '-n', ns, '-o', 'json'])).stdout,
    ) as Array<Record<string, unknown>>
    expect(hist.map((h) => h.status)).toEqual(['superseded', 'superseded', 'deployed'])
  })

  it('prunes a resource an upgrade drops', async () => {
    const ns = await c.namespace()
    await releases.install({ name: 'prune', namespace: ns, chart })
    expect((await c.kubectl(['get', 'configmap', 'prune-extra', '-n', ns])).code).toBe(0)
    const events: ApplyEvent[] = []
    await releases.upgrade({ name: 'prune', namespace: ns, chart, values: { extra: false } }, (e) =>
      events.push(e),
    )
    expect(
      events.filter((e) => e.phase === 'prune').map((e) => [e.action, e.kind, e.name]),
    ).toEqual([['deleted', 'ConfigMap', 'prune-extra']])
    const gone = await c.kubectl(['get', 'configmap', 'prune-extra', '-n', ns])
    expect(gone.stderr).toContain('configmaps "prune-extra" not found')
    expect((await c.kubectl(['get', 'configmap', 'prune-settings', '-n', ns])).code).toBe(0)
  })

  it('uninstalls the resources and records, keeping resources marked keep', async () => {
    const ns = await c.namespace()
    await releases.install({ name: 'bye', namespace: ns, chart })
    await c.kubectl([
      'annotate',
      'configmap',
      'bye-extra',
      '-n',
      ns,
      'helm.sh/resource-policy=keep',
    ])
    const events: ApplyEvent[] = []
    await releases.uninstall('bye', ns, {}, (e) => events.push(e))
    expect(
      events
        .filter((e) => e.phase === 'delete' && e.action === 'deleted')
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['ConfigMap', 'Deployment', 'Service'])
    expect((await c.kubectl(['get', 'configmap', 'bye-extra', '-n', ns])).code).toBe(0)
    expect((await c.kubectl(['get', 'deployment', 'bye-demo', '-n', ns])).code).not.toBe(0)
    expect(JSON.parse((await c.helm(['list', '-n', ns, '-a', '-o', 'json'])).stdout)).toEqual([])
  })

  it('renders lookup against live objects, as helm install does', async () => {
    // lookup blocks the rendering thread, so the cluster must answer from another process
    const other = await startCluster({ separateProcess: true })
    try {
      const ns = await other.namespace()
      const rels = new Releases(await KubeClient.connect({ kubeconfig: other.kubeconfigPath }))
      await other.kubectl([
        'create',
        'configmap',
        'preexisting',
        '-n',
        ns,
        '--from-literal=color=blue',
      ])
      await rels.install({ name: 'look', namespace: ns, chart, values: { lookup: true } })
      const ours = JSON.parse(
        (await other.kubectl(['get', 'configmap', 'look-seen', '-n', ns, '-o', 'json'])).stdout,
      )
      expect(ours.data.found).toBe('blue')
      expect(Number(ours.data.namespaces)).toBeGreaterThan(1)
      expect(
        (await other.helm(['install', 'hlook', chartDir, '-n', ns, '--set', 'lookup=true'])).code,
      ).toBe(0)
      const theirs = JSON.parse(
        (await other.kubectl(['get', 'configmap', 'hlook-seen', '-n', ns, '-o', 'json'])).stdout,
      )
      expect(theirs.data).toEqual(ours.data)
    } finally {
      await other.stop()
    }
  })

  it('refuses to take over an object another release owns', async () => {
    const ns = await c.namespace()
    await c.kubectl(['create', 'configmap', 'taken-settings', '-n', ns, '--from-literal=a=b'])
    const err = await releases
      .install({ name: 'taken', namespace: ns, chart })
      .catch((e: unknown) => e)
    expect(isKubeError(err, 'OWNERSHIP')).toBe(true)
    expect((err as Error).message).toContain('ConfigMap "taken-settings" in namespace')
    expect((err as Error).message).toContain('invalid ownership metadata')
    expect((await releases.get('taken', ns)).status).toBe('failed')
    expect((await c.kubectl(['get', 'deployment', 'taken-demo', '-n', ns])).code).not.toBe(0)
  })
})
