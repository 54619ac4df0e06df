import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startKubeDouble, type KubeDouble } from '../kube-double/index.ts'
import { startRegistry, type TestRegistry } from '../support/registry.ts'
import { call, fixtureChart, helmPush, startApi } from './helpers.ts'
import { helm, isolatedHelmEnv, isolatedHome } from '../support/tools.ts'

/** POSTs and reads the NDJSON stream: status, content type and every event. */
async function stream(base: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  const type = res.headers.get('content-type') ?? ''
  const events = type.includes('ndjson')
    ? text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
    : []
  return {
    status: res.status,
    type,
    events,
    body: type.includes('ndjson') ? undefined : JSON.parse(text),
  }
}

describe('modules API against the Kubernetes double', () => {
  let registry: TestRegistry
  let kube: KubeDouble
  let api: Awaited<ReturnType<typeof startApi>>
  let chart: { repository: string; path: string; version: string; digest: string }
  const values = { replicas: 2 }

  beforeAll(async () => {
    ;[registry, kube] = await Promise.all([startRegistry(), startKubeDouble({ kubelet: true })])
    await helmPush('demo', registry.host)
    const { env } = isolatedHome('slipway-modules-')
    api = await startApi({
      kubeconfig: kube.kubeconfigPath,
      env,
    })
    const repository = `oci://${registry.host}/charts`
    const loaded = await call(
      api.url,
      'GET',
      `/api/charts?${new URLSearchParams({ repository, path: 'demo', version: '1.0.0' })}`,
    )
    chart = { repository, path: 'demo', version: '1.0.0', digest: loaded.body.digest }
  })
  afterAll(async () => {
    await api?.close()
    await kube?.stop()
    await registry?.stop()
  })

  it('reports a connected cluster', async () => {
    const res = await call(api.url, 'GET', '/api/cluster')
    expect(res.body).toEqual({ connected: true, server: kube.url })
  })

  it('streams Save progress as NDJSON: each resource created, then done', async () => {
    const res = await stream(api.url, 'POST', '/api/modules', {
      name: 'web',
      namespace: 'apps',
      chart,
      values,
    })
    expect(res.status).toBe(200)
    expect(res.type).toContain('application/x-ndjson')
    const applied = res.events
      .filter((e) => e.type === 'progress' && e.phase === 'apply')
      .map((e) => `${e.kind}/${e.name}:${e.action}`)
    expect(applied).toEqual(
      expect.arrayContaining(['Service/demo:created', 'Deployment/demo:created']),
    )
    const last = res.events[res.events.length - 1]
    expect(last).toMatchObject({
      type: 'done',
      module: {
        name: 'web',
        namespace: 'apps',
        chart: 'demo',
        chartVersion: '1.0.0',
        status: 'deployed',
        revision: 1,
      },
    })
    expect(last.module.source).toEqual({
      repository: chart.repository,
      path: 'demo',
      version: '1.0.0',
    })
  })

  it('lists the module and shows it in full', async () => {
    const list = await call(api.url, 'GET', '/api/modules')
    expect(
      list.body.modules.map((m: { name: string; status: string }) => `${m.name}:${m.status}`),
    ).toEqual(['web:deployed'])
    const page = await call(api.url, 'GET', '/api/modules/apps/web')
    expect(page.status).toBe(200)
    expect(page.body.values).toEqual(values)
    expect(page.body.manifest).toContain('kind: Deployment')
    expect(page.body.notes).toContain('demo runs 2 replica(s)')
    expect(
      page.body.resources.map((r: { kind: string; name: string }) => `${r.kind}/${r.name}`).sort(),
    ).toEqual(['Deployment/demo', 'Service/demo'])
    expect(page.body.history.map((h: { revision: number }) => h.revision)).toEqual([1])
    expect(Array.isArray(page.body.events)).toBe(true)
  })

  it("lists releases Helm installed beside Slipway's, and shows them", async () => {
    const installed = await helm(
      [
        'install',
        'legacy',
        fixtureChart('demo'),
        '-n',
        'helmns',
        '--create-namespace',
        '--set',
        'name=legacy',
        '--kubeconfig',
        kube.kubeconfigPath,
      ],
      { env: isolatedHelmEnv() },
    )
    expect(installed.stderr).toBe('')
    const list = await call(api.url, 'GET', '/api/modules')
    const legacy = list.body.modules.find((m: { name: string }) => m.name === 'legacy')
    expect(legacy).toMatchObject({
      name: 'legacy',
      namespace: 'helmns',
      chart: 'demo',
      chartVersion: '1.0.0',
      status: 'deployed',
      revision: 1,
    })
    expect(legacy.source).toBeUndefined()
    const page = await call(api.url, 'GET', '/api/modules/helmns/legacy')
    expect(page.status).toBe(200)
    expect(page.body.values).toEqual({ name: 'legacy' })
    const removed = await fetch(`${api.url}/api/modules/helmns/legacy`, { method: 'DELETE' })
    expect(removed.status).toBe(200)
    await removed.text()
  })

  it('upgrades on a second Save; unchanged objects say so', async () => {
    const res = await stream(api.url, 'POST', '/api/modules', {
      name: 'web',
      namespace: 'apps',
      chart,
      values,
    })
    const applied = res.events
      .filter((e) => e.type === 'progress' && e.phase === 'apply')
      .map((e) => `${e.kind}/${e.name}:${e.action}`)
    expect(applied).toEqual(
      expect.arrayContaining(['Service/demo:unchanged', 'Deployment/demo:unchanged']),
    )
    expect(res.events[res.events.length - 1]).toMatchObject({
      type: 'done',
      module: { revision: 2 },
    })
  })

  it('reports an object the API server refuses as failed, with its message, and keeps serving', async () => {
    const restore = kube.rejectObject(
      { kind: 'Service', name: 'demo' },
      'spec.ports: Invalid value: port is reserved',
    )
    try {
      const res = await stream(api.url, 'POST', '/api/modules', {
        name: 'web',
        namespace: 'apps',
        chart,
        values: { replicas: 3 },
      })
      const last =
        res.status === 200 ? res.events[res.events.length - 1] : { type: 'error', error: res.body }
      expect(last.type).toBe('error')
      expect(last.error.message).toContain('port is reserved')
    } finally {
      restore()
    }
    expect((await call(api.url, 'GET', '/api/modules/apps/web')).status).toBe(200)
  })

  it('answers 422 for values the schema refuses, before touching the cluster', async () => {
    const res = await stream(api.url, 'POST', '/api/modules', {
      name: 'web',
      namespace: 'apps',
      chart,
      values: { replicas: -1 },
    })
    expect(res.status).toBe(422)
    expect(res.body.code).toBe('INVALID_VALUES')
  })

  it('rolls back and deletes with streamed progress', async () => {
    const back = await stream(api.url, 'POST', '/api/modules/apps/web/rollback', { revision: 1 })
    expect(back.events[back.events.length - 1]).toMatchObject({
      type: 'done',
      module: { status: 'deployed' },
    })
    const bad = await call(api.url, 'POST', '/api/modules/apps/web/rollback', { revision: 'x' })
    expect(bad.status).toBe(400)
    const gone = await stream(api.url, 'DELETE', '/api/modules/apps/web')
    expect(gone.events[gone.events.length - 1]).toMatchObject({
      type: 'done',
      module: { status: 'uninstalled' },
    })
    expect((await call(api.url, 'GET', '/api/modules')).body.modules).toEqual([])
    const missing = await call(api.url, 'GET', '/api/modules/apps/web')
    expect(missing.status).toBe(404)
    expect(missing.body.code).toBe('RELEASE_NOT_FOUND')
  })
})

describe('modules API without a cluster', () => {
  it('answers 503 saying how to connect one', async () => {
    const home = mkdtempSync(join(tmpdir(), 'slipway-nocluster-'))
    const api = await startApi({
      kubeconfig: join(home, 'missing-kubeconfig'),
      env: { HOME: home },
    })
    try {
      const res = await call(api.url, 'GET', '/api/modules')
      expect(res.status).toBe(503)
      expect(res.body.code).toBe('NO_CLUSTER')
      expect(res.body.message).toContain('KUBECONFIG')
      const cluster = await call(api.url, 'GET', '/api/cluster')
      expect(cluster.body.connected).toBe(false)
    } finally {
      await api.close()
    }
  })
})
