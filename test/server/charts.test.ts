import { RegistryClient } from '@slipway/oci'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../support/ports.ts'
import { helmPackage, pushContainerImage } from '../support/registry-content.ts'
import { startFaultProxy, type FaultProxy } from '../support/registry-faults.ts'
import { startRegistry, type TestRegistry } from '../support/registry.ts'
import { call, fixtureChart, helmPush, serveHelmRepo, startApi } from './helpers.ts'
import { isolatedHome } from '../support/tools.ts'

const q = (params: Record<string, string>) => `?${new URLSearchParams(params)}`

const isolatedEnv = (): NodeJS.ProcessEnv => isolatedHome('slipway-server-').env

describe('charts from an OCI registry', () => {
  let registry: TestRegistry
  let faulty: FaultProxy
  let api: Awaited<ReturnType<typeof startApi>>
  let impatientApi: Awaited<ReturnType<typeof startApi>>
  let repository: string

  beforeAll(async () => {
    registry = await startRegistry()
    repository = `oci://${registry.host}/charts`
    await helmPush('demo', registry.host)
    await helmPush('no-schema', registry.host)
    // a second, older demo
    const older = await helmPackage(fixtureChart('demo'), ['--version', '0.9.0'])
    const pushed = await new RegistryClient({ plainHttp: true }).pushChart(
      `oci://${registry.host}/charts/demo:0.9.0`,
      older.bytes,
      {
        name: 'demo',
        version: '0.9.0',
      },
    )
    expect(pushed.ref).toContain('demo:0.9.0')
    await pushContainerImage(registry.url, 'charts/image', '1.0.0')
    faulty = await startFaultProxy(registry.url, [
      { match: { path: /\/manifests\// }, fault: { kind: 'hang' } },
    ])
    api = await startApi({ env: isolatedEnv() })
    // a short load deadline for the hanging registry only: retries of a refused connection take longer
    impatientApi = await startApi({ env: isolatedEnv(), limits: { chartLoadTimeoutMs: 1500 } })
  })
  afterAll(async () => {
    await api?.close()
    await impatientApi?.close()
    await faulty?.stop()
    await registry?.stop()
  })

  it('lists versions newest first', async () => {
    const res = await call(api.url, 'GET', `/api/charts/versions${q({ repository, path: 'demo' })}`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ repository, path: 'demo', versions: ['1.0.0', '0.9.0'] })
  })

  it('loads a chart version: metadata, values, schema, README, digest', async () => {
    const res = await call(
      api.url,
      'GET',
      `/api/charts${q({ repository, path: 'demo', version: '1.0.0' })}`,
    )
    expect(res.status).toBe(200)
    expect(res.body.ref).toEqual({ repository, path: 'demo', version: '1.0.0' })
    expect(res.body.reference).toBe(`oci://${registry.host}/charts/demo:1.0.0`)
    expect(res.body.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(res.body.metadata).toMatchObject({
      name: 'demo',
      version: '1.0.0',
      appVersion: '1.14.2',
    })
    expect(res.body.values).toEqual({
      name: 'demo',
      replicas: 1,
      image: 'nginx',
      version: '1.14.2',
      service: true,
    })
    expect(res.body.valuesYaml).toContain('# replicas is the number of pods')
    expect(res.body.schemaInferred).toBe(false)
    expect(res.body.schema.order).toEqual(['name', 'replicas', 'image', 'version', 'service'])
    expect(res.body.schema.properties.version.enum).toEqual(['1.14.2', '1.25.5', '1.27.3'])
    expect(res.body.readme).toMatch(/demo/i)
  })

  it('loads the newest version when none is given', async () => {
    const res = await call(api.url, 'GET', `/api/charts${q({ repository, path: 'demo' })}`)
    expect(res.status).toBe(200)
    expect(res.body.ref.version).toBe('1.0.0')
  })

  it('infers a schema for a chart without one', async () => {
    const res = await call(api.url, 'GET', `/api/charts${q({ repository, path: 'no-schema' })}`)
    expect(res.status).toBe(200)
    expect(res.body.schemaInferred).toBe(true)
    expect(res.body.schema.type).toBe('object')
    expect(res.body.schema.properties.replicaCount).toMatchObject({ type: 'integer', default: 3 })
  })

  it('answers 400 for bad input, naming the field', async () => {
    const res = await call(
      api.url,
      'GET',
      `/api/charts${q({ repository: 'ftp://x', path: 'demo' })}`,
    )
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ code: 'BAD_REQUEST', details: { field: 'repository' } })
    expect(res.body.message).toMatch(/oci:\/\//)
    const missing = await call(api.url, 'GET', `/api/charts/versions${q({ repository })}`)
    expect(missing.status).toBe(400)
    expect(missing.body).toMatchObject({ message: 'Path is required', details: { field: 'path' } })
  })

  it('answers 404 naming Path for a chart that does not exist', async () => {
    const res = await call(
      api.url,
      'GET',
      `/api/charts${q({ repository, path: 'nope', version: '1.0.0' })}`,
    )
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('NOT_FOUND')
    expect(res.body.details.field).toBe('path')
    expect(res.body.message).toContain('No chart "nope"')
    const versions = await call(
      api.url,
      'GET',
      `/api/charts/versions${q({ repository, path: 'nope' })}`,
    )
    expect(versions.status).toBe(404)
    expect(versions.body.details.field).toBe('path')
  })

  it('answers 404 naming Version, with the versions there are', async () => {
    const res = await call(
      api.url,
      'GET',
      `/api/charts${q({ repository, path: 'demo', version: '7.7.7' })}`,
    )
    expect(res.status).toBe(404)
    expect(res.body.details.field).toBe('version')
    expect(res.body.message).toBe(
      `Version 7.7.7 of demo is not in ${repository}; available: 1.0.0, 0.9.0`,
    )
  })

  it('answers 422 for an artifact that is not a chart', async () => {
    const res = await call(
      api.url,
      'GET',
      `/api/charts${q({ repository, path: 'image', version: '1.0.0' })}`,
    )
    expect(res.status).toBe(422)
    expect(res.body.code).toBe('NOT_A_CHART')
  })

  it('answers 502 for a registry that cannot be reached', async () => {
    const port = await freePort()
    const res = await call(
      api.url,
      'GET',
      `/api/charts${q({ repository: `oci://127.0.0.1:${port}/charts`, path: 'demo', version: '1.0.0' })}`,
    )
    expect(res.status).toBe(502)
    expect(res.body.code).toBe('UNREACHABLE')
    expect(res.body.message).toContain(`127.0.0.1:${port}`)
  })

  it('answers 504 when the registry does not answer in time, and keeps serving', async () => {
    const res = await call(
      impatientApi.url,
      'GET',
      `/api/charts${q({ repository: `oci://${faulty.host}/charts`, path: 'demo', version: '1.0.0' })}`,
    )
    expect(res.status).toBe(504)
    expect(res.body.code).toBe('TIMEOUT')
    const again = await call(
      api.url,
      'GET',
      `/api/charts/versions${q({ repository, path: 'demo' })}`,
    )
    expect(again.status).toBe(200)
  })
})

describe('charts from a private registry', () => {
  let registry: TestRegistry
  let api: Awaited<ReturnType<typeof startApi>>
  let repository: string

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token', users: { alice: 'wonderland' } })
    repository = `oci://${registry.host}/private`
    const pkg = await helmPackage(fixtureChart('demo'))
    await new RegistryClient({
      plainHttp: true,
      username: 'alice',
      password: 'wonderland',
    }).pushChart(`${repository}/demo:1.0.0`, pkg.bytes, {
      name: 'demo',
      version: '1.0.0',
    })
    api = await startApi({ env: isolatedEnv() })
  })
  afterAll(async () => {
    await api?.close()
    await registry?.stop()
  })

  it('answers 401 naming Repository until a login is stored, then loads', async () => {
    const denied = await call(
      api.url,
      'GET',
      `/api/charts${q({ repository, path: 'demo', version: '1.0.0' })}`,
    )
    expect(denied.status).toBe(401)
    expect(denied.body.code).toBe('UNAUTHORIZED')
    expect(denied.body.details.field).toBe('repository')
    expect(denied.body.message).toContain('Registries page')
    const wrong = await call(api.url, 'PUT', '/api/registries', {
      registry: registry.host,
      username: 'alice',
      password: 'nope',
    })
    expect(wrong.status).toBe(200)
    expect(
      (
        await call(
          api.url,
          'GET',
          `/api/charts${q({ repository, path: 'demo', version: '1.0.0' })}`,
        )
      ).status,
    ).toBe(401)
    await call(api.url, 'PUT', '/api/registries', {
      registry: registry.host,
      username: 'alice',
      password: 'wonderland',
    })
    const versions = await call(
      api.url,
      'GET',
      `/api/charts/versions${q({ repository, path: 'demo' })}`,
    )
    expect(versions.body).toEqual({ repository, path: 'demo', versions: ['1.0.0'] })
    const loaded = await call(
      api.url,
      'GET',
      `/api/charts${q({ repository, path: 'demo', version: '1.0.0' })}`,
    )
    expect(loaded.status).toBe(200)
    expect(loaded.body.metadata.name).toBe('demo')
  })
})

describe('charts from a classic Helm repository', () => {
  let repo: Awaited<ReturnType<typeof serveHelmRepo>>
  let api: Awaited<ReturnType<typeof startApi>>

  beforeAll(async () => {
    repo = await serveHelmRepo([
      await helmPackage(fixtureChart('demo')),
      await helmPackage(fixtureChart('demo'), ['--version', '1.1.0-rc.1']),
      await helmPackage(fixtureChart('demo'), ['--version', '0.5.0']),
    ])
    api = await startApi({ env: isolatedEnv() })
  })
  afterAll(async () => {
    await api?.close()
    await repo?.stop()
  })

  it('lists versions newest first and loads one', async () => {
    const versions = await call(
      api.url,
      'GET',
      `/api/charts/versions${q({ repository: repo.url, path: 'demo' })}`,
    )
    expect(versions.status).toBe(200)
    expect(versions.body.versions).toEqual(['1.1.0-rc.1', '1.0.0', '0.5.0'])
    const loaded = await call(
      api.url,
      'GET',
      `/api/charts${q({ repository: repo.url, path: 'demo', version: '0.5.0' })}`,
    )
    expect(loaded.status).toBe(200)
    expect(loaded.body.metadata.version).toBe('0.5.0')
    expect(loaded.body.reference).toBe(`${repo.url}/demo-0.5.0.tgz`)
  })

  it('answers 404 naming Path for a chart the index does not list', async () => {
    const res = await call(
      api.url,
      'GET',
      `/api/charts${q({ repository: repo.url, path: 'other', version: '1.0.0' })}`,
    )
    expect(res.status).toBe(404)
    expect(res.body.details.field).toBe('path')
  })
})
