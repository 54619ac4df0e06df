import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CredentialStore, RegistryClient, type RegistryClientOptions } from '@slipway/oci'
import { startRegistry, type TestRegistry } from '../support/registry.ts'
import { startFaultProxy, paginateTags } from '../support/registry-faults.ts'
import { helmPackage, makeChart, type PackagedChart } from '../support/registry-content.ts'
import { helm, repoRoot } from '../support/tools.ts'

const noCreds = new CredentialStore(join(tmpdir(), 'slipway-no-such-config.json'))
const newCacheDir = () => mkdtempSync(join(tmpdir(), 'slipway-oci-cache-'))
const client = (extra: RegistryClientOptions = {}) =>
  new RegistryClient({ cacheDir: newCacheDir(), credentials: noCreds, ...extra })

let registry: TestRegistry
let chart: PackagedChart
beforeAll(async () => {
  registry = await startRegistry()
  chart = await makeChart('cached', '1.0.0')
  await client().pushChart(`oci://${registry.host}/charts`, chart.bytes, {
    name: 'cached',
    version: '1.0.0',
  })
})
afterAll(() => registry?.stop())

describe('cache', () => {
  it('costs one manifest request and no blob request for a second load of a version', async () => {
    const cacheDir = newCacheDir()
    const ref = `oci://${registry.host}/charts/cached`
    registry.requests.clear()
    const first = await client({ cacheDir }).pullChart(ref, { version: '1.0.0' })
    expect(registry.requests.manifests()).toHaveLength(1)
    expect(registry.requests.blobs()).toHaveLength(2) // config and content
    registry.requests.clear()
    // a new client on the same cache directory: only the tag is asked again
    const second = await client({ cacheDir }).pullChart(ref, { version: '1.0.0' })
    expect(registry.requests.entries).toEqual([
      { method: 'GET', path: '/v2/charts/cached/manifests/1.0.0', status: 200 },
    ])
    expect(Buffer.from(second.archive).equals(Buffer.from(first.archive))).toBe(true)
    registry.requests.clear()
    const byDigest = await client({ cacheDir }).pullChart(`${ref}@${first.manifestDigest}`)
    expect(registry.requests.entries).toEqual([])
    expect(byDigest.contentDigest).toBe(first.contentDigest)
    expect(byDigest.ref).toBe(`${registry.host}/charts/cached@${first.manifestDigest}`)
  })

  it('downloads a blob once for ten concurrent loads of one chart', async () => {
    const cacheDir = newCacheDir()
    const ref = `oci://${registry.host}/charts/cached:1.0.0`
    registry.requests.clear()
    const shared = client({ cacheDir })
    const separate = Array.from({ length: 5 }, () => client({ cacheDir }))
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => shared.pullChart(ref)),
      ...separate.map((c) => c.pullChart(ref)),
    ])
    expect(new Set(results.map((r) => r.contentDigest)).size).toBe(1)
    const content = registry.requests.filter({
      method: 'GET',
      path: `/v2/charts/cached/blobs/${results[0]!.contentDigest}`,
    })
    expect(content).toHaveLength(1)
    // the shared client asked for the manifest once; each separate client once
    expect(registry.requests.manifests()).toHaveLength(6)
  })

  it('re-downloads a cached blob that was tampered with', async () => {
    const cacheDir = newCacheDir()
    const ref = `oci://${registry.host}/charts/cached:1.0.0`
    const first = await client({ cacheDir }).pullChart(ref)
    const { writeFileSync } = await import('node:fs')
    writeFileSync(
      join(cacheDir, 'oci', 'blobs', 'sha256', first.contentDigest.slice(7)),
      'tampered',
    )
    registry.requests.clear()
    const second = await client({ cacheDir }).pullChart(ref)
    expect(Buffer.from(second.archive).equals(Buffer.from(chart.bytes))).toBe(true)
    expect(registry.requests.blobs()).toHaveLength(1)
  })
})

describe('tags', () => {
  it('lists every tag across Link pages', async () => {
    const c = client()
    const versions = ['0.1.0', '0.2.0', '1.0.0', '1.1.0-rc.1', '1.1.0']
    for (const version of versions) {
      const packaged = await makeChart('paged', version)
      await c.pushChart(`oci://${registry.host}/charts`, packaged.bytes, { name: 'paged', version })
    }
    // distribution 2.8 answers every tag at once; the proxy pages them as the spec describes
    const paging = await startFaultProxy(registry.url, [paginateTags()])
    try {
      const tags = await c.listTags(`oci://${paging.host}/charts/paged`, { pageSize: 2 })
      expect(tags).toEqual([...versions].sort())
      expect(paging.requests.entries.map((e) => e.path)).toEqual([
        '/v2/charts/paged/tags/list?n=2',
        '/v2/charts/paged/tags/list?n=2&last=0.2.0',
        '/v2/charts/paged/tags/list?n=2&last=1.1.0',
      ])
    } finally {
      await paging.stop()
    }
    expect([...(await c.listTags(`oci://${registry.host}/charts/paged`))].sort()).toEqual(
      [...versions].sort(),
    )
  })

  it('lists chart versions newest first', async () => {
    expect(await client().listVersions(`oci://${registry.host}/charts/paged`)).toEqual([
      '1.1.0',
      '1.1.0-rc.1',
      '1.0.0',
      '0.2.0',
      '0.1.0',
    ])
  })

  it('picks the newest stable version without one, or the best match of a range', async () => {
    const c = client()
    const ref = `oci://${registry.host}/charts/paged`
    expect((await c.pullChart(ref)).config.version).toBe('1.1.0')
    expect((await c.pullChart(ref, { version: '^0.1.0' })).config.version).toBe('0.1.0')
    expect((await c.pullChart(ref, { version: '>1.0.0 <1.1.0', devel: true })).config.version).toBe(
      '1.1.0-rc.1',
    )
  })

  it("maps '+' in versions to '_' in tags, both ways with helm", async () => {
    const plus = await helmPackage(join(repoRoot, 'test', 'fixtures', 'charts', 'plus-version'))
    expect(plus.version).toContain('+')
    const pushed = await helm(['push', plus.path, `oci://${registry.host}/helm`, '--plain-http'])
    expect(pushed.code, pushed.stderr).toBe(0)
    const c = client()
    const ref = `oci://${registry.host}/helm/${plus.name}`
    expect(await c.listTags(ref)).toEqual([plus.version.replaceAll('+', '_')])
    const pulled = await c.pullChart(ref, { version: plus.version })
    expect(pulled.ref).toBe(
      `${registry.host}/helm/${plus.name}:${plus.version.replaceAll('+', '_')}`,
    )
    expect(Buffer.from(pulled.archive).equals(Buffer.from(plus.bytes))).toBe(true)

    const ours = await makeChart('plus', '1.0.0+build.1')
    const result = await c.pushChart(`oci://${registry.host}/ours`, ours.bytes, {
      name: 'plus',
      version: '1.0.0+build.1',
    })
    expect(result.ref).toBe(`${registry.host}/ours/plus:1.0.0_build.1`)
    expect(await c.listTags(`oci://${registry.host}/ours/plus`)).toEqual(['1.0.0_build.1'])
  })
})
