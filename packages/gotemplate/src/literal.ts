/**
 * Go literal syntax used by templates: strconv.Unquote for strings and characters, and the
 * number rules of text/template (`parse.NumberNode` + exec's `idealConstant`).
 */

/** A literal that Go rejects; the message is Go's. */
export class LiteralSyntaxError extends Error {
  override readonly name = 'LiteralSyntaxError'
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
}

function hexValue(s: string): number {
  return /^[0-9a-fA-F]+$/.test(s) ? parseInt(s, 16) : NaN
}

/** Decodes UTF-8 bytes, replacing invalid sequences with U+FFFD as Go's string conversion would show them. */
function decodeUtf8(bytes: number[]): string {
  let out = ''
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!
    let need = 0
    let cp = 0
    if (b < 0x80) {
      out += String.fromCharCode(b)
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1
      cp = b & 0x1f
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      cp = b & 0x0f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      cp = b & 0x07
    } else {
      out += '\ufffd'
      i++
      continue
    }
    let ok = i + need < bytes.length
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k]!
      if ((c & 0xc0) !== 0x80) ok = false
      else cp = (cp << 6) | (c & 0x3f)
    }
    if (
      !ok ||
      cp > 0x10ffff ||
      (cp >= 0xd800 && cp <= 0xdfff) ||
      (need === 2 && cp < 0x800) ||
      (need === 3 && cp < 0x10000)
    ) {
      out += '\ufffd'
      i++
      continue
    }
    out += String.fromCodePoint(cp)
    i += need + 1
  }
  return out
}

/**
 * One escape or character of a quoted literal starting at `i` (Go's strconv.UnquoteChar).
 * Returns the character (or a byte for `\x`/octal escapes) and the index after it.
 */
function unquoteChar(
  s: string,
  i: number,
  quote: string,
): { ch: string; byte: number; next: number } {
  const c = s[i]!
  if (c === quote && (quote === "'" || quote === '"'))
    throw new LiteralSyntaxError('invalid syntax')
  if (c !== '\\') {
    const cp = s.codePointAt(i)!
    const ch = String.fromCodePoint(cp)
    return { ch, byte: -1, next: i + ch.length }
  }
  const e = s[i + 1]
  if (e === undefined) throw new LiteralSyntaxError('invalid syntax')
  if (e in SIMPLE_ESCAPES) return { ch: SIMPLE_ESCAPES[e]!, byte: -1, next: i + 2 }
  switch (e) {
    case 'x': {
      const v = hexValue(s.slice(i + 2, i + 4))
      if (Number.isNaN(v) || s.slice(i + 2, i + 4).length < 2)
        throw new LiteralSyntaxError('invalid syntax')
      return { ch: '', byte: v, next: i + 4 }
    }
    case 'u':
    case 'U': {
      const n = e === 'u' ? 4 : 8
      const digits = s.slice(i + 2, i + 2 + n)
      const v = hexValue(digits)
      if (digits.length < n || Number.isNaN(v) || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
        throw new LiteralSyntaxError('invalid syntax')
      }
      return { ch: String.fromCodePoint(v), byte: -1, next: i + 2 + n }
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      const digits = s.slice(i + 1, i + 4)
      if (!/^[0-7]{3}$/.test(digits)) throw new LiteralSyntaxError('invalid syntax')
      const v = parseInt(digits, 8)
      if (v > 255) throw new LiteralSyntaxError('invalid syntax')
      return { ch: '', byte: v, next: i + 4 }
    }
    case "'":
    case '"':
      if (e !== quote) throw new LiteralSyntaxError('invalid syntax')
      return { ch: e, byte: -1, next: i + 2 }
  }
  throw new LiteralSyntaxError('invalid syntax')
}

/** Go's strconv.Unquote of a `"…"` or `` `…` `` literal (raw strings lose their `\r`s). */
export function unquoteString(quoted: string): string {
  const q = quoted[0]
  if (quoted.length < 2 || quoted[quoted.length - 1] !== q)
    throw new LiteralSyntaxError('invalid syntax')
  const body = quoted.slice(1, -1)
  if (q === '`') return body.includes('\r') ? body.replaceAll('\r', '') : body
  if (q !== '"') throw new LiteralSyntaxError('invalid syntax')
  if (!body.includes('\\')) return body
  let out = ''
  let bytes: number[] = []
  for (let i = 0; i < body.length;) {
    const r = unquoteChar(body, i, '"')
    if (r.byte >= 0) bytes.push(r.byte)
    else {
      if (bytes.length > 0) {
        out += decodeUtf8(bytes)
        bytes = []
      }
      out += r.ch
    }
    i = r.next
  }
  if (bytes.length > 0) out += decodeUtf8(bytes)
  return out
}

/** The code point of a `'…'` character literal. */
export function unquoteRune(quoted: string): number {
  if (quoted.length < 3 || quoted[0] !== "'") throw new LiteralSyntaxError('invalid syntax')
  const r = unquoteChar(quoted, 1, "'")
  if (quoted.slice(r.next) !== "'")
    throw new LiteralSyntaxError(`malformed character constant: ${quoted}`)
  return r.byte >= 0 ? r.byte : r.ch.codePointAt(0)!
}

const MAX_INT64 = (1n << 63n) - 1n
const MIN_INT64 = -(1n << 63n)
const MAX_UINT64 = (1n << 64n) - 1n

/** strconv.ParseInt(s, 0, 64)-like: the integer, or null when `s` is no valid integer. */
function parseGoInt(text: string): bigint | null {
  let s = text
  let neg = false
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-'
    s = s.slice(1)
  }
  let base = 10
  let digits = s
  if (/^0[xX]/.test(s)) {
    base = 16
    digits = s.slice(2)
  } else if (/^0[oO]/.test(s)) {
    base = 8
    digits = s.slice(2)
  } else if (/^0[bB]/.test(s)) {
    base = 2
    digits = s.slice(2)
  } else if (s.length > 1 && s[0] === '0') {
    base = 8
    digits = s.slice(1)
  }
  if (digits.includes('_')) {
    // Underscores only between digits (or right after a base prefix).
    if (/__|_$/.test(digits) || (base === 10 && digits.startsWith('_'))) return null
    digits = digits.replaceAll('_', '')
  }
  if (digits.length === 0) return null
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[
    base as 2 | 8 | 10 | 16
  ]
  if (!valid.test(digits)) return null
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : ''
  const v = BigInt(prefix + digits)
  return neg ? -v : v
}

/** strconv.ParseFloat(s, 64)-like, Go syntax (underscores, hex floats); null when invalid. */
function parseGoFloat(text: string): number | null {
  let s = text.replaceAll('_', '')
  let sign = 1
  if (s[0] === '+' || s[0] === '-') {
    sign = s[0] === '-' ? -1 : 1
    s = s.slice(1)
  }
  const hex = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/.exec(s)
  if (hex) {
    const intPart = hex[1] ?? ''
    const frac = hex[2] ?? ''
    if (intPart + frac === '' || hex[3] === undefined) return null
    let m = 0
    for (const d of intPart + frac) m = m * 16 + parseInt(d, 16)
    return sign * m * Math.pow(2, Number(hex[3]) - 4 * frac.length)
  }
  if (!/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
    if (/^(inf|infinity)$/i.test(s)) return sign * Infinity
    if (/^nan$/i.test(s)) return NaN
    return null
  }
  return sign * Number(s)
}

/** A template number constant typed as Go's exec types it. */
export interface NumberConstant {
  value: bigint | number
  /** True when the constant fits no int64 (Go: "NUMBER overflows int" at execution). */
  overflow: boolean
}

/** Types a number token as text/template does: `3` and `0x1F` are int, `3.0` and `1e3` float64. */
export function parseNumber(text: string): NumberConstant {
  if (text.endsWith('i'))
    throw new LiteralSyntaxError(`complex constants are not supported: ${text}`)
  const big = parseGoInt(text)
  let isInt = big !== null && big >= MIN_INT64 && big <= MAX_INT64
  const isUint = big !== null && big >= 0n && big <= MAX_UINT64
  let float: number | null = null
  if (big !== null && (isInt || isUint)) {
    float = Number(big)
  } else {
    float = parseGoFloat(text)
    if (float !== null) {
      if (!/[.eEpP]/.test(text))
        throw new LiteralSyntaxError(`integer overflow: ${JSON.stringify(text)}`)
    }
  }
  if (float === null && !isInt && !isUint) {
    throw new LiteralSyntaxError(`illegal number syntax: ${JSON.stringify(text)}`)
  }
  const isHexInt =
    text.length > 2 && text[0] === '0' && (text[1] === 'x' || text[1] === 'X') && !/[pP]/.test(text)
  if (float !== null && !isHexInt && /[.eEpP]/.test(text)) return { value: float, overflow: false }
  if (!isInt && float !== null && Number.isInteger(float) && Math.abs(float) < 2 ** 63) {
    isInt = true
    return { value: BigInt(float), overflow: false }
  }
  if (isInt) return { value: big!, overflow: false }
  return { value: 0n, overflow: true }
}
