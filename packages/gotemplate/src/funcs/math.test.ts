import { describe, expect, it } from 'vitest'
import { mathFuncs as f } from './math.ts'

// Expected values were produced by helm v3.17.3 (Sprig v3.3.0).
const cases: [string, unknown[], unknown][] = [
  ['add', [1n, 2n, 3n], 6n],
  ['add', [42, 1.5], 43n],
  ['add', [1.9, 1.9], 2n],
  ['add1', [1.5], 2n],
  ['sub', [5n, '2'], 3n],
  ['mul', [1.5, 2n], 2n],
  ['div', [7n, 2n], 3n],
  ['div', [-7n, 2n], -3n],
  ['mod', [-7n, 3n], -1n],
  ['max', [1n, 5n, '7', 3.9], 7n],
  ['min', [4n, -2n, 1n], -2n],
  ['addf', [1.1, 2.2], 3.3],
  ['addf', [42, 1.5], 43.5],
  ['add1f', [0.1], 1.1],
  ['subf', [1, 0.9], 0.1],
  ['mulf', [1.1, 3n], 3.3],
  ['divf', [1n, 3n], 0.3333333333333333],
  ['divf', [2n, 3n], 0.6666666666666667],
  ['divf', [10n, 4n], 2.5],
  ['maxf', [1n, 2.5, '3'], 3],
  ['minf', [1n, 2.5, -0.5], -0.5],
  ['ceil', [1.2], 2],
  ['floor', [-1.2], -2],
  ['round', [2.555, 2n], 2.56],
  ['round', [2.5, 0n], 3],
  ['round', [-2.5, 0n], -3],
  ['round', [1.25, 1n, 0.4], 1.3],
]

describe('math functions', () => {
  it.each(cases)('%s #%#', (name, args, want) => expect(f[name]!(...args)).toBe(want))

  it('fails on integer division by zero and wraps int64', () => {
    expect(() => f.div!(1n, 0n)).toThrow('integer divide by zero')
    expect(f.add!(9223372036854775807n, 1n)).toBe(-9223372036854775808n)
  })
})
