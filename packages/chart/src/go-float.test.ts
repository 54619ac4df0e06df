import { describe, expect, it } from 'vitest'
import { formatGoFloat } from './go-float.ts'

describe('formatGoFloat (strconv.FormatFloat with g and -1)', () => {
  it.each([
    [1.1, 64, '1.1'],
    [1, 64, '1'],
    [100000, 64, '100000'],
    [1000000, 64, '1e+06'],
    [1234567, 64, '1.234567e+06'],
    [0.0001, 64, '0.0001'],
    [0.00001, 64, '1e-05'],
    [-2.5, 64, '-2.5'],
    [0.1234567891, 32, '0.12345679'],
    [0.1, 32, '0.1'],
    [16777217, 32, '1.6777216e+07'],
    [Number.NaN, 64, 'NaN'],
    [Infinity, 64, '+Inf'],
    [0, 64, '0'],
  ] as const)('%d (%d bits) → %s', (n, bits, expected) => {
    expect(formatGoFloat(n, bits)).toBe(expected)
  })
})
