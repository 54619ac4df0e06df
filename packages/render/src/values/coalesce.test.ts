import { describe, expect, it } from 'vitest'
import { toRenderChart } from '../chart-tree.ts'
import { makeChart } from '../testing/make-chart.ts'
import { coalesceValues } from './coalesce.ts'
import { mergeUserValues } from './user-values.ts'

describe('coalesceValues', () => {
  const sub = makeChart(
    { name: 'sub' },
    { values: { port: 80, global: { a: 'sub', c: 'sub' }, nested: { x: 1 } } },
  )
  const chart = makeChart(
    { name: 'top' },
    {
      values: { a: 1, b: { c: 2, d: 3 }, gone: 'x', global: { a: 'top', m: { k: 1 } } },
      dependencies: [sub],
    },
  )

  it('lets user values win, fills defaults, deletes keys set to null', () => {
    const v = coalesceValues(toRenderChart(chart), { a: 5, b: { c: null }, gone: null })
    expect(v.a).toBe(5)
    expect(v.b).toEqual({ d: 3 })
    expect(Object.hasOwn(v, 'gone')).toBe(false)
  })

  it('copies parent globals over subchart globals and scopes subchart defaults', () => {
    const v = coalesceValues(toRenderChart(chart), { sub: { port: 8080 } })
    expect(v.sub).toEqual({
      port: 8080,
      nested: { x: 1 },
      global: { a: 'top', c: 'sub', m: { k: 1 } },
    })
    expect(v.global).toEqual({ a: 'top', m: { k: 1 } })
  })

  it('keeps a user scalar over a chart table', () => {
    const v = coalesceValues(toRenderChart(chart), { b: 'flat' })
    expect(v.b).toBe('flat')
  })

  it('does not change its inputs', () => {
    const user = { b: { c: null } }
    coalesceValues(toRenderChart(chart), user)
    expect(user).toEqual({ b: { c: null } })
    expect(chart.values).toEqual({
      a: 1,
      b: { c: 2, d: 3 },
      gone: 'x',
      global: { a: 'top', m: { k: 1 } },
    })
  })

  it('fails when a subchart key is not a map', () => {
    expect(() => coalesceValues(toRenderChart(chart), { sub: 'x' })).toThrow(/type mismatch on sub/)
  })
})

describe('mergeUserValues', () => {
  it('merges maps deeply with later sources winning', () => {
    expect(
      mergeUserValues([
        { a: { b: 1, c: 2 }, l: [1] },
        { a: { c: 3 }, l: [2] },
      ]),
    ).toEqual({
      a: { b: 1, c: 3 },
      l: [2],
    })
  })
})
