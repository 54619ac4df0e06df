import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startKubeDouble, type KubeDouble } from '../kube-double/index.ts'
import { call, startApi } from './helpers.ts'

function localEnv() {
  const home = mkdtempSync(join(tmpdir(), 'slipway-registries-'))
  const docker = join(home, 'docker')
  mkdirSync(docker, { recursive: true })
  const auth = Buffer.from('dockeruser:dockerpass').toString('base64')
  writeFileSync(join(docker, 'config.json'), JSON.stringify({ auths: { 'ghcr.io': { auth } } }))
  return {
    HOME: home,
    HELM_CONFIG_HOME: join(home, 'helm'),
    HELM_REGISTRY_CONFIG: join(home, 'helm', 'registry', 'config.json'),
    DOCKER_CONFIG: docker,
  }
}

describe('registries, running locally', () => {
  const env = localEnv()
  let api: Awaited<ReturnType<typeof startApi>>
  beforeAll(async () => {
    api = await startApi({ env })
  })
  afterAll(() => api.close())

  it('lists Docker logins as read-only, stores new ones in Helm registry config, never returns passwords', async () => {
    const first = await call(api.url, 'GET', '/api/registries')
    expect(first.status).toBe(200)
    expect(first.body).toEqual({
      storage: 'helm',
      registries: [
        { registry: 'ghcr.io', username: 'dockeruser', source: 'docker', editable: false },
      ],
    })
    const put = await call(api.url, 'PUT', '/api/registries', {
      registry: 'oci://127.0.0.1:5999/charts',
      username: 'alice',
      password: 's3cret-pw',
    })
    expect(put.status).toBe(200)
    expect(put.text).not.toContain('s3cret-pw')
    expect(put.body.registries).toContainEqual({
      registry: '127.0.0.1:5999',
      username: 'alice',
      source: 'helm',
      editable: true,
    })
    // the same file `helm registry login` writes
    const config = JSON.parse(readFileSync(env.HELM_REGISTRY_CONFIG, 'utf8'))
    expect(Buffer.from(config.auths['127.0.0.1:5999'].auth, 'base64').toString()).toBe(
      'alice:s3cret-pw',
    )
    const list = await call(api.url, 'GET', '/api/registries')
    expect(list.text).not.toContain('s3cret-pw')
    expect(list.text).not.toContain('dockerpass')
  })

  it('removes only logins it stored', async () => {
    const removed = await call(api.url, 'DELETE', '/api/registries?registry=127.0.0.1:5999')
    expect(removed.status).toBe(200)
    expect(removed.body.registries.map((r: { registry: string }) => r.registry)).toEqual([
      'ghcr.io',
    ])
    const docker = await call(api.url, 'DELETE', '/api/registries?registry=ghcr.io')
    expect(docker.status).toBe(404)
    expect(docker.body.code).toBe('NOT_FOUND')
  })

  it('answers bad input with 400 naming the field', async () => {
    const bad = await call(api.url, 'PUT', '/api/registries', {
      registry: 'ghcr.io',
      username: 'a',
    })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Password is required',
      details: { field: 'password' },
    })
    const notJson = await call(api.url, 'PUT', '/api/registries', '{oops')
    expect(notJson.status).toBe(400)
    expect(notJson.body.message).toBe('The request body is not valid JSON')
    // and the server keeps serving
    expect((await call(api.url, 'GET', '/api/health')).status).toBe(200)
  })
})

describe('registries, running in a cluster', () => {
  let kube: KubeDouble
  let api: Awaited<ReturnType<typeof startApi>>
  beforeAll(async () => {
    kube = await startKubeDouble()
    const sa = mkdtempSync(join(tmpdir(), 'slipway-sa-'))
    writeFileSync(join(sa, 'token'), 'kube-double-token')
    writeFileSync(join(sa, 'namespace'), 'slipway')
    const url = new URL(kube.url)
    // a pull Secret that was there before Slipway
    const auth = Buffer.from('ci:ci-pass').toString('base64')
    const put = await fetch(`${kube.url}/api/v1/namespaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'slipway' } }),
    })
    expect(put.status).toBeLessThan(300)
    const secret = await fetch(`${kube.url}/api/v1/namespaces/slipway/secrets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'team-pull' },
        type: 'kubernetes.io/dockerconfigjson',
        data: {
          '.dockerconfigjson': Buffer.from(
            JSON.stringify({ auths: { 'registry.example.com': { auth } } }),
          ).toString('base64'),
        },
      }),
    })
    expect(secret.status).toBe(201)
    api = await startApi({
      env: {
        KUBERNETES_SERVICE_HOST: url.hostname,
        KUBERNETES_SERVICE_PORT: url.port,
        SLIPWAY_KUBE_SCHEME: 'http',
        SLIPWAY_SERVICEACCOUNT_DIR: sa,
        HOME: sa,
      },
    })
  })
  afterAll(async () => {
    await api?.close()
    await kube?.stop()
  })

  it('uses existing dockerconfigjson Secrets and stores new logins as Secrets', async () => {
    const first = await call(api.url, 'GET', '/api/registries')
    expect(first.status).toBe(200)
    expect(first.body).toEqual({
      storage: 'secret',
      registries: [
        {
          registry: 'registry.example.com',
          username: 'ci',
          source: 'secret',
          secretName: 'team-pull',
          editable: false,
        },
      ],
    })
    const put = await call(api.url, 'PUT', '/api/registries', {
      registry: '127.0.0.1:5000',
      username: 'bob',
      password: 'bob-pass',
    })
    expect(put.status).toBe(200)
    expect(put.text).not.toContain('bob-pass')
    const stored = (await (
      await fetch(`${kube.url}/api/v1/namespaces/slipway/secrets/slipway-registry-127-0-0-1-5000`)
    ).json()) as any
    expect(stored.type).toBe('kubernetes.io/dockerconfigjson')
    expect(stored.metadata.labels['app.kubernetes.io/managed-by']).toBe('slipway')
    const config = JSON.parse(Buffer.from(stored.data['.dockerconfigjson'], 'base64').toString())
    expect(Buffer.from(config.auths['127.0.0.1:5000'].auth, 'base64').toString()).toBe(
      'bob:bob-pass',
    )
    // a second PUT replaces the Secret
    expect(
      (
        await call(api.url, 'PUT', '/api/registries', {
          registry: '127.0.0.1:5000',
          username: 'bob',
          password: 'new',
        })
      ).status,
    ).toBe(200)
    const removed = await call(api.url, 'DELETE', '/api/registries?registry=127.0.0.1:5000')
    expect(removed.body.registries).toEqual(first.body.registries)
  })
})

describe('host check', () => {
  it('refuses requests for other host names (DNS rebinding) and allows configured ones', async () => {
    const api = await startApi({ env: localEnv(), allowedHosts: ['slipway.internal'] })
    try {
      const port = new URL(api.url).port
      const { request } = await import('node:http')
      const get = (host: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = request(
            { host: '127.0.0.1', port, path: '/api/health', headers: { host } },
            (res) => {
              let body = ''
              res.on('data', (c: Buffer) => (body += c))
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
            },
          )
          req.on('error', reject)
          req.end()
        })
      const evil = await get(`attacker.example:${port}`)
      expect(evil.status).toBe(403)
      expect(JSON.parse(evil.body).message).toContain('SLIPWAY_ALLOWED_HOSTS=attacker.example')
      expect((await get(`localhost:${port}`)).status).toBe(200)
      expect((await get(`10.0.0.7:${port}`)).status).toBe(200)
      expect((await get(`slipway.internal:${port}`)).status).toBe(200)
    } finally {
      await api.close()
    }
  })
})
