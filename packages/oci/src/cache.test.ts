import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BlobCache, defaultCacheDir } from './cache.ts'
import { sha256Digest } from './digest.ts'

describe('BlobCache', () => {
  it('stores by digest and verifies on write and read', async () => {
    const cache = new BlobCache(mkdtempSync(join(tmpdir(), 'slipway-cache-')))
    const bytes = new TextEncoder().encode('chart bytes')
    const digest = sha256Digest(bytes)
    expect(await cache.get(digest)).toBeUndefined()
    expect(await cache.put(digest, new TextEncoder().encode('other'))).toBe(false)
    expect(await cache.put(digest, bytes)).toBe(true)
    expect(Buffer.from((await cache.get(digest))!).toString()).toBe('chart bytes')

    const dir = join(cache.dir, 'oci', 'blobs', 'sha256')
    expect(readdirSync(dir)).toEqual([digest.slice(7)])
    writeFileSync(join(dir, digest.slice(7)), 'tampered')
    expect(await cache.get(digest)).toBeUndefined()
    expect(readdirSync(dir)).toEqual([])
  })

  it('ignores digests it cannot address', async () => {
    const cache = new BlobCache(mkdtempSync(join(tmpdir(), 'slipway-cache-')))
    expect(await cache.put('sha256:../../etc', new Uint8Array())).toBe(false)
    expect(await cache.get('md5:abc')).toBeUndefined()
  })

  it('lives under XDG_CACHE_HOME or ~/.cache', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/slipway')
    expect(defaultCacheDir({ HOME: '/h' })).toBe('/h/.cache/slipway')
  })
})
