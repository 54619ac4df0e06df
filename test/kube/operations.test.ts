import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loadChart } from '@slipway/chart/node'
import { KubeClient, ReleaseStorage, Releases, isKubeError, type ApplyEvent } from '@slipway/kube'
import type { Chart } from '@slipway/chart'
import { startKubeDouble, type KubeDouble } from '../kube-double/index.ts'
import { isolatedHelmEnv, repoRoot, run, helmPath } from '../support/tools.ts'

const chartDir = join(repoRoot, 'test', 'kube', 'fixtures', 'demo')

// These tests make the cluster fail on purpose, so they need the double's failure hooks.
describe('release operations that go wrong', () => {
  let double: KubeDouble
  let releases: Releases
  let chart: Chart
  let n = 0
  const ns = async (): Promise<string> => {
    const name = `ops-${++n}`
    await releases.kube.request('POST', '/api/v1/namespaces', {
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
    })
    return name
  }
  const helm = (args: string[]) =>
    run(helmPath(), args, { env: isolatedHelmEnv({ KUBECONFIG: double.kubeconfigPath }) })
  beforeAll(async () => {
    double = await startKubeDouble({ kubelet: true })
    releases = new Releases(await KubeClient.connect({ kubeconfig: double.kubeconfigPath }))
    chart = await loadChart(chartDir)
  })
  afterAll(async () => {
    await double.stop()
  })

  it('leaves a failed revision and the earlier one intact when the cluster rejects a manifest during an upgrade', async () => {
    const namespace = await ns()
    await releases.install({ name: 'rej', namespace, chart, values: { message: 'v1' } })
    const stop = double.rejectObject(
      { kind: 'Service', name: 'rej-demo' },
      'ports are not allowed here',
    )
    const events: ApplyEvent[] = []
    const err = await releases
      .upgrade({ name: 'rej', namespace, chart, values: { message: 'v2' } }, (e) => events.push(e))
      .catch((e: unknown) => e)
    stop()
    expect(isKubeError(err, 'INVALID_MANIFEST')).toBe(true)
    expect((err as Error).message).toContain('demo/templates/service.yaml')
    expect((err as Error).message).toContain('Service "rej-demo" is invalid')
    expect((err as Error).message).toContain('ports are not allowed here')
    expect((err as Error).message).toContain('nothing was changed')
    expect(events.some((e) => e.phase === 'apply')).toBe(false)
    const history = await releases.history('rej', namespace)
    expect(history.map((h) => [h.revision, h.status])).toEqual([
      [1, 'deployed'],
      [2, 'failed'],
    ])
    expect(history[1]?.description).toContain('Upgrade "rej" failed')
    // nothing changed: the ConfigMap still has the first revision's value
    const cm = await releases.kube.request<{ data: Record<string, string> }>(
      'GET',
      `/api/v1/namespaces/${namespace}/configmaps/rej-settings`,
    )
    expect(cm.data.message).toBe('v1')
    const helmHistory = JSON.parse(
      (await helm(['history', 'rej', '-n', namespace, '-o', 'json'])).stdout,
    ) as Array<Record<string, unknown>>
    expect(helmHistory.map((h) => h.status)).toEqual(['deployed', 'failed'])
    // and the release can still be upgraded once the cause is gone
    const fixed = await releases.upgrade({
      name: 'rej',
      namespace,
      chart,
      values: { message: 'v3' },
    })
    expect([fixed.revision, fixed.status]).toEqual([3, 'deployed'])
  })

  it('refuses to work on a release left pending by a crash, then recovers it', async () => {
    const namespace = await ns()
    await releases.install({ name: 'stuck', namespace, chart })
    // a process that died mid-upgrade leaves a pending-upgrade revision behind
    const storage = new ReleaseStorage(releases.kube)
    const first = await storage.get('stuck', namespace, 1)
    await storage.create({
      ...first,
      version: 2,
      info: { ...first.info, status: 'pending-upgrade', description: 'Preparing upgrade' },
    })
    const err = await releases.upgrade({ name: 'stuck', namespace, chart }).catch((e: unknown) => e)
    expect(isKubeError(err, 'RELEASE_BUSY')).toBe(true)
    expect((err as Error).message).toContain('revision 2 is pending-upgrade')
    expect((err as Error).message).toContain('recover the release')
    const helmUpgrade = await helm(['upgrade', 'stuck', chartDir, '-n', namespace])
    expect(helmUpgrade.stderr).toContain(
      'another operation (install/upgrade/rollback) is in progress',
    )
    const recovered = await releases.recover('stuck', namespace)
    expect([recovered.revision, recovered.status]).toEqual([2, 'failed'])
    const next = await releases.upgrade({ name: 'stuck', namespace, chart })
    expect([next.revision, next.status]).toEqual([3, 'deployed'])
  })

  it('lets only one of two concurrent upgrades run', async () => {
    const namespace = await ns()
    await releases.install({ name: 'race', namespace, chart })
    const other = new Releases(await KubeClient.connect({ kubeconfig: double.kubeconfigPath }))
    const results = await Promise.allSettled([
      releases.upgrade({ name: 'race', namespace, chart, values: { message: 'a' } }),
      other.upgrade({ name: 'race', namespace, chart, values: { message: 'b' } }),
    ])
    const ok = results.filter((r) => r.status === 'fulfilled')
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(ok).toHaveLength(1)
    expect(failed).toHaveLength(1)
    expect(isKubeError(failed[0]?.reason, 'RELEASE_BUSY')).toBe(true)
    const history = await releases.history('race', namespace)
    expect(history.map((h) => h.status)).toEqual(['superseded', 'deployed'])
  })

  it('runs hooks in weight order around the apply and deletes them by policy', async () => {
    const namespace = await ns()
    const events: ApplyEvent[] = []
    await releases.install(
      { name: 'hooks', namespace, chart, values: { hook: { enabled: true } } },
      (e) => events.push(e),
    )
    const order = events
      .filter(
        (e) =>
          (e.phase === 'hook' && e.action !== 'waiting') ||
          (e.phase === 'apply' && e.kind === 'Deployment'),
      )
      .map((e) => `${e.phase}:${e.action}:${e.kind}/${e.name}`)
    expect(order).toEqual([
      'hook:started:Job/hooks-migrate',
      'hook:succeeded:Job/hooks-migrate',
      'apply:created:Deployment/hooks-demo',
      'hook:started:ConfigMap/hooks-post',
      'hook:succeeded:ConfigMap/hooks-post',
    ])
    // hook-succeeded deleted the Job; the post hook ConfigMap (no policy given) stays
    await expect(
      releases.kube.request('GET', `/apis/batch/v1/namespaces/${namespace}/jobs/hooks-migrate`),
    ).rejects.toThrow('not found')
    await releases.kube.request('GET', `/api/v1/namespaces/${namespace}/configmaps/hooks-post`)
    const rel = await releases.get('hooks', namespace)
    // stored in Helm's kind order, like helm's own records; the test hook is kept but not run
    expect(rel.hooks.map((h) => [h.name, h.lastRun.phase])).toEqual([
      ['hooks-post', 'Succeeded'],
      ['hooks-check', ''],
      ['hooks-migrate', 'Succeeded'],
    ])
    expect(rel.manifest).not.toContain('hooks-migrate')
  })

  it('fails the install when a pre-install hook Job fails, before the resources are applied', async () => {
    const namespace = await ns()
    double.failWorkload('Job', namespace, 'badhook-migrate')
    const err = await releases
      .install({ name: 'badhook', namespace, chart, values: { hook: { enabled: true } } })
      .catch((e: unknown) => e)
    expect(isKubeError(err, 'HOOK_FAILED')).toBe(true)
    expect((err as Error).message).toContain('pre-install hook demo/templates/hooks.yaml failed')
    expect((err as Error).message).toContain('backoff limit')
    expect((await releases.get('badhook', namespace)).status).toBe('failed')
    await expect(
      releases.kube.request(
        'GET',
        `/apis/apps/v1/namespaces/${namespace}/deployments/badhook-demo`,
      ),
    ).rejects.toThrow('not found')
  })

  it('waits for workloads in kubelet mode and reports their progress', async () => {
    const namespace = await ns()
    const events: ApplyEvent[] = []
    const rel = await releases.install(
      { name: 'waits', namespace, chart, values: { replicas: 3 }, wait: true, timeoutMs: 30_000 },
      (e) => events.push(e),
    )
    expect(rel.status).toBe('deployed')
    const dep = events.filter((e) => e.phase === 'wait' && e.kind === 'Deployment')
    expect(dep[dep.length - 1]).toMatchObject({ action: 'ready', message: '3 of 3 replicas ready' })
    const resources = await releases.resources('waits', namespace)
    expect(resources.map((r) => [r.kind, r.health])).toEqual([
      ['ConfigMap', 'ready'],
      ['ConfigMap', 'ready'],
      ['Service', 'ready'],
      ['Deployment', 'ready'],
    ])
  })

  it('fails the wait when a Deployment cannot become ready, and marks the revision failed', async () => {
    const namespace = await ns()
    double.failWorkload('Deployment', namespace, 'crash-demo')
    const err = await releases
      .install({ name: 'crash', namespace, chart, wait: true, timeoutMs: 30_000 })
      .catch((e: unknown) => e)
    expect(isKubeError(err, 'WAIT_FAILED')).toBe(true)
    expect((err as Error).message).toContain('Deployment "crash-demo"')
    expect((err as Error).message).toContain('has timed out progressing')
    const rel = await releases.get('crash', namespace)
    expect(rel.status).toBe('failed')
    expect(rel.description).toContain('Release "crash" failed')
    const resources = await releases.resources('crash', namespace)
    expect(resources.find((r) => r.kind === 'Deployment')?.health).toBe('failed')
    // the pods start crash-looping after the Deployment reported its failure
    await vi.waitFor(
      async () => {
        const events = await releases.events('crash', namespace)
        expect(
          events.some(
            (e) =>
              e.type === 'Warning' &&
              e.reason === 'BackOff' &&
              e.kind === 'Pod' &&
              e.name.startsWith('crash-demo-'),
          ),
        ).toBe(true)
        expect(
          events.some((e) => e.reason === 'ScalingReplicaSet' && e.name === 'crash-demo'),
        ).toBe(true)
      },
      { timeout: 20_000, interval: 100 },
    )
  })

  it('keeps at most historyMax revisions, and reuses the current values when asked', async () => {
    const namespace = await ns()
    await releases.install({
      name: 'hist',
      namespace,
      chart,
      values: { message: 'm', replicas: 2 },
    })
    for (let i = 0; i < 3; i++)
      await releases.upgrade({
        name: 'hist',
        namespace,
        chart,
        values: { replicas: 3 },
        reuseValues: true,
        historyMax: 2,
      })
    const history = await releases.history('hist', namespace)
    expect(history.map((h) => [h.revision, h.status])).toEqual([
      [3, 'superseded'],
      [4, 'deployed'],
    ])
    expect((await releases.get('hist', namespace)).values).toEqual({ message: 'm', replicas: 3 })
  })
})
