import { describe, expect, it } from 'vitest'
import { formatFloatG, formatJsonFloat } from './go-float.ts'
import { formatFloatFixed } from './toml-encode.ts'

describe('Go float formatting', () => {
  const g: [number, string][] = [
    [8080, '8080'],
    [123456, '123456'],
    [1000000, '1e+06'],
    [1234567, '1.234567e+06'],
    [1234567.5, '1.2345675e+06'],
    [100000.5, '100000.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.1, '1.1'],
    [3, '3'],
    [-0, '-0'],
    [1e21, '1e+21'],
    [12345678901234567890, '1.2345678901234567e+19'],
    [1e100, '1e+100'],
    [-2.5e-7, '-2.5e-07'],
    [100000, '100000'],
    [-2.5, '-2.5'],
    [0, '0'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
  ]
  it.each(g)("FormatFloat(%d, 'g', -1, 64) = %s", (f, want) => expect(formatFloatG(f)).toBe(want))

  const g32: [number, string][] = [
    [1.5, '1.5'],
    [0.1, '0.1'],
    [3, '3'],
    [1234567, '1.234567e+06'],
    [16777217, '1.6777216e+07'],
    [0.1234567891, '0.12345679'],
  ]
  it.each(g32)("FormatFloat(%d, 'g', -1, 32) = %s", (f, want) =>
    expect(formatFloatG(f, 32)).toBe(want),
  )

  const json: [number, string][] = [
    [1, '1'],
    [1.5, '1.5'],
    [1e-6, '0.000001'],
    [1e-7, '1e-7'],
    [1e20, '100000000000000000000'],
    [1e21, '1e+21'],
    [-0, '-0'],
  ]
  it.each(json)('json(%d) = %s', (f, want) => expect(formatJsonFloat(f)).toBe(want))

  const fixed: [number, string][] = [
    [1e21, '1000000000000000000000'],
    [1e-7, '0.0000001'],
    [1.5, '1.5'],
    [-0, '-0'],
    [123, '123'],
  ]
  it.each(fixed)("FormatFloat(%d, 'f', -1, 64) = %s", (f, want) =>
    expect(formatFloatFixed(f)).toBe(want),
  )
})
