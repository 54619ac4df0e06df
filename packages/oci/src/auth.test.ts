import { describe, expect, it } from 'vitest'
import { parseChallenge, repositoryScope, TokenCache } from './auth.ts'

describe('parseChallenge', () => {
  it('reads a Bearer challenge with quoted commas', () => {
    const c = parseChallenge(
      'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:a/b:pull,push"',
    )
    expect(c).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.example.com/token',
        service: 'registry.example.com',
        scope: 'repository:a/b:pull,push',
      },
    })
  })

  it('reads a Basic challenge', () => {
    expect(parseChallenge('Basic realm="Registry Realm"')).toEqual({
      scheme: 'basic',
      params: { realm: 'Registry Realm' },
    })
  })
})

describe('TokenCache', () => {
  it('keeps tokens per scope until shortly before they expire', () => {
    let now = 1_000_000
    const cache = new TokenCache(() => now)
    const pull = repositoryScope('charts/demo', ['pull'])
    cache.set('r', pull, 'tok', 300)
    expect(cache.get('r', pull)).toBe('tok')
    expect(cache.get('r', repositoryScope('charts/demo', ['pull', 'push']))).toBeUndefined()
    expect(cache.get('other', pull)).toBeUndefined()
    now += 280_000
    expect(cache.get('r', pull)).toBe('tok')
    now += 15_000
    expect(cache.get('r', pull)).toBeUndefined()
  })
})
