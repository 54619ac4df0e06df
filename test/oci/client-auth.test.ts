import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CredentialStore, OciError, RegistryClient } from '@slipway/oci'
import { startRegistry, type TestRegistry } from '../support/registry.ts'
import { helmPackage, type PackagedChart } from '../support/registry-content.ts'
import { helm, isolatedHelmEnv, repoRoot } from '../support/tools.ts'

const users = { alice: 'wonderland' }

function client(extra: ConstructorParameters<typeof RegistryClient>[0] = {}) {
  return new RegistryClient({
    cacheDir: mkdtempSync(join(tmpdir(), 'slipway-oci-cache-')),
    // never read the credentials of whoever runs the tests
    credentials: new CredentialStore(join(tmpdir(), 'slipway-no-such-config.json')),
    retries: 0,
    ...extra,
  })
}

async function expectOciError(promise: Promise<unknown>, code: string): Promise<OciError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(OciError)
  expect((err as OciError).code).toBe(code)
  return err as OciError
}

let demo: PackagedChart
beforeAll(async () => {
  demo = await helmPackage(join(repoRoot, 'test', 'fixtures', 'charts', 'demo'))
})

describe('anonymous registry', () => {
  let registry: TestRegistry
  beforeAll(async () => {
    registry = await startRegistry()
  })
  afterAll(() => registry?.stop())

  it('pulls what helm pushed, byte for byte, with the digests helm printed', async () => {
    const pushed = await helm(['push', demo.path, `oci://${registry.host}/charts`, '--plain-http'])
    expect(pushed.code, pushed.stderr).toBe(0)
    const helmDigest = /Digest: (sha256:[a-f0-9]{64})/.exec(pushed.stderr + pushed.stdout)?.[1]
    const chart = await client().pullChart(`oci://${registry.host}/charts/demo`, {
      version: '1.0.0',
    })
    expect(Buffer.from(chart.archive).equals(Buffer.from(demo.bytes))).toBe(true)
    expect(chart.manifestDigest).toBe(helmDigest)
    expect(chart.ref).toBe(`${registry.host}/charts/demo:1.0.0`)
    expect(chart.config).toMatchObject({ name: 'demo', version: '1.0.0', appVersion: '1.14.2' })
  })

  it('pings the API and carries a provenance layer both ways', async () => {
    const c = client()
    await c.ping(registry.host)
    expect(registry.requests.count({ path: '/v2/' })).toBeGreaterThan(0)
    const provenance = new TextEncoder().encode('-----BEGIN PGP SIGNED MESSAGE-----\nnot really\n')
    const pushed = await c.pushChart(
      `oci://${registry.host}/signed`,
      demo.bytes,
      { name: 'demo', version: '1.0.0' },
      { provenance },
    )
    const { manifest } = await c.resolve(
      `oci://${registry.host}/signed/demo@${pushed.manifestDigest}`,
    )
    expect(manifest.layers!.map((l) => l.mediaType)).toEqual([
      'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
      'application/vnd.cncf.helm.chart.provenance.v1.prov',
    ])
    const pulled = await client().pullChart(`oci://${registry.host}/signed/demo:1.0.0`)
    expect(Buffer.from(pulled.provenance!).equals(Buffer.from(provenance))).toBe(true)
  })

  it('pushes the manifest Helm pushes', async () => {
    const c = client()
    const pushed = await c.pushChart(`oci://${registry.host}/mine`, demo.bytes, {
      apiVersion: 'v2',
      name: 'demo',
      description:
        "A small web application with a form-friendly schema, used across Slipway's tests.",
      type: 'application',
      version: '1.0.0',
      appVersion: '1.14.2',
      keywords: ['demo', 'web'],
      home: 'https://example.com/slipway/demo',
      maintainers: [{ name: 'Slipway Maintainers', email: 'maintainers@example.com' }],
    })
    expect(pushed.ref).toBe(`${registry.host}/mine/demo:1.0.0`)
    const accept = { Accept: 'application/vnd.oci.image.manifest.v1+json' }
    const ours = (await (
      await fetch(`${registry.url}/v2/mine/demo/manifests/1.0.0`, { headers: accept })
    ).json()) as Record<string, Record<string, string>>
    const helms = (await (
      await fetch(`${registry.url}/v2/charts/demo/manifests/1.0.0`, { headers: accept })
    ).json()) as Record<string, Record<string, string>>
    const created = 'org.opencontainers.image.created'
    expect(ours.annotations![created]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    delete ours.annotations![created]
    delete helms.annotations![created]
    expect(ours).toEqual(helms)
    // same config blob bytes: the config digest is equal
    expect(ours.config).toEqual(helms.config)
  })
})

describe('config blob parity', () => {
  let registry: TestRegistry
  beforeAll(async () => {
    registry = await startRegistry()
  })
  afterAll(() => registry?.stop())

  it('writes the same config blob as helm for a chart using many Chart.yaml fields', async () => {
    const { makeChart } = await import('../support/registry-content.ts')
    const { loadChartArchive } = await import('@slipway/chart/node')
    const rich = await makeChart(
      'rich',
      '2.0.0-beta.1+meta',
      [
        'appVersion: "2.0"',
        'kubeVersion: ">=1.20.0-0"',
        'type: library',
        'home: https://example.com/?a=1&b=<2>',
        'icon: https://example.com/icon.png',
        'deprecated: true',
        'keywords: [one, two]',
        'sources: [https://example.com/src, https://example.com/src2]',
        'maintainers:',
        '  - name: Jane',
        '    email: jane@example.com',
        '    url: https://example.com/jane',
        '  - name: Joe',
        'annotations:',
        '  example.com/b: "2"',
        '  example.com/a: "1 & <x>"',
        '',
      ].join('\n'),
    )
    const pushed = await helm(['push', rich.path, `oci://${registry.host}/helm`, '--plain-http'])
    expect(pushed.code, pushed.stderr).toBe(0)
    const chart = await loadChartArchive(rich.bytes, { source: rich.path })
    const ours = await client().pushChart(`oci://${registry.host}/ours`, rich.bytes, {
      ...chart.metadata,
    })
    expect(ours.ref).toBe(`${registry.host}/ours/rich:2.0.0-beta.1_meta`)
    const accept = { Accept: 'application/vnd.oci.image.manifest.v1+json' }
    const get = async (repo: string) =>
      (await (
        await fetch(`${registry.url}/v2/${repo}/manifests/2.0.0-beta.1_meta`, { headers: accept })
      ).json()) as { config: { digest: string }; annotations: Record<string, string> }
    const [theirs, mine] = [await get('helm/rich'), await get('ours/rich')]
    const helmConfig = await (
      await fetch(`${registry.url}/v2/helm/rich/blobs/${theirs.config.digest}`)
    ).text()
    const ourConfig = await (
      await fetch(`${registry.url}/v2/ours/rich/blobs/${mine.config.digest}`)
    ).text()
    expect(ourConfig).toBe(helmConfig)
    delete theirs.annotations['org.opencontainers.image.created']
    delete mine.annotations['org.opencontainers.image.created']
    expect(mine.annotations).toEqual(theirs.annotations)
  })
})

describe('htpasswd Basic auth', () => {
  let registry: TestRegistry
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'basic', users })
  })
  afterAll(() => registry?.stop())

  it('pushes and pulls with credentials', async () => {
    const c = client({ username: 'alice', password: 'wonderland' })
    const pushed = await c.pushChart(`oci://${registry.host}/charts`, demo.bytes, {
      name: 'demo',
      version: '1.0.0',
    })
    const pulled = await c.pullChart(`oci://${registry.host}/charts/demo:1.0.0`)
    expect(pulled.manifestDigest).toBe(pushed.manifestDigest)
    expect(Buffer.from(pulled.archive).equals(Buffer.from(demo.bytes))).toBe(true)
  })

  it("finds credentials in Helm's registry config", async () => {
    const env = isolatedHelmEnv()
    const login = await helm(
      ['registry', 'login', registry.host, '--insecure', '-u', 'alice', '-p', 'wonderland'],
      { env },
    )
    expect(login.code, login.stderr).toBe(0)
    const c = client({ credentials: CredentialStore.fromDefaultLocations(env) })
    const pulled = await c.pullChart(`oci://${registry.host}/charts/demo`, { version: '1.0.0' })
    expect(pulled.config.name).toBe('demo')
  })

  it('says unauthorized, naming the registry and what was tried', async () => {
    const err = await expectOciError(
      client({ username: 'alice', password: 'wrong' }).pullChart(
        `oci://${registry.host}/charts/demo:1.0.0`,
      ),
      'UNAUTHORIZED',
    )
    expect(err.message).toContain(`registry ${registry.host}`)
    expect(err.message).toContain('the given username and password')
    expect(err.reference).toBe(`${registry.host}/charts/demo:1.0.0`)
    const anon = await expectOciError(
      client().pullChart(`oci://${registry.host}/charts/demo:1.0.0`),
      'UNAUTHORIZED',
    )
    expect(anon.message).toContain('no credentials (anonymous')
  })
})

describe('Bearer token auth', () => {
  let registry: TestRegistry
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token', users })
  })
  afterAll(() => registry?.stop())

  it('gets tokens from the token server and caches them per scope', async () => {
    const c = client({ username: 'alice', password: 'wonderland' })
    await c.pushChart(`oci://${registry.host}/charts`, demo.bytes, {
      name: 'demo',
      version: '1.0.0',
    })
    registry.requests.clear()
    const pulled = await c.pullChart(`oci://${registry.host}/charts/demo`, { version: '1.0.0' })
    expect(Buffer.from(pulled.archive).equals(Buffer.from(demo.bytes))).toBe(true)
    const tokens = registry.requests.filter({ path: /^\/token/ })
    expect(tokens).toHaveLength(1)
    expect(decodeURIComponent(tokens[0]!.path)).toContain('scope=repository:charts/demo:pull')
    registry.requests.clear()
    await c.pullChart(`oci://${registry.host}/charts/demo`, { version: '1.0.0' })
    // the cached pull token goes with the first request: no challenge, no token request
    expect(registry.requests.entries).toEqual([
      { method: 'GET', path: '/v2/charts/demo/manifests/1.0.0', status: 200 },
    ])
  })

  it('asks for a new token once the cached one has expired', async () => {
    // an 11 s token is renewed 10 s early, so it is usable for about one second
    const shortLived = await startRegistry({ auth: 'token', users, tokenTtlSeconds: 11 })
    try {
      const c = client({ username: 'alice', password: 'wonderland' })
      await c.pushChart(`oci://${shortLived.host}/charts`, demo.bytes, {
        name: 'demo',
        version: '1.0.0',
      })
      shortLived.requests.clear()
      await c.pullChart(`oci://${shortLived.host}/charts/demo:1.0.0`)
      expect(shortLived.requests.count({ path: /^\/token/ })).toBe(1)
      await new Promise((r) => setTimeout(r, 1500))
      await c.pullChart(`oci://${shortLived.host}/charts/demo:1.0.0`)
      expect(shortLived.requests.count({ path: /^\/token/ })).toBe(2)
    } finally {
      await shortLived.stop()
    }
  })

  it('says unauthorized for wrong credentials and for anonymous callers', async () => {
    const wrong = await expectOciError(
      client({ username: 'alice', password: 'nope' }).pullChart(
        `oci://${registry.host}/charts/demo:1.0.0`,
      ),
      'UNAUTHORIZED',
    )
    expect(wrong.message).toContain(`registry ${registry.host}`)
    expect(wrong.status).toBe(401)
    await expectOciError(
      client().pullChart(`oci://${registry.host}/charts/demo:1.0.0`),
      'UNAUTHORIZED',
    )
  })

  it('lets anonymous callers pull where the token server allows it, but not push', async () => {
    const open = await startRegistry({ auth: 'token', users, anonymousPull: true })
    try {
      await client({ username: 'alice', password: 'wonderland' }).pushChart(
        `oci://${open.host}/charts`,
        demo.bytes,
        {
          name: 'demo',
          version: '1.0.0',
        },
      )
      const pulled = await client().pullChart(`oci://${open.host}/charts/demo:1.0.0`)
      expect(pulled.config.name).toBe('demo')
      await expectOciError(
        client().pushChart(`oci://${open.host}/charts`, demo.bytes, {
          name: 'demo',
          version: '1.0.1',
        }),
        'UNAUTHORIZED',
      )
    } finally {
      await open.stop()
    }
  })
})
