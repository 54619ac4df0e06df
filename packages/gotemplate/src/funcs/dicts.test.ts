import { describe, expect, it } from 'vitest'
import { dictFuncs as f } from './dicts.ts'
import { withGoType } from './fmt-type.ts'

describe('dict functions', () => {
  it('builds and reads dicts', () => {
    expect(f.dict!('a', 1n, 'b')).toEqual({ a: 1n, b: '' })
    expect(f.dict!(1n, 2n)).toEqual({ '1': 2n })
    expect(f.get!({ a: 1n }, 'b')).toBe('')
    expect(f.hasKey!({ a: 1 }, 'a')).toBe(true)
    expect(f.pluck!('a', { a: 1n }, { b: 2n }, { a: 3n })).toEqual([1n, 3n])
    expect(f.pick!({ a: 1n, b: 2n, c: 3n }, 'a', 'c', 'z')).toEqual({ a: 1n, c: 3n })
    expect(f.omit!({ a: 1n, b: 2n, c: 3n }, 'a')).toEqual({ b: 2n, c: 3n })
    expect(f.dig!('a', 'b', 'def', { a: { b: 1n } })).toBe(1n)
    expect(f.dig!('a', 'c', 'def', { a: { b: 1n } })).toBe('def')
    expect(() => f.dig!('a', 'b', 'x')).toThrow(
      'interface conversion: interface {} is string, not map[string]interface {}',
    )
    // Helm's root .Values is a chartutil.Values, which dig refuses
    const values = withGoType({ a: { b: 1n } }, 'chartutil.Values')
    expect(() => f.dig!('a', 'b', 'def', values)).toThrow(
      'is chartutil.Values, not map[string]interface {}',
    )
    expect(f.dig!('b', 'def', values.a)).toBe(1n)
  })

  it('returns keys and values sorted by key (Go: random order)', () => {
    expect(f.keys!({ b: 1n, a: 2n }, { c: 3n })).toEqual(['a', 'b', 'c'])
    expect(f.values!({ b: 1n, a: 2n })).toEqual([2n, 1n])
  })

  it('mutates with set and unset, as Go maps do', () => {
    const d: Record<string, unknown> = { a: 1n }
    expect(f.set!(d, 'b', 2n)).toBe(d)
    f.unset!(d, 'a')
    expect(d).toEqual({ b: 2n })
  })

  // Outputs checked against helm v3.17.3.
  it('merges as mergo does', () => {
    const nested = { y: 2n }
    const dst = { a: 1n, e: '', n: { x: 1n }, l: [] as unknown[] }
    expect(f.merge!(dst, { a: 2n, b: 3n, e: 'z', n: nested, l: [1n] })).toBe(dst)
    expect(dst).toEqual({ a: 1n, b: 3n, e: 'z', n: { x: 1n, y: 2n }, l: [1n] })

    const shared = { q: 1n }
    const d2: Record<string, unknown> = { s: 'str', m: { x: 1n }, l: [1n], z: {} }
    f.merge!(d2, { s: { a: 1n }, m: 'str', l: [2n], z: shared, f: false })
    expect(d2).toEqual({ s: 'str', m: { x: 1n }, l: [1n], z: { q: 1n }, f: false })
    const d5: Record<string, unknown> = {}
    f.merge!(d5, { n: shared })
    expect(d5.n).toBe(shared) // a missing key takes src's map by reference

    const d3 = { a: 1n, e: 'x', n: { x: 1n }, s: 'str', k: 1n }
    f.mergeOverwrite!(d3, { a: 2n, e: '', n: { y: 2n }, s: { m: 1n }, k: null })
    expect(d3).toEqual({ a: 2n, e: '', n: { x: 1n, y: 2n }, s: { m: 1n }, k: null })

    const d4 = { m: { x: 1n }, l: [1n], z: {}, e: 1n }
    f.mergeOverwrite!(d4, { m: 'str', l: [2n, 3n], z: { q: 1n }, e: 0n })
    expect(d4).toEqual({ m: 'str', l: [2n, 3n], z: { q: 1n }, e: 0n })
  })

  it('deep-copies', () => {
    const src = { a: [1n, { b: 2n }] }
    const copy = f.deepCopy!(src) as typeof src
    expect(copy).toEqual(src)
    expect(copy.a).not.toBe(src.a)
  })
})
