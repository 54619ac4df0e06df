import { describe, expect, it } from 'vitest'
import { ArchiveCache } from './archive-cache.ts'

describe('ArchiveCache', () => {
  it('evicts the least recently used archives beyond its budget', () => {
    const cache = new ArchiveCache(10)
    cache.set('a', new Uint8Array(4))
    cache.set('b', new Uint8Array(4))
    expect(cache.get('a')).toHaveLength(4)
    cache.set('c', new Uint8Array(4))
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBeDefined()
    expect(cache.get('c')).toBeDefined()
    cache.set('huge', new Uint8Array(11))
    expect(cache.get('huge')).toBeUndefined()
  })
})
