import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CredentialStore, OciError, RegistryClient, type RegistryClientOptions } from '@slipway/oci'
import { startRegistry, type TestRegistry } from '../support/registry.ts'
import { startFaultProxy, type Fault, type FaultProxy } from '../support/registry-faults.ts'
import { makeChart, pushContainerImage, type PackagedChart } from '../support/registry-content.ts'
import { freePort } from '../support/ports.ts'
import { startTlsFront } from '../support/registry-tls.ts'
import type { Server } from 'node:net'

function client(extra: RegistryClientOptions = {}) {
  return new RegistryClient({
    cacheDir: mkdtempSync(join(tmpdir(), 'slipway-oci-cache-')),
    credentials: new CredentialStore(join(tmpdir(), 'slipway-no-such-config.json')),
    ...extra,
  })
}

async function failure(promise: Promise<unknown>): Promise<OciError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(OciError)
  return err as OciError
}

let registry: TestRegistry
let chart: PackagedChart
const proxies: FaultProxy[] = []
async function faulty(faults: Fault[]): Promise<FaultProxy> {
  const p = await startFaultProxy(registry.url, faults)
  proxies.push(p)
  return p
}

beforeAll(async () => {
  registry = await startRegistry()
  chart = await makeChart('faulty', '1.0.0')
  await client().pushChart(`oci://${registry.host}/charts`, chart.bytes, {
    name: 'faulty',
    version: '1.0.0',
  })
  await pushContainerImage(registry.url, 'images/app', '1.0.0')
})
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.stop()))
  await registry?.stop()
})

const blobPath = /\/blobs\/sha256:/

describe('registry faults', () => {
  it('retries a 500 and succeeds on the next answer', async () => {
    const proxy = await faulty([
      { match: { path: /\/manifests\// }, times: 1, fault: { kind: 'status', status: 500 } },
      {
        match: { path: blobPath },
        times: 1,
        fault: { kind: 'status', status: 503, headers: { 'Retry-After': '0' } },
      },
    ])
    const pulled = await client().pullChart(`oci://${proxy.host}/charts/faulty:1.0.0`)
    expect(Buffer.from(pulled.archive).equals(Buffer.from(chart.bytes))).toBe(true)
    expect(proxy.requests.manifests().map((r) => r.status)).toEqual([500, 200])
    expect(proxy.requests.blobs().filter((r) => r.status === 503)).toHaveLength(1)
  })

  it('gives up after the bounded retries with a registry error naming the reference', async () => {
    const proxy = await faulty([
      { match: { path: /\/manifests\// }, fault: { kind: 'status', status: 502 } },
    ])
    const err = await failure(
      client({ retries: 2 }).pullChart(`oci://${proxy.host}/charts/faulty:1.0.0`),
    )
    expect(err.code).toBe('REGISTRY_ERROR')
    expect(err.status).toBe(502)
    expect(err.message).toContain(`${proxy.host}/charts/faulty:1.0.0`)
    expect(proxy.requests.manifests()).toHaveLength(3)
  })

  it('rejects a truncated blob', async () => {
    const proxy = await faulty([
      { match: { path: blobPath }, fault: { kind: 'truncate', keepBytes: 100 } },
    ])
    const err = await failure(client().pullChart(`oci://${proxy.host}/charts/faulty:1.0.0`))
    expect(err.code).toBe('SIZE_MISMATCH')
    expect(err.message).toContain(`${proxy.host}/charts/faulty:1.0.0`)
    expect(err.message).toContain('100 arrived')
  })

  it('rejects a blob whose bytes do not match its digest', async () => {
    const proxy = await faulty([{ match: { path: blobPath }, fault: { kind: 'corrupt' } }])
    const err = await failure(client().pullChart(`oci://${proxy.host}/charts/faulty:1.0.0`))
    expect(err.code).toBe('DIGEST_MISMATCH')
    expect(err.message).toContain(`${proxy.host}/charts/faulty:1.0.0`)
  })

  it('rejects a manifest that does not match the digest asked for', async () => {
    const { digest } = await client().resolve(`oci://${registry.host}/charts/faulty:1.0.0`)
    const proxy = await faulty([{ match: { path: /\/manifests\// }, fault: { kind: 'corrupt' } }])
    const err = await failure(client().pullChart(`oci://${proxy.host}/charts/faulty@${digest}`))
    // a flipped byte makes it either unreadable or a different digest; both must fail
    expect(['DIGEST_MISMATCH', 'INVALID_MANIFEST']).toContain(err.code)
    expect(err.reference).toBe(`${proxy.host}/charts/faulty@${digest}`)
  })

  it('says a container image is not a Helm chart', async () => {
    const err = await failure(client().pullChart(`oci://${registry.host}/images/app:1.0.0`))
    expect(err.code).toBe('NOT_A_CHART')
    expect(err.message).toContain(`${registry.host}/images/app:1.0.0 is not a Helm chart`)
    expect(err.message).toContain('container image')
  })

  it('says an unknown tag is not found', async () => {
    const err = await failure(
      client().pullChart(`oci://${registry.host}/charts/faulty`, { version: '9.9.9' }),
    )
    expect(err.code).toBe('NOT_FOUND')
    expect(err.status).toBe(404)
    expect(err.message).toContain(`${registry.host}/charts/faulty:9.9.9`)
  })

  it('times out on a registry that never answers', async () => {
    const proxy = await faulty([{ match: {}, fault: { kind: 'hang' } }])
    const err = await failure(
      client({ timeoutMs: 500 }).pullChart(`oci://${proxy.host}/charts/faulty:1.0.0`),
    )
    expect(err.code).toBe('TIMEOUT')
    expect(err.message).toContain(`${proxy.host}/charts/faulty:1.0.0`)
    expect(err.message).toContain('500 ms')
  })

  it('says unreachable when nothing listens', async () => {
    const port = await freePort()
    const err = await failure(
      client({ retries: 1 }).pullChart(`oci://127.0.0.1:${port}/charts/faulty:1.0.0`),
    )
    expect(err.code).toBe('UNREACHABLE')
    expect(err.message).toContain(`127.0.0.1:${port}/charts/faulty:1.0.0`)
  })

  it('speaks TLS when asked: TLS error without trust, success with a CA file or skip-verify', async () => {
    const front = await startTlsFront(registry.url)
    try {
      const ref = `oci://${front.host}/charts/faulty:1.0.0`
      const err = await failure(client({ plainHttp: false, retries: 0 }).pullChart(ref))
      expect(err.code).toBe('TLS')
      expect(err.message).toContain(`${front.host}/charts/faulty:1.0.0`)
      const trusted = client({ plainHttp: false, caFile: front.caFile })
      expect((await trusted.pullChart(ref)).config.name).toBe('faulty')
      await trusted.close()
      const skipping = client({ plainHttp: false, insecureSkipTlsVerify: true })
      expect((await skipping.pullChart(ref)).config.name).toBe('faulty')
      await skipping.close()
    } finally {
      await front.stop()
    }
  })

  it('refuses a chart larger than the limit', async () => {
    const err = await failure(
      client({ limits: { maxChartBytes: 64 } }).pullChart(
        `oci://${registry.host}/charts/faulty:1.0.0`,
      ),
    )
    expect(err.code).toBe('TOO_LARGE')
    expect(err.message).toContain('64-byte limit')
  })
})

describe('redirects to blob storage', () => {
  let storage: Server
  afterAll(() => new Promise<void>((r) => storage?.close(() => r())))

  it('follows them without sending the registry credentials to another host', async () => {
    // a tiny "blob storage" on another origin that records the headers it got
    const { createServer: createHttp } = await import('node:http')
    const seen: (string | undefined)[] = []
    const blobs = new Map<string, Buffer>()
    const storagePort = await freePort()
    const http = createHttp((req, res) => {
      seen.push(req.headers.authorization)
      const body = blobs.get(req.url!.slice(1))
      if (!body) return res.writeHead(404).end()
      res.writeHead(200, { 'Content-Length': body.length }).end(body)
    })
    storage = http as unknown as Server
    await new Promise<void>((r) => http.listen(storagePort, '127.0.0.1', () => r()))
    const { digest, manifest } = await client().resolve(
      `oci://${registry.host}/charts/faulty:1.0.0`,
    )
    expect(digest).toMatch(/^sha256:/)
    const content = manifest.layers![0]!
    blobs.set(content.digest, Buffer.from(chart.bytes))
    const proxy = await faulty([
      {
        match: { path: `/v2/charts/faulty/blobs/${content.digest}` },
        fault: {
          kind: 'status',
          status: 307,
          headers: { Location: `http://localhost:${storagePort}/${content.digest}` },
        },
      },
    ])
    const pulled = await client({ username: 'someone', password: 'secret' }).pullChart(
      `oci://${proxy.host}/charts/faulty:1.0.0`,
    )
    expect(Buffer.from(pulled.archive).equals(Buffer.from(chart.bytes))).toBe(true)
    expect(seen).toEqual([undefined])
  })
})
