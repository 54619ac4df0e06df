/**
 * go-yaml v2's implicit typing of plain scalars (resolve.go): what a bare `yes`, `0755`,
 * `1e3` or `2024-01-02` means to Helm. The encoder asks the same question to decide when a
 * string must be quoted.
 */

/** The type go-yaml v2 gives a plain scalar, with its Go value. */
export type Resolved =
  | { tag: 'null' }
  | { tag: 'bool'; value: boolean }
  | { tag: 'int'; value: bigint; unsigned: boolean }
  | { tag: 'float'; value: number }
  | { tag: 'timestamp'; value: string }
  | { tag: 'merge' }
  | { tag: 'str'; value: string }

const WORDS: ReadonlyMap<string, Resolved> = (() => {
  const m = new Map<string, Resolved>()
  const add = (r: Resolved, words: string[]) => words.forEach((w) => m.set(w, r))
  add({ tag: 'bool', value: true }, [
    'y',
    'Y',
    'yes',
    'Yes',
    'YES',
    'true',
    'True',
    'TRUE',
    'on',
    'On',
    'ON',
  ])
  add({ tag: 'bool', value: false }, [
    'n',
    'N',
    'no',
    'No',
    'NO',
    'false',
    'False',
    'FALSE',
    'off',
    'Off',
    'OFF',
  ])
  add({ tag: 'null' }, ['', '~', 'null', 'Null', 'NULL'])
  add({ tag: 'float', value: NaN }, ['.nan', '.NaN', '.NAN'])
  add({ tag: 'float', value: Infinity }, ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'])
  add({ tag: 'float', value: -Infinity }, ['-.inf', '-.Inf', '-.INF'])
  return m
})()

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/
const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n
const UINT64_MAX = 2n ** 64n - 1n

/** The digits of an unsigned Go integer literal as `strconv.ParseUint(s, 0, 64)` reads it. */
function parseGoUnsigned(s: string): bigint | undefined {
  let body = s
  let radix = 10
  if (/^0[xX]/.test(body)) {
    radix = 16
    body = body.slice(2)
  } else if (/^0[oO]/.test(body)) {
    radix = 8
    body = body.slice(2)
  } else if (/^0[bB]/.test(body)) {
    radix = 2
    body = body.slice(2)
  } else if (body.length > 1 && body[0] === '0') {
    radix = 8
    body = body.slice(1)
  }
  const digitClass = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[radix]
  if (!digitClass || !digitClass.test(body)) return undefined
  const prefix = { 2: '0b', 8: '0o', 10: '', 16: '0x' }[radix]
  const v = BigInt(prefix + body)
  return v > UINT64_MAX ? undefined : v
}

/** `strconv.ParseInt(s, 0, 64)`. */
export function parseGoInt(s: string): bigint | undefined {
  let neg = false
  let body = s
  if (body[0] === '+' || body[0] === '-') {
    neg = body[0] === '-'
    body = body.slice(1)
  }
  const u = parseGoUnsigned(body)
  if (u === undefined) return undefined
  const v = neg ? -u : u
  return v < INT64_MIN || v > INT64_MAX ? undefined : v
}

/** `strconv.ParseUint(s, 0, 64)` (no sign allowed). */
export function parseGoUint(s: string): bigint | undefined {
  return /^[0-9]/.test(s) ? parseGoUnsigned(s) : undefined
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

const TS_DATE = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$/
const TS_TIME =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.[0-9]+)?(?:Z|[-+][0-9]{2}:[0-9]{2})| ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.[0-9]+)?)$/

/** go-yaml v2's parseTimestamp: the four time.Parse layouts it tries, with Go's range checks. */
export function isYamlTimestamp(s: string): boolean {
  const m = TS_DATE.exec(s) ?? TS_TIME.exec(s)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return false
  const hh = m[4] ?? m[7]
  if (hh === undefined) return true
  const [h, mi, se] = [Number(hh), Number(m[5] ?? m[8]), Number(m[6] ?? m[9])]
  return h <= 23 && mi <= 59 && se <= 59
}

function intResult(v: bigint, unsigned: boolean): Resolved {
  return { tag: 'int', value: v, unsigned }
}

/**
 * Resolves a plain (unquoted, untagged) scalar as go-yaml v2 does. Quoted scalars are always
 * strings and never come here. `<<` resolves to a string: go-yaml only looks words up when the
 * first character hints at one, and `<` does not (merge keys are recognised by the decoder).
 */
export function resolvePlain(s: string): Resolved {
  const word = WORDS.get(s)
  if (word) return word
  const c = s[0]
  if (c === '.') {
    if (DOT_FLOAT.test(s)) return { tag: 'float', value: Number(s) }
    return { tag: 'str', value: s }
  }
  if (c === undefined || !'+-0123456789'.includes(c)) return { tag: 'str', value: s }
  if (isYamlTimestamp(s)) return { tag: 'timestamp', value: s }
  const plain = s.replaceAll('_', '')
  const i = parseGoInt(plain)
  if (i !== undefined) return intResult(i, false)
  const u = parseGoUint(plain)
  if (u !== undefined) return intResult(u, true)
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = Number(plain)
    // ParseFloat reports out-of-range values as errors, so go-yaml keeps them as strings.
    if (Number.isFinite(f)) return { tag: 'float', value: f }
  }
  if (plain.startsWith('0b')) {
    const b = /^[01]+$/.test(plain.slice(2)) ? BigInt(`0b${plain.slice(2)}`) : undefined
    if (b !== undefined && b <= UINT64_MAX) return intResult(b, b > INT64_MAX)
  } else if (plain.startsWith('-0b')) {
    const b = /^[01]+$/.test(plain.slice(3)) ? -BigInt(`0b${plain.slice(3)}`) : undefined
    if (b !== undefined && b >= INT64_MIN) return intResult(b, false)
  }
  return { tag: 'str', value: s }
}

/** go-yaml v2's isBase60Float: `1:20`, `-190:20:30.15` would be sexagesimal floats in YAML 1.1. */
export function isBase60Float(s: string): boolean {
  return s.includes(':') && /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s)
}

/** A decoded Go value before the JSON round trip: ints and floats still apart. */
export type GoYaml =
  | null
  | boolean
  | string
  | { int: bigint; unsigned: boolean }
  | number
  | GoYaml[]
  | Map<string, GoYaml>

/** The Go value of a resolved plain scalar. */
export function fromResolved(r: Resolved): GoYaml {
  switch (r.tag) {
    case 'null':
      return null
    case 'bool':
      return r.value
    case 'int':
      return { int: r.value, unsigned: r.unsigned }
    case 'float':
      return r.value
    case 'merge':
      return '<<'
    case 'timestamp':
    case 'str':
      return r.value
  }
}
