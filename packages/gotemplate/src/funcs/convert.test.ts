import { describe, expect, it } from 'vitest'
import { convertFuncs as f, parseGoFloat, parseGoInt, toFloat64, toInt64 } from './convert.ts'

describe('cast.ToInt64', () => {
  const cases: [unknown, bigint][] = [
    ['12', 12n],
    ['1.5', 0n],
    ['12.0', 12n],
    ['12.', 0n],
    ['0x1F', 31n],
    ['010', 8n],
    ['0b101', 5n],
    ['0o17', 15n],
    ['1_000', 1000n],
    ['-7', -7n],
    [' 1', 0n],
    [1.9, 1n],
    [-5.5, -5n],
    [1.2345678901234567e19, -9223372036854775808n],
    [NaN, -9223372036854775808n],
    [true, 1n],
    [null, 0n],
    [[1n], 0n],
    [42n, 42n],
  ]
  it.each(cases)('toInt64 #%#', (v, want) => expect(toInt64(v)).toBe(want))
})

describe('cast.ToFloat64 and strconv', () => {
  it('parses as Go does', () => {
    expect(toFloat64('1e3')).toBe(1000)
    expect(toFloat64('abc')).toBe(0)
    expect(toFloat64('1e400')).toBe(0)
    expect(toFloat64(3n)).toBe(3)
    expect(toFloat64(false)).toBe(0)
    expect(parseGoFloat('0x1p-2')).toBe(0.25)
    expect(parseGoFloat('-Inf')).toBe(-Infinity)
    expect(parseGoInt('9223372036854775808', 10)).toBeUndefined()
    expect(parseGoInt('777', 8)).toBe(511n)
  })

  it('stays linear on long hostile input', () => {
    expect(toFloat64('1'.repeat(200_000) + 'x')).toBe(0)
    expect(toFloat64('0x' + '1'.repeat(200_000) + 'x')).toBe(0)
    expect(toFloat64('1_'.repeat(100_000))).toBe(0)
  })
})

describe('conversion functions', () => {
  const cases: [string, unknown[], unknown][] = [
    ['atoi', ['42'], 42n],
    ['atoi', ['4x'], 0n],
    ['atoi', ['+7'], 7n],
    ['toDecimal', ['777'], 511n],
    ['toDecimal', [777n], 511n],
    ['toString', [1.5], '1.5'],
    ['toString', [1000000], '1e+06'],
    ['toString', [null], '<nil>'],
    ['toString', [new Uint8Array([104, 105])], 'hi'],
    ['toStrings', [[1n, 'a', null, 2.5]], ['1', 'a', '2.5']],
    ['int', ['0x1F'], 31n],
    ['float64', ['abc'], 0],
  ]
  it.each(cases)('%s #%#', (name, args, want) => expect(f[name]!(...args)).toEqual(want))
})
