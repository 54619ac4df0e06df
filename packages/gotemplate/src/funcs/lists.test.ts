import { describe, expect, it } from 'vitest'
import { defaultFuncs } from './defaults.ts'
import { listFuncs } from './lists.ts'

const f = { ...listFuncs, ...defaultFuncs }

describe('list functions', () => {
  const cases: [string, unknown[], unknown][] = [
    ['append', [[1n], 2n], [1n, 2n]],
    ['prepend', [[1n], 0n], [0n, 1n]],
    ['first', [[3n, 4n]], 3n],
    ['first', [[]], null],
    ['last', [[3n, 4n]], 4n],
    ['rest', [[3n, 4n, 5n]], [4n, 5n]],
    ['initial', [[3n, 4n, 5n]], [3n, 4n]],
    ['reverse', [[1n, 2n, 3n]], [3n, 2n, 1n]],
    ['uniq', [[1n, 1n, '1', 2n, 1, 1]], [1n, '1', 2n, 1]],
    ['without', [[1n, 2n, 3n, 2n], 2n], [1n, 3n]],
    ['has', [1n, [1n, 2n]], true],
    ['has', [-5, [-5n, 2n]], false],
    ['has', [1n, null], false],
    ['slice', [[1n, 2n, 3n, 4n], 1n, 3n], [2n, 3n]],
    ['slice', [[1n, 2n, 3n, 4n], 2n], [3n, 4n]],
    ['concat', [[1n], [2n, 3n]], [1n, 2n, 3n]],
    ['chunk', [2n, [1n, 2n, 3n, 4n, 5n]], [[1n, 2n], [3n, 4n], [5n]]],
    ['until', [3n], [0n, 1n, 2n]],
    ['until', [-3n], [0n, -1n, -2n]],
    ['untilStep', [0n, 10n, 3n], [0n, 3n, 6n, 9n]],
    ['seq', [5n], '1 2 3 4 5'],
    ['seq', [-3n], '1 0 -1 -2 -3'],
    ['seq', [2n, 5n], '2 3 4 5'],
    ['seq', [0n, 2n, 10n], '0 2 4 6 8 10'],
    ['seq', [10n, -3n, 0n], '10 7 4 1'],
    ['compact', [[1n, 0n, '', null, 'a', false, []]], [1n, 'a']],
    ['default', ['d', false], 'd'],
    ['default', ['d', 0], 'd'],
    ['default', ['d', 42], 42],
    ['default', ['d'], 'd'],
    ['coalesce', [0n, '', 'x', 'y'], 'x'],
    ['coalesce', [0n, ''], null],
    ['empty', [{}], true],
    ['all', [1n, 'a', true], true],
    ['any', [0n, '', false], false],
    ['ternary', ['y', 'n', true], 'y'],
  ]
  it.each(cases)('%s #%#', (name, args, want) => expect(f[name]!(...args)).toEqual(want))

  it('returns new lists from append and prepend', () => {
    const l = [1n]
    f.append!(l, 2n)
    f.prepend!(l, 0n)
    expect(l).toEqual([1n])
  })

  it('fails on non-lists as Sprig panics', () => {
    expect(() => f.first!('abc')).toThrow('Cannot find first on type string')
    expect(() => f.append!(null, 1n)).toThrow('Cannot push on type invalid')
    expect(() => f.concat!([1n], 'a')).toThrow('Cannot concat type string as list')
    expect(() => f.slice!([1n, 2n], 1n, 5n)).toThrow()
    expect(() => f.ternary!(1n, 2n, 'true')).toThrow('expected bool')
  })

  it('bounds generated lists', () => {
    expect(() => f.until!(100_000_000n)).toThrow(/limit/)
  })
})
