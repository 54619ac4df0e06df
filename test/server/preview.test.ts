import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRegistry, type TestRegistry } from '../support/registry.ts'
import { call, helmPush, startApi } from './helpers.ts'
import { isolatedHome } from '../support/tools.ts'

describe('module preview (no cluster needed)', () => {
  let registry: TestRegistry
  let api: Awaited<ReturnType<typeof startApi>>
  let chart: { repository: string; path: string; version: string; digest: string }

  beforeAll(async () => {
    registry = await startRegistry()
    await helmPush('demo', registry.host)
    const { env } = isolatedHome('slipway-preview-')
    api = await startApi({
      env,
    })
    const repository = `oci://${registry.host}/charts`
    const loaded = await call(
      api.url,
      'GET',
      `/api/charts?${new URLSearchParams({ repository, path: 'demo', version: '1.0.0' })}`,
    )
    expect(loaded.status).toBe(200)
    chart = { repository, path: 'demo', version: '1.0.0', digest: loaded.body.digest }
  })
  afterAll(async () => {
    await api?.close()
    await registry?.stop()
  })

  it('renders the manifests Save would apply', async () => {
    const values = { name: 'web', replicas: 2, image: 'nginx', version: '1.25.5', service: true }
    const res = await call(api.url, 'POST', '/api/modules/preview', {
      name: 'web',
      namespace: 'apps',
      chart,
      values,
    })
    expect(res.status).toBe(200)
    expect(
      res.body.manifests.map((m: { kind: string; name: string }) => `${m.kind}/${m.name}`),
    ).toEqual(['Service/web', 'Deployment/web'])
    const deployment = res.body.manifests.find((m: { kind: string }) => m.kind === 'Deployment')
    expect(deployment.content).toContain('replicas: 2')
    expect(deployment.content).toContain('nginx:1.25.5')
    const noService = await call(api.url, 'POST', '/api/modules/preview', {
      name: 'web',
      namespace: 'apps',
      chart,
      values: { ...values, service: false },
    })
    expect(noService.body.manifests.map((m: { kind: string }) => m.kind)).toEqual(['Deployment'])
  })

  it('answers 422 with the values path for values the schema refuses', async () => {
    const res = await call(api.url, 'POST', '/api/modules/preview', {
      name: 'web',
      namespace: 'apps',
      chart,
      values: { replicas: -1 },
    })
    expect(res.status).toBe(422)
    expect(res.body.code).toBe('INVALID_VALUES')
    expect(res.body.message).toContain('replicas')
    expect(res.body.details.issues).toEqual([
      { field: '/replicas', message: 'Must be greater than or equal to 0' },
    ])
    expect(res.body.details.path).toBe('/replicas')
  })

  it('answers 400 for a bad module name', async () => {
    const res = await call(api.url, 'POST', '/api/modules/preview', {
      name: 'Web_1',
      namespace: 'apps',
      chart,
      values: {},
    })
    expect(res.status).toBe(400)
    expect(res.body.details.field).toBe('name')
  })
})
