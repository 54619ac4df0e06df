/**
 * The slice of github.com/shopspring/decimal that Sprig's float math uses: exact decimal
 * add/sub/mul from each float's shortest representation, division rounded to 16 places.
 */

import { FuncError } from './errors.ts'

/** A decimal: coefficient × 10^exp. */
export interface Dec {
  c: bigint
  e: number
}

/** decimal.NewFromFloat: the shortest decimal that round-trips to f. */
export function fromFloat(f: number): Dec {
  if (!Number.isFinite(f))
    throw new FuncError(
      `Cannot create a Decimal from ${Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf'}`,
    )
  if (f === 0) return { c: 0n, e: 0 }
  const s = f.toExponential()
  const [mant, exp] = s.split('e') as [string, string]
  const neg = mant.startsWith('-')
  const digits = mant.replace('-', '').replace('.', '')
  const frac = digits.length - 1
  return { c: (neg ? -1n : 1n) * BigInt(digits), e: Number(exp) - frac }
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const e = Math.min(a.e, b.e)
  return [a.c * 10n ** BigInt(a.e - e), b.c * 10n ** BigInt(b.e - e), e]
}

/** Exact sum. */
export function add(a: Dec, b: Dec): Dec {
  const [x, y, e] = align(a, b)
  return { c: x + y, e }
}

/** Exact difference. */
export function sub(a: Dec, b: Dec): Dec {
  const [x, y, e] = align(a, b)
  return { c: x - y, e }
}

/** Exact product. */
export function mul(a: Dec, b: Dec): Dec {
  return { c: a.c * b.c, e: a.e + b.e }
}

/** Division rounded half away from zero to 16 decimal places (decimal.DivisionPrecision). */
export function div(a: Dec, b: Dec): Dec {
  if (b.c === 0n) throw new Error('decimal division by 0')
  const prec = 16
  // a/b = (a.c / b.c) × 10^(a.e - b.e); scale so the integer quotient has `prec` places.
  const shift = prec + a.e - b.e
  let num = a.c
  let den = b.c
  if (shift >= 0) num *= 10n ** BigInt(shift)
  else den *= 10n ** BigInt(-shift)
  const neg = num < 0n !== den < 0n
  if (num < 0n) num = -num
  if (den < 0n) den = -den
  let q = num / den
  const r = num % den
  if (2n * r >= den) q += 1n
  return { c: neg ? -q : q, e: -prec }
}

/** decimal.Float64: the nearest float64 to the exact decimal. */
export function toFloat(d: Dec): number {
  return Number(`${d.c}e${d.e}`)
}
