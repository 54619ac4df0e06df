/**
 * Sprig's math: integer functions convert every argument with cast.ToInt64 (floats
 * truncate) and return int64; `*f` functions use shopspring/decimal and return float64.
 */
import type { FuncMap } from '../func.ts'
import { fn } from './args.ts'
import { toFloat64, toInt64, wrapInt64 } from './convert.ts'
import * as dec from './decimal.ts'
import { FuncError } from './errors.ts'

function decimalOp(op: (a: dec.Dec, b: dec.Dec) => dec.Dec) {
  return (a: unknown, ...rest: unknown[]) => {
    let acc = dec.fromFloat(toFloat64(a))
    for (const x of rest) acc = op(acc, dec.fromFloat(toFloat64(x)))
    return dec.toFloat(acc)
  }
}

function intDiv(a: unknown, b: unknown, op: 'div' | 'mod'): bigint {
  const x = toInt64(a)
  const y = toInt64(b)
  if (y === 0n) throw new FuncError('runtime error: integer divide by zero')
  // Go truncates toward zero, as BigInt does; MinInt64 / -1 wraps.
  return wrapInt64(op === 'div' ? x / y : x % y)
}

function round(a: unknown, p: bigint, ...opt: number[]): number {
  const roundOn = opt.length > 0 ? opt[0]! : 0.5
  const val = toFloat64(a)
  const pow = Math.pow(10, Number(p))
  const digit = pow * val
  const frac = digit - Math.trunc(digit)
  const r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)
  return r / pow
}

function maxInt(a: unknown, ...rest: unknown[]): bigint {
  let m = toInt64(a)
  for (const x of rest) {
    const v = toInt64(x)
    if (v > m) m = v
  }
  return m
}

function minInt(a: unknown, ...rest: unknown[]): bigint {
  let m = toInt64(a)
  for (const x of rest) {
    const v = toInt64(x)
    if (v < m) m = v
  }
  return m
}

/** Go's math.Max/Min: NaN wins, and +0 beats -0 for Max. */
function goMax(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN
  if (a === 0 && b === 0) return Object.is(a, -0) ? b : a
  return a > b ? a : b
}

function goMin(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN
  if (a === 0 && b === 0) return Object.is(a, -0) ? a : b
  return a < b ? a : b
}

/** Integer and float math. */
export const mathFuncs: FuncMap = {
  add1: fn(['any'], (a: unknown) => wrapInt64(toInt64(a) + 1n)),
  add: fn(
    [],
    (...v: unknown[]) => v.reduce<bigint>((s, x) => wrapInt64(s + toInt64(x)), 0n),
    'any',
  ),
  sub: fn(['any', 'any'], (a: unknown, b: unknown) => wrapInt64(toInt64(a) - toInt64(b))),
  div: fn(['any', 'any'], (a: unknown, b: unknown) => intDiv(a, b, 'div')),
  mod: fn(['any', 'any'], (a: unknown, b: unknown) => intDiv(a, b, 'mod')),
  mul: fn(
    ['any'],
    (a: unknown, ...v: unknown[]) =>
      v.reduce<bigint>((s, x) => wrapInt64(s * toInt64(x)), toInt64(a)),
    'any',
  ),
  max: fn(['any'], maxInt, 'any'),
  biggest: fn(['any'], maxInt, 'any'),
  min: fn(['any'], minInt, 'any'),
  maxf: fn(
    ['any'],
    (a: unknown, ...v: unknown[]) =>
      v.reduce<number>((m, x) => goMax(m, toFloat64(x)), toFloat64(a)),
    'any',
  ),
  minf: fn(
    ['any'],
    (a: unknown, ...v: unknown[]) =>
      v.reduce<number>((m, x) => goMin(m, toFloat64(x)), toFloat64(a)),
    'any',
  ),
  add1f: fn(['any'], (a: unknown) => decimalOp(dec.add)(a, 1)),
  addf: fn([], (...v: unknown[]) => decimalOp(dec.add)(0, ...v), 'any'),
  subf: fn(['any'], decimalOp(dec.sub), 'any'),
  mulf: fn(['any'], decimalOp(dec.mul), 'any'),
  divf: fn(
    ['any'],
    (a: unknown, ...v: unknown[]) => {
      try {
        return decimalOp(dec.div)(a, ...v)
      } catch (e) {
        throw new FuncError((e as Error).message)
      }
    },
    'any',
  ),
  ceil: fn(['any'], (a: unknown) => Math.ceil(toFloat64(a))),
  floor: fn(['any'], (a: unknown) => Math.floor(toFloat64(a))),
  round: fn(['any', 'int'], round, 'float64'),
}
