/**
 * Conversions with the semantics of github.com/spf13/cast v1.7 (Sprig's `int`, `int64`,
 * `float64`, and the argument conversion of every integer math function), plus Sprig's
 * `strval`/`strslice` (`toString`, `toStrings`, `join`).
 */
import type { FuncMap } from '../func.ts'
import { formatValue, sprint } from '../fmt.ts'
import { GoStruct } from '../value.ts'
import { fn } from './args.ts'
import { goStringOf } from './utf8.ts'
import { withGoType } from './fmt-type.ts'

const INT64_MIN = -(1n << 63n)
const INT64_MAX = (1n << 63n) - 1n

/** Wraps a bigint to int64 like Go's two's-complement arithmetic. */
export function wrapInt64(v: bigint): bigint {
  return BigInt.asIntN(64, v)
}

/** Go's strconv.ParseInt(s, base, 64); undefined when Go returns an error. */
export function parseGoInt(s: string, base: number): bigint | undefined {
  let i = 0
  let neg = false
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-'
    i = 1
  }
  let body = s.slice(i)
  let b = base
  let underscores = false
  if (base === 0) {
    b = 10
    underscores = true
    if (body[0] === '0') {
      const p = body[1]?.toLowerCase()
      if (p === 'x') [b, body] = [16, body.slice(2)]
      else if (p === 'o') [b, body] = [8, body.slice(2)]
      else if (p === 'b') [b, body] = [2, body.slice(2)]
      else if (body.length > 1) [b, body] = [8, body.slice(1)]
    }
  }
  if (body.length === 0) return undefined
  if (underscores && body.includes('_')) {
    // Go's underscoreOK: underscores only between digits or after a base prefix.
    const prefixed = s.slice(i).length !== body.length
    const full = (prefixed ? '0' : '') + body
    if (/__|_$/.test(full) || (!prefixed && body.startsWith('_'))) return undefined
    body = body.replace(/_/g, '')
    if (body.length === 0) return undefined
  }
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, b)
  let n = 0n
  for (const ch of body.toLowerCase()) {
    const d = digits.indexOf(ch)
    if (d < 0) return undefined
    n = n * BigInt(b) + BigInt(d)
  }
  if (neg) n = -n
  if (n < INT64_MIN || n > INT64_MAX) return undefined
  return n
}

/** Go's strconv.ParseFloat(s, 64); undefined when Go returns an error (syntax or range). */
export function parseGoFloat(s: string): number | undefined {
  if (s.includes('_')) {
    // Go float literal syntax: an underscore only between digits, or after a base prefix
    if (/^[+-]?_|_[^0-9A-Fa-f]|[^0-9A-Fa-fxX]_|_$/.test(s)) return undefined
    s = s.replace(/_/g, '')
  }
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity
  if (/^[+-]?nan$/i.test(s)) return NaN
  // unambiguous patterns: linear time on long input
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
    const v = Number(s)
    return Number.isFinite(v) ? v : undefined
  }
  if (
    /^[+-]?0[xX]/.test(s) &&
    /^[+-]?0[xX]([0-9a-fA-F]+(\.[0-9a-fA-F]*)?|\.[0-9a-fA-F]+)[pP][+-]?\d+$/.test(s)
  ) {
    const m = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(s)!
    const int = m[2]!.replace(/_/g, '')
    const frac = (m[3] ?? '').replace(/_/g, '')
    const mant = parseInt(int + frac || '0', 16) * 2 ** (Number(m[4]) - 4 * frac.length)
    return m[1] === '-' ? -mant : mant
  }
  return undefined
}

function trimZeroDecimal(s: string): string {
  let foundZero = false
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1]
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1)
    } else if (c === '0') foundZero = true
    else return s
  }
  return s
}

/** Go's int64(f) on amd64: truncation, with NaN and out-of-range values giving MinInt64. */
export function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 9223372036854775808 || f < -9223372036854775808) return INT64_MIN
  return BigInt(Math.trunc(f))
}

/** cast.ToInt64: ints as they are, floats truncated, strings parsed (base prefixes, `12.0`), bools 0/1, anything else 0. */
export function toInt64(v: unknown): bigint {
  switch (typeof v) {
    case 'bigint':
      return v
    case 'number':
      return floatToInt64(v)
    case 'boolean':
      return v ? 1n : 0n
    case 'string':
      return parseGoInt(trimZeroDecimal(v), 0) ?? 0n
    default:
      return 0n
  }
}

/** cast.ToFloat64: floats as they are, ints converted, strings parsed, bools 0/1, anything else 0. */
export function toFloat64(v: unknown): number {
  switch (typeof v) {
    case 'number':
      return v
    case 'bigint':
      return Number(v)
    case 'boolean':
      return v ? 1 : 0
    case 'string':
      return parseGoFloat(v) ?? 0
    default:
      return 0
  }
}

/** Sprig's strval: strings as they are, bytes decoded, Stringers called, else `%v`. */
export function strval(v: unknown): string {
  if (typeof v === 'string') return v
  if (v instanceof Uint8Array) return goStringOf(v)
  if (v instanceof GoStruct) return sprint(v)
  return formatValue(v === undefined ? null : v)
}

/** Sprig's strslice: a list's non-nil elements as strings; a scalar becomes a one-element list. */
export function strslice(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map(strval)
  if (v instanceof Uint8Array) return Array.from(v, (b) => String(b))
  if (v === null || v === undefined) return []
  return [strval(v)]
}

/** Conversion functions: `int`, `int64`, `float64`, `atoi`, `toDecimal`, `toString`, `toStrings`. */
export const convertFuncs: FuncMap = {
  int: fn(['any'], toInt64),
  int64: fn(['any'], toInt64),
  float64: fn(['any'], toFloat64),
  // strconv.Atoi: a syntax error gives 0, an out-of-range number the nearest int64 (Sprig ignores the error)
  atoi: fn(['string'], (s: string) => {
    if (!/^[+-]?\d+$/.test(s)) return 0n
    const n = BigInt(s)
    return n > INT64_MAX ? INT64_MAX : n < INT64_MIN ? INT64_MIN : n
  }),
  toDecimal: fn(['any'], (v: unknown) => parseGoInt(sprint(v), 8) ?? 0n),
  toString: fn(['any'], strval),
  toStrings: fn(['any'], (v: unknown) => withGoType(strslice(v), '[]string')),
}
