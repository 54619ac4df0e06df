import { describe, expect, it } from 'vitest'
import { userValues } from './values-diff.ts'

describe('userValues', () => {
  it('keeps only what differs from the defaults, at every depth', () => {
    const defaults = {
      name: 'demo',
      replicas: 1,
      image: { repository: 'nginx', tag: '1.0' },
      ports: [80],
    }
    expect(
      userValues(defaults, {
        name: 'demo',
        replicas: 2,
        image: { repository: 'nginx', tag: '1.0' },
        ports: [80],
      }),
    ).toEqual({ replicas: 2 })
    expect(
      userValues(defaults, { ...defaults, image: { repository: 'nginx', tag: '2.0' } }),
    ).toEqual({ image: { tag: '2.0' } })
  })
  it('replaces lists whole and adds new keys', () => {
    expect(userValues({ ports: [80, 443] }, { ports: [80], extra: { a: 1 } })).toEqual({
      ports: [80],
      extra: { a: 1 },
    })
  })
  it('removes a default key with null, as Helm deletes keys', () => {
    expect(userValues({ labels: { team: 'a', tier: 'web' } }, { labels: { team: 'a' } })).toEqual({
      labels: { tier: null },
    })
  })
  it('treats a cleared field with an empty default as unchanged', () => {
    expect(
      userValues({ nameOverride: '', tag: 'x' }, { nameOverride: undefined, tag: undefined }),
    ).toEqual({ tag: null })
  })
  it('is empty when nothing changed', () => {
    expect(userValues({ a: { b: [1, { c: true }] } }, { a: { b: [1, { c: true }] } })).toEqual({})
  })
})
