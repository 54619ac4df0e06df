import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadChart } from '@slipway/chart/node'
import { KubeClient, Releases, type ApplyEvent } from '@slipway/kube'
import { repoRoot } from '../support/tools.ts'
import { startCluster, type TestCluster } from './cluster.ts'

const chartDir = join(repoRoot, 'test', 'kube', 'fixtures', 'widgets')

describe('charts that bring CustomResourceDefinitions', () => {
  let c: TestCluster
  let releases: Releases
  beforeAll(async () => {
    c = await startCluster({ kubelet: true })
    releases = new Releases(await KubeClient.connect({ kubeconfig: c.kubeconfigPath }))
  })
  afterAll(async () => {
    await c.kubectl(['delete', 'crd', 'gadgets.test.slipway.dev', '--ignore-not-found'])
    await c.stop()
  })

  it('creates the CRDs first, waits until they are established, then applies the custom resources', async () => {
    const ns = await c.namespace()
    const events: ApplyEvent[] = []
    await releases.install({ name: 'g', namespace: ns, chart: await loadChart(chartDir) }, (e) =>
      events.push(e),
    )
    const steps = events
      .filter((e) => ['crd', 'apply'].includes(e.phase) && e.action !== 'waiting')
      .map((e) => `${e.phase}:${e.action}:${e.kind}`)
    expect(steps).toEqual([
      'crd:created:CustomResourceDefinition',
      'crd:ready:CustomResourceDefinition',
      'apply:created:Gadget',
    ])
    const got = JSON.parse(
      (await c.kubectl(['get', 'gadgets', 'g-gadget', '-n', ns, '-o', 'json'])).stdout,
    )
    expect(got.spec.size).toBe(3)
    // as helm install: the CRDs are created before rendering, so .Capabilities has their API
    expect(got.spec.capabilities).toBe('seen')
    const manifest = (await c.helm(['get', 'manifest', 'g', '-n', ns])).stdout
    expect(manifest).toContain('kind: Gadget')
    expect(manifest).not.toContain('CustomResourceDefinition')

    // an upgrade leaves the existing CRD alone
    const upEvents: ApplyEvent[] = []
    const upgraded = await releases.upgrade(
      { name: 'g', namespace: ns, chart: await loadChart(chartDir), values: { size: 5 } },
      (e) => upEvents.push(e),
    )
    expect(upEvents.filter((e) => e.phase === 'crd')).toEqual([])
    expect(upgraded.manifest).toContain('capabilities: seen')
    const after = JSON.parse(
      (await c.kubectl(['get', 'gadgets', 'g-gadget', '-n', ns, '-o', 'json'])).stdout,
    )
    expect(after.spec.size).toBe(5)
  })

  it('installs the same chart with helm once the CRD exists', async () => {
    const ns = await c.namespace()
    const r = await c.helm(['install', 'hg', chartDir, '-n', ns])
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('STATUS: deployed')
    const items = JSON.parse(
      (await c.kubectl(['get', 'gadgets', '-n', ns, '-o', 'json'])).stdout,
    ).items
    expect(items.map((i: { spec: unknown }) => i.spec)).toEqual([{ size: 3, capabilities: 'seen' }])
  })
})
