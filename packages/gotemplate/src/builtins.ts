/**
 * Go's predefined template functions (go1.23 `text/template/funcs.go`): `and or not len index
 * slice print printf println html js urlquery call eq ne lt le gt ge`.
 *
 * Their parameters are `reflect.Value`s in Go, so they see the difference between a nil found in
 * a map (`null` here) and no value at all (`undefined`, e.g. a variable holding a missing key):
 * `len .Values.missing` says "len of nil pointer" while `len $missing` fails inside reflect.
 * `and`/`or` are evaluated lazily by the executor; their entries here only describe arity.
 */
import { compareGoStrings, goTypeName, sprint, sprintf, sprintln } from './fmt.ts'
import { missingMapValue } from './funcs/fmt-type.ts'
import { byteLength, encodeUtf8 } from './funcs/utf8.ts'
import { asGoMap, GoStruct, isTrue, underlyingValue } from './value.ts'

/** A predefined function: arity as Go checks it, and whether arguments arrive raw. */
export interface Builtin {
  /** Fixed parameters (for variadic functions: the ones before `...`). */
  readonly fixed: number
  readonly variadic: boolean
  /**
   * Parameters of type `reflect.Value`: `null` (nil found in data) and `undefined` (no value)
   * stay apart. Otherwise both arrive as `null`.
   */
  readonly raw: boolean
  readonly fn: (...args: unknown[]) => unknown
}

/** Go's errBadComparison. */
const BAD_COMPARISON = 'incompatible types for comparison'
/** Go's errBadComparisonType. */
const BAD_COMPARISON_TYPE = 'invalid type for comparison'

type BasicKind = 'invalid' | 'bool' | 'int' | 'float' | 'string' | 'other'

function basicKind(v: unknown): BasicKind {
  switch (typeof v) {
    case 'boolean':
      return 'bool'
    case 'bigint':
      return 'int'
    case 'number':
      return 'float'
    case 'string':
      return 'string'
    case 'undefined':
      return 'invalid'
    case 'object':
      return v === null ? 'invalid' : 'other'
    default:
      return 'other'
  }
}

function isComparable(v: unknown): boolean {
  const u = underlyingValue(v)
  return !(Array.isArray(u) || u instanceof Uint8Array || asGoMap(u) || typeof u === 'function')
}

function eq(arg1: unknown, ...rest: unknown[]): boolean {
  if (rest.length === 0) throw new Error('missing argument for comparison')
  const k1 = basicKind(arg1)
  for (const arg of rest) {
    const k2 = basicKind(arg)
    let truth = false
    if (k1 !== k2) {
      // nil (invalid) compares unequal to anything, without error.
      if (k1 !== 'invalid' && k2 !== 'invalid') throw new Error(BAD_COMPARISON)
    } else if (k1 === 'other') {
      if (!isComparable(arg))
        throw new Error(`non-comparable type ${sprintf('%s', arg)}: ${goTypeName(arg)}`)
      if (!isComparable(arg1))
        throw new Error(`non-comparable type ${sprintf('%s', arg1)}: ${goTypeName(arg1)}`)
      truth =
        arg1 === arg ||
        (arg1 instanceof GoStruct && arg instanceof GoStruct && sameStruct(arg1, arg))
    } else if (k1 === 'invalid') {
      truth = true
    } else {
      truth = arg1 === arg
    }
    if (truth) return true
  }
  return false
}

function sameStruct(a: GoStruct, b: GoStruct): boolean {
  if (a.goType !== b.goType) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every(
    (k) =>
      (a as unknown as Record<string, unknown>)[k] === (b as unknown as Record<string, unknown>)[k],
  )
}

function lt(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a)
  if (k1 === 'invalid' || k1 === 'other') throw new Error(BAD_COMPARISON_TYPE)
  const k2 = basicKind(b)
  if (k2 === 'invalid' || k2 === 'other') throw new Error(BAD_COMPARISON_TYPE)
  if (k1 !== k2) throw new Error(BAD_COMPARISON)
  switch (k1) {
    case 'bool':
      throw new Error(BAD_COMPARISON_TYPE)
    case 'string':
      return compareGoStrings(a as string, b as string) < 0
    default:
      return (a as number) < (b as number)
  }
}

function le(a: unknown, b: unknown): boolean {
  return lt(a, b) || eq(a, b)
}

function length(named: unknown): bigint {
  const item = underlyingValue(named)
  if (item === null) throw new Error('len of nil pointer')
  if (item === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value')
  if (typeof item === 'string') return BigInt(byteLength(item))
  if (Array.isArray(item) || item instanceof Uint8Array) return BigInt(item.length)
  const m = asGoMap(item)
  if (m) return BigInt(Object.keys(m).length)
  throw new Error(`len of type ${goTypeName(named)}`)
}

function indexArg(index: unknown, cap: number): number {
  let x: bigint
  if (typeof index === 'bigint') x = index
  else if (index === null || index === undefined)
    throw new Error('cannot index slice/array with nil')
  else throw new Error(`cannot index slice/array with type ${goTypeName(index)}`)
  if (x < 0n || x > BigInt(cap)) throw new Error(`index out of range: ${x}`)
  return Number(x)
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined || item === null) throw new Error('index of untyped nil')
  let cur: unknown = item
  for (const ix of indexes) {
    if (cur === null || cur === undefined) throw new Error('index of nil pointer')
    cur = underlyingValue(cur)
    if (typeof cur === 'string' || Array.isArray(cur) || cur instanceof Uint8Array) {
      const seq = typeof cur === 'string' ? encodeUtf8(cur) : cur
      const x = indexArg(ix, seq.length)
      if (x === seq.length) throw new Error('reflect: slice index out of range')
      const v = seq[x]
      cur = typeof v === 'number' && !Array.isArray(seq) ? BigInt(v) : (v ?? null)
    } else if (asGoMap(cur)) {
      const m = asGoMap(cur)!
      if (ix === null || ix === undefined) throw new Error('value is nil; should be of type string')
      if (typeof ix !== 'string')
        throw new Error(`value has type ${goTypeName(ix)}; should be string`)
      cur = Object.prototype.hasOwnProperty.call(m, ix) ? (m[ix] ?? null) : missingMapValue(m)
    } else {
      throw new Error(`can't index item of type ${goTypeName(cur)}`)
    }
  }
  return cur
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined || item === null) throw new Error('slice of untyped nil')
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`)
  let cap: number
  if (typeof item === 'string') {
    if (indexes.length === 3) throw new Error('cannot 3-index slice a string')
    cap = encodeUtf8(item).length
  } else if (Array.isArray(item) || item instanceof Uint8Array) {
    cap = item.length
  } else {
    throw new Error(`can't slice item of type ${goTypeName(item)}`)
  }
  const idx = [0, cap]
  for (let i = 0; i < indexes.length; i++) idx[i] = indexArg(indexes[i], cap)
  if (idx[0]! > idx[1]!) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`)
  if (indexes.length === 3 && idx[1]! > idx[2]!)
    throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`)
  if (typeof item === 'string') {
    const bytes = encodeUtf8(item)
    if (bytes.length === item.length) return item.slice(idx[0], idx[1])
    return decodeLossy(bytes.subarray(idx[0], idx[1]))
  }
  return item.slice(idx[0], idx[1])
}

function decodeLossy(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i++) s += '%' + bytes[i]!.toString(16).padStart(2, '0')
  try {
    return decodeURIComponent(s)
  } catch {
    return Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : '\ufffd')).join('')
  }
}

/** Go's evalArgs for html/js/urlquery: one string as is, otherwise fmt.Sprint with `<no value>` for nil. */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0]
  return sprint(...args.map((a) => (a === null || a === undefined ? '<no value>' : a)))
}

/** Go's template.HTMLEscapeString. */
export function htmlEscape(s: string): string {
  return s.replace(/[<>&'"\0]/g, (c) => {
    switch (c) {
      case '<':
        return '&lt;'
      case '>':
        return '&gt;'
      case '&':
        return '&amp;'
      case "'":
        return '&#39;'
      case '"':
        return '&#34;'
      default:
        return '\ufffd'
    }
  })
}

/** Not Go's unicode.IsPrint (letters, marks, numbers, punctuation, symbols; of spaces only U+0020). */
const nonPrintable = /[^\p{L}\p{M}\p{N}\p{P}\p{S}]/u

/** Go's template.JSEscapeString. */
export function jsEscape(s: string): string {
  let out = ''
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    switch (ch) {
      case '\\':
        out += '\\\\'
        continue
      case "'":
        out += "\\'"
        continue
      case '"':
        out += '\\"'
        continue
      case '<':
        out += '\\u003C'
        continue
      case '>':
        out += '\\u003E'
        continue
      case '&':
        out += '\\u0026'
        continue
      case '=':
        out += '\\u003D'
        continue
    }
    if (c < 0x20) out += '\\u00' + c.toString(16).toUpperCase().padStart(2, '0')
    else if (c >= 0x80 && (nonPrintable.test(ch) || (c >= 0xd800 && c <= 0xdfff))) {
      out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0')
    } else out += ch
  }
  return out
}

/** Go's url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = ''
  for (const b of encodeUtf8(s)) {
    const ch = String.fromCharCode(b)
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch
    else if (b === 0x20) out += '+'
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0')
  }
  return out
}

/** Go's `call`; the executor passes the callee's node text first, for messages. */
function call(calleeName: unknown, fn: unknown, ...args: unknown[]): unknown {
  if (fn === null || fn === undefined) throw new Error('call of nil')
  if (typeof fn !== 'function')
    throw new Error(`non-function ${String(calleeName)} of type ${goTypeName(fn)}`)
  try {
    return fn(...args.map((a) => (a === undefined ? null : a)))
  } catch (e) {
    throw new Error(
      `error calling ${String(calleeName)}: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    )
  }
}

function b(
  fixed: number,
  variadic: boolean,
  raw: boolean,
  fn: (...args: any[]) => unknown,
): Builtin {
  return { fixed, variadic, raw, fn }
}

/** Go's builtins by name. */
export const BUILTINS: Readonly<Record<string, Builtin>> = Object.freeze({
  and: b(1, true, true, () => undefined),
  or: b(1, true, true, () => undefined),
  not: b(1, false, true, (v: unknown) => !isTrue(v)),
  len: b(1, false, true, length),
  index: b(1, true, true, index),
  slice: b(1, true, true, slice),
  print: b(0, true, false, (...a: unknown[]) => sprint(...a)),
  printf: b(1, true, false, (format: unknown, ...a: unknown[]) => {
    if (typeof format !== 'string')
      throw new TypeError(`wrong type for value; expected string; got ${goTypeName(format)}`)
    return sprintf(format, ...a)
  }),
  println: b(0, true, false, (...a: unknown[]) => sprintln(...a)),
  html: b(0, true, false, (...a: unknown[]) => htmlEscape(evalArgs(a))),
  js: b(0, true, false, (...a: unknown[]) => jsEscape(evalArgs(a))),
  urlquery: b(0, true, false, (...a: unknown[]) => queryEscape(evalArgs(a))),
  call: b(1, true, true, call),
  eq: b(1, true, true, eq),
  ne: b(2, false, true, (x: unknown, y: unknown) => !eq(x, y)),
  lt: b(2, false, true, lt),
  le: b(2, false, true, le),
  gt: b(2, false, true, (x: unknown, y: unknown) => !le(x, y)),
  ge: b(2, false, true, (x: unknown, y: unknown) => !lt(x, y)),
})

/** True when `name` is one of Go's builtins. */
export function isBuiltin(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(BUILTINS, name)
}
