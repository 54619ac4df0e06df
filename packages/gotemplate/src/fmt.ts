/**
 * Go's fmt and strconv.FormatFloat for the value model of value.ts: what `print`, `printf`,
 * `println`, `{{ .x }}`, `quote` and `toString` print.
 *
 * Floats are formatted from their exact binary value (BigInt) with round-half-even, as Go
 * does; JS's toFixed/toExponential round ties away from zero and disagree (`%.0f` of 2.5 is
 * `2` in Go).
 */
import { decodeUtf8, encodeUtf8 } from './funcs/utf8.ts'
import { GoStruct, isGoMap } from './value.ts'

/** Go's name for the dynamic type of a value, as `%T` and `typeOf` print it. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  switch (typeof v) {
    case 'boolean':
      return 'bool'
    case 'string':
      return 'string'
    case 'bigint':
      return 'int'
    case 'number':
      return 'float64'
    case 'function':
      return 'func(...interface {}) (interface {}, error)'
    case 'object':
      if (v instanceof Uint8Array) return '[]uint8'
      if (Array.isArray(v)) return '[]interface {}'
      if (v instanceof GoStruct) return v.goType
      return 'map[string]interface {}'
    default:
      return '<nil>'
  }
}

// ---------------------------------------------------------------------------------------------
// strconv.FormatFloat

/** Decimal digits `0.d1d2d3… × 10^dp` (Go's strconv decimal); no digits means zero. */
interface Decimal {
  digits: string
  dp: number
}

function shortestDecimal(f: number): Decimal {
  if (f === 0) return { digits: '', dp: 0 }
  // toExponential() without an argument yields the shortest round-trip digits, like Go's Ryu.
  const s = Math.abs(f).toExponential()
  const e = s.indexOf('e')
  const digits = s.slice(0, e).replace('.', '')
  return { digits, dp: Number(s.slice(e + 1)) + 1 }
}

const view = new DataView(new ArrayBuffer(8))

function exactDecimal(f: number): Decimal {
  if (f === 0) return { digits: '', dp: 0 }
  view.setFloat64(0, Math.abs(f))
  const hi = view.getUint32(0)
  const lo = view.getUint32(4)
  const biased = (hi >>> 20) & 0x7ff
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo)
  let exp: number
  if (biased === 0) exp = -1074
  else {
    mant |= 1n << 52n
    exp = biased - 1075
  }
  let digits: string
  let dp: number
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString()
    dp = digits.length
  } else {
    digits = (mant * 5n ** BigInt(-exp)).toString()
    dp = digits.length + exp
  }
  return { digits: digits.replace(/0+$/, ''), dp }
}

/** Rounds to `nd` significant digits, ties to even (the exact value is known). */
function roundDecimal(d: Decimal, nd: number): Decimal {
  if (nd >= d.digits.length) return d
  if (nd < 0) return { digits: '', dp: 0 }
  const next = d.digits.charCodeAt(nd) - 48
  let up: boolean
  if (next > 5) up = true
  else if (next < 5) up = false
  else if (nd + 1 < d.digits.length) up = true // digits are trimmed, so anything after is > 0
  else up = nd > 0 && (d.digits.charCodeAt(nd - 1) - 48) % 2 === 1
  let head = d.digits.slice(0, nd)
  if (!up) return { digits: head.replace(/0+$/, ''), dp: head.length === 0 ? 0 : d.dp }
  let i = head.length - 1
  while (i >= 0 && head[i] === '9') i--
  if (i < 0) return { digits: '1', dp: d.dp + 1 }
  head = head.slice(0, i) + String.fromCharCode(head.charCodeAt(i) + 1)
  return { digits: head, dp: d.dp }
}

function digitAt(d: Decimal, i: number): string {
  return i >= 0 && i < d.digits.length ? d.digits[i]! : '0'
}

function fmtE(neg: boolean, d: Decimal, prec: number, e: string): string {
  let s = neg ? '-' : ''
  s += digitAt(d, 0)
  if (prec > 0) {
    s += '.'
    for (let i = 1; i <= prec; i++) s += digitAt(d, i)
  }
  const exp = d.digits.length === 0 ? 0 : d.dp - 1
  const abs = Math.abs(exp)
  return `${s}${e}${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`
}

function fmtF(neg: boolean, d: Decimal, prec: number): string {
  let s = neg ? '-' : ''
  if (d.dp > 0) for (let i = 0; i < d.dp; i++) s += digitAt(d, i)
  else s += '0'
  if (prec > 0) {
    s += '.'
    for (let i = 1; i <= prec; i++) s += digitAt(d, d.dp + i - 1)
  }
  return s
}

function floatBits(f: number): { neg: boolean; mant: bigint; exp: number } {
  view.setFloat64(0, f)
  const hi = view.getUint32(0)
  const lo = view.getUint32(4)
  const biased = (hi >>> 20) & 0x7ff
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo)
  let exp = biased - 1075
  if (biased === 0) exp = -1074
  else mant |= 1n << 52n
  return { neg: hi >>> 31 === 1, mant, exp }
}

/** `%b`: decimal mantissa and binary exponent, `4503599627370496p-52`. */
function formatFloatB(f: number): string {
  const { neg, mant, exp } = floatBits(f)
  return `${neg ? '-' : ''}${mant}p${exp >= 0 ? '+' : ''}${exp}`
}

/** `%x`: hexadecimal mantissa and binary exponent, `0x1.cp+01`, shortest digits. */
function formatFloatX(f: number, upper: boolean): string {
  let { neg, mant, exp } = floatBits(f)
  let s: string
  if (mant === 0n) s = '0x0p+00'
  else {
    // normalise so the leading 1 sits at bit 52
    while (mant < 1n << 52n) {
      mant <<= 1n
      exp--
    }
    exp += 52
    const frac = (mant & ((1n << 52n) - 1n)).toString(16).padStart(13, '0').replace(/0+$/, '')
    const e = Math.abs(exp)
    s = `0x1${frac ? '.' + frac : ''}p${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`
  }
  if (upper) s = s.toUpperCase()
  return (neg ? '-' : '') + s
}

/**
 * Go's `strconv.FormatFloat(f, fmt, prec, 64)`. `prec` -1 means the fewest digits that
 * round-trip; `'g'` then switches to exponent form iff the exponent is < -4 or >= 6 when
 * shortest (`1e+06`, `123456`, `1e-05`), else when >= prec.
 */
export function formatFloat(f: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G' | 'b' | 'x' | 'X', prec: number): string {
  if (Number.isNaN(f)) return 'NaN'
  if (f === Infinity) return '+Inf'
  if (f === -Infinity) return '-Inf'
  if (fmt === 'b') return formatFloatB(f)
  if (fmt === 'x' || fmt === 'X') return formatFloatX(f, fmt === 'X')
  const neg = f < 0 || Object.is(f, -0)
  const shortest = prec < 0
  let d: Decimal
  if (shortest) {
    d = shortestDecimal(f)
  } else {
    const exact = exactDecimal(f)
    switch (fmt) {
      case 'e':
      case 'E':
        d = roundDecimal(exact, prec + 1)
        break
      case 'f':
        d = roundDecimal(exact, exact.dp + prec)
        break
      default:
        if (prec === 0) prec = 1
        d = roundDecimal(exact, prec)
    }
  }
  const nd = d.digits.length
  switch (fmt) {
    case 'e':
    case 'E':
      return fmtE(neg, d, shortest ? Math.max(nd - 1, 0) : prec, fmt)
    case 'f':
      return fmtF(neg, d, shortest ? Math.max(nd - d.dp, 0) : prec)
    default: {
      let p = shortest ? nd : prec
      let eprec = p
      if (eprec > nd && nd >= d.dp) eprec = nd
      if (shortest) eprec = 6
      const exp = d.dp - 1
      if (nd === 0 || !(exp < -4 || exp >= eprec)) {
        if (p > d.dp) p = nd
        return fmtF(neg, d, Math.max(p - d.dp, 0))
      }
      if (p > nd) p = nd
      return fmtE(neg, d, Math.max(p - 1, 0), fmt === 'G' ? 'E' : 'e')
    }
  }
}

// ---------------------------------------------------------------------------------------------
// strconv.Quote

const printable = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0')
}

const plainAscii = /^[\x20\x21\x23-\x26\x28-\x5b\x5d-\x7e]*$/
const asciiControl = /[\x00-\x1f"'\\\x7f]/g

/** Go's strconv.Quote (`asciiOnly`: QuoteToASCII): a double-quoted Go string literal. */
export function quoteGo(s: string, asciiOnly = false, quote = '"'): string {
  if (plainAscii.test(s)) return quote + s + quote
  if (/^[\x00-\x7f]*$/.test(s)) return quote + s.replace(asciiControl, (c) => (c === quote || (c !== '"' && c !== "'") ? quoteGoSlow(c, quote) : c)) + quote
  return quoteGoSlow(s, quote, asciiOnly, true)
}

function quoteGoSlow(s: string, quote: string, asciiOnly = false, wrap = false): string {
  let out = wrap ? quote : ''
  for (const ch of s) {
    const r = ch.codePointAt(0)!
    if (ch === quote || ch === '\\') {
      out += '\\' + ch
      continue
    }
    const surrogate = r >= 0xd800 && r <= 0xdfff
    if ((r < 0x80 || !asciiOnly) && !surrogate && printable.test(ch)) {
      out += ch
      continue
    }
    switch (ch) {
      case '\x07':
        out += '\\a'
        continue
      case '\b':
        out += '\\b'
        continue
      case '\f':
        out += '\\f'
        continue
      case '\n':
        out += '\\n'
        continue
      case '\r':
        out += '\\r'
        continue
      case '\t':
        out += '\\t'
        continue
      case '\v':
        out += '\\v'
        continue
    }
    if (r < 0x20 || r === 0x7f) out += '\\x' + hex(r, 2)
    else if (surrogate) out += '\\ufffd' // a lone surrogate stands for invalid UTF-8
    else if (r < 0x10000) out += '\\u' + hex(r, 4)
    else out += '\\U' + hex(r, 8)
  }
  return wrap ? out + quote : out
}

function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0)!
    if (ch === '`' || ch === '\ufeff') return false
    if (r < 0x20 && ch !== '\t') return false
    if (r === 0x7f) return false
  }
  return true
}

// ---------------------------------------------------------------------------------------------
// The printer


function runeCount(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

interface Flags {
  plus: boolean
  minus: boolean
  sharp: boolean
  space: boolean
  zero: boolean
  plusV: boolean
  sharpV: boolean
  wid: number
  widPresent: boolean
  prec: number
  precPresent: boolean
}

function newFlags(): Flags {
  return {
    plus: false,
    minus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    sharpV: false,
    wid: 0,
    widPresent: false,
    prec: 0,
    precPresent: false,
  }
}

/** A Go value that implements fmt.Stringer / error: a GoStruct with a String or Error method. */
function stringerOf(v: unknown): string | undefined {
  if (!(v instanceof GoStruct)) return undefined
  const o = v as unknown as { Error?: unknown; String?: unknown }
  if (typeof o.Error === 'function') return String((o.Error as () => unknown).call(v))
  if (typeof o.String === 'function') return String((o.String as () => unknown).call(v))
  return undefined
}

/** Compares strings by UTF-8 bytes, as Go sorts map keys. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!
    const y = b.codePointAt(i)!
    if (x !== y) return x < y ? -1 : 1
    if (x > 0xffff) i++
  }
  return a.length < b.length ? -1 : 1
}

function structFields(v: GoStruct): [string, unknown][] {
  return Object.entries(v).filter(([k, x]) => k !== 'goType' && typeof x !== 'function')
}

class Printer {
  buf = ''
  f: Flags = newFlags()
  erroring = false

  writePadding(n: number): void {
    if (n <= 0) return
    const pad = this.f.zero && !this.f.minus ? '0' : ' '
    this.buf += pad.repeat(n)
  }

  pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.buf += s
      return
    }
    const width = this.f.wid - runeCount(s)
    if (!this.f.minus) {
      this.writePadding(width)
      this.buf += s
    } else {
      this.buf += s
      this.writePadding(width)
    }
  }

  truncate(s: string): string {
    if (this.f.precPresent) {
      let n = this.f.prec
      let i = 0
      for (const ch of s) {
        if (n-- <= 0) return s.slice(0, i)
        i += ch.length
      }
    }
    return s
  }

  badVerb(verb: string, arg: unknown): void {
    this.erroring = true
    this.buf += '%!' + verb + '('
    if (arg === null || arg === undefined) this.buf += '<nil>'
    else {
      this.buf += goTypeName(arg) + '='
      this.printArg(arg, 'v')
    }
    this.buf += ')'
    this.erroring = false
  }

  fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.pad(v ? 'true' : 'false')
    else this.badVerb(verb, v)
  }

  fmtInteger(v: bigint, base: number, verb: string, upper: boolean): void {
    const f = this.f
    const negative = v < 0n
    const u = negative ? -v : v
    let prec = 0
    if (f.precPresent) {
      prec = f.prec
      if (prec === 0 && u === 0n) {
        const oldZero = f.zero
        f.zero = false
        this.writePadding(f.wid)
        f.zero = oldZero
        return
      }
    } else if (f.zero && !f.minus && f.widPresent) {
      prec = f.wid
      if (negative || f.plus || f.space) prec--
    }
    let digits = u.toString(base)
    if (upper) digits = digits.toUpperCase()
    digits = digits.padStart(prec, '0')
    if (f.sharp) {
      if (base === 2) digits = '0b' + digits
      else if (base === 8 && digits[0] !== '0') digits = '0' + digits
      else if (base === 16) digits = (upper ? '0X' : '0x') + digits
    }
    if (verb === 'O') digits = '0o' + digits
    if (negative) digits = '-' + digits
    else if (f.plus) digits = '+' + digits
    else if (f.space) digits = ' ' + digits
    const oldZero = f.zero
    f.zero = false
    this.pad(digits)
    f.zero = oldZero
  }

  fmtRune(v: bigint, verb: string): void {
    const r = v < 0n || v > 0x10ffffn || (v >= 0xd800n && v <= 0xdfffn) ? 0xfffd : Number(v)
    const ch = String.fromCodePoint(r)
    if (verb === 'c') this.pad(ch)
    else if (verb === 'q') this.pad(this.f.sharp && ch !== "'" && canBackquote(ch) && printable.test(ch) ? `'${ch}'` : quoteGo(ch, this.f.plus, "'"))
    else {
      // %U prints the value as uint64, even when it is no valid rune
      const u = BigInt.asUintN(64, v)
      let s = 'U+' + u.toString(16).toUpperCase().padStart(4, '0')
      if (this.f.sharp && u <= 0x10ffffn && printable.test(ch)) s += ` '${ch}'`
      const oldZero = this.f.zero
      this.f.zero = false
      this.pad(s)
      this.f.zero = oldZero
    }
  }

  fmtInt(v: bigint, verb: string): void {
    switch (verb) {
      case 'v':
      case 'd':
        return this.fmtInteger(v, 10, verb, false)
      case 'b':
        return this.fmtInteger(v, 2, verb, false)
      case 'o':
      case 'O':
        return this.fmtInteger(v, 8, verb, false)
      case 'x':
        return this.fmtInteger(v, 16, verb, false)
      case 'X':
        return this.fmtInteger(v, 16, verb, true)
      case 'c':
      case 'q':
      case 'U':
        return this.fmtRune(v, verb)
      default:
        return this.badVerb(verb, v)
    }
  }

  fmtFloat(v: number, verb: string): void {
    let conv: 'e' | 'E' | 'f' | 'g' | 'G' | 'b' | 'x' | 'X'
    let prec: number
    switch (verb) {
      case 'b':
      case 'x':
      case 'X':
        conv = verb
        prec = -1
        break
      case 'v':
        conv = 'g'
        prec = -1
        break
      case 'g':
      case 'G':
        conv = verb
        prec = -1
        break
      case 'e':
      case 'E':
        conv = verb
        prec = 6
        break
      case 'f':
      case 'F':
        conv = 'f'
        prec = 6
        break
      default:
        return this.badVerb(verb, v)
    }
    const f = this.f
    if (f.precPresent) prec = f.prec
    let num = formatFloat(v, conv, prec)
    if (num[0] !== '-' && num[0] !== '+') num = '+' + num
    if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1)
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = f.zero
      f.zero = false
      if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1)
      this.pad(num)
      f.zero = oldZero
      return
    }
    if (f.plus || num[0] !== '+') {
      if (f.zero && !f.minus && f.widPresent && f.wid > num.length) {
        this.buf += num[0]
        this.writePadding(f.wid - num.length)
        this.buf += num.slice(1)
        return
      }
      this.pad(num)
      return
    }
    this.pad(num.slice(1))
  }

  fmtSx(bytes: Uint8Array, digits: string): void {
    const f = this.f
    let length = bytes.length
    if (f.precPresent && f.prec < length) length = f.prec
    let s = ''
    for (let i = 0; i < length; i++) {
      if (f.space && i > 0) s += ' '
      if (f.sharp && (f.space || i === 0)) s += digits === 'X' ? '0X' : '0x'
      const h = hex(bytes[i]!, 2)
      s += digits === 'X' ? h.toUpperCase() : h
    }
    this.pad(s)
  }

  fmtQ(s: string): void {
    s = this.truncate(s)
    if (this.f.sharp && canBackquote(s)) this.pad('`' + s + '`')
    else this.pad(quoteGo(s, this.f.plus))
  }

  fmtString(v: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) return this.fmtQ(v)
        return this.pad(this.truncate(v))
      case 's':
        return this.pad(this.truncate(v))
      case 'x':
      case 'X':
        return this.fmtSx(encodeUtf8(v), verb)
      case 'q':
        return this.fmtQ(v)
      default:
        return this.badVerb(verb, v)
    }
  }

  fmtBytes(v: Uint8Array, verb: string): void {
    switch (verb) {
      case 'v':
      case 'd': {
        if (this.f.sharpV) {
          this.buf += '[]byte{'
          v.forEach((b, i) => {
            if (i > 0) this.buf += ', '
            this.buf += '0x' + b.toString(16)
          })
          this.buf += '}'
          return
        }
        this.buf += '['
        v.forEach((b, i) => {
          if (i > 0) this.buf += ' '
          this.fmtInteger(BigInt(b), 10, verb, false)
        })
        this.buf += ']'
        return
      }
      case 's':
        return this.pad(this.truncate(decodeUtf8(v)))
      case 'x':
      case 'X':
        return this.fmtSx(v, verb)
      case 'q':
        return this.fmtQ(decodeUtf8(v))
      default:
        return this.printValue(Array.from(v, (b) => BigInt(b)), verb, 0)
    }
  }

  handleMethods(arg: unknown, verb: string): boolean {
    if (this.erroring) return false
    if (verb !== 'v' && verb !== 's' && verb !== 'x' && verb !== 'X' && verb !== 'q') return false
    if (this.f.sharpV) return false
    const s = stringerOf(arg)
    if (s === undefined) return false
    this.fmtString(s, verb)
    return true
  }

  printArg(arg: unknown, verb: string): void {
    if (arg === null || arg === undefined) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>')
      else this.badVerb(verb, arg)
      return
    }
    if (verb === 'T') return this.fmtString(goTypeName(arg), 's')
    switch (typeof arg) {
      case 'boolean':
        return this.fmtBool(arg, verb)
      case 'number':
        return this.fmtFloat(arg, verb)
      case 'bigint':
        return this.fmtInt(arg, verb)
      case 'string':
        return this.fmtString(arg, verb)
    }
    if (arg instanceof Uint8Array) return this.fmtBytes(arg, verb)
    if (this.handleMethods(arg, verb)) return
    this.printValue(arg, verb, 0)
  }

  printValue(v: unknown, verb: string, depth: number): void {
    if (depth > 0) {
      if (v === null || v === undefined) {
        this.buf += '<nil>'
        return
      }
      if (typeof v !== 'object' || v instanceof Uint8Array) return this.printArg(v, verb)
      if (this.handleMethods(v, verb)) return
    }
    if (Array.isArray(v)) {
      if (this.f.sharpV) {
        this.buf += '[]interface {}{'
        v.forEach((x, i) => {
          if (i > 0) this.buf += ', '
          this.printValue(x, verb, depth + 1)
        })
        this.buf += '}'
        return
      }
      this.buf += '['
      v.forEach((x, i) => {
        if (i > 0) this.buf += ' '
        this.printValue(x, verb, depth + 1)
      })
      this.buf += ']'
      return
    }
    if (v instanceof GoStruct) {
      this.buf += '{'
      structFields(v).forEach(([k, x], i) => {
        if (i > 0) this.buf += this.f.sharpV ? ', ' : ' '
        if (this.f.plusV || this.f.sharpV) this.buf += k + ':'
        this.printValue(x, verb, depth + 1)
      })
      this.buf += '}'
      return
    }
    if (isGoMap(v)) {
      const keys = Object.keys(v).sort(compareGoStrings)
      this.buf += this.f.sharpV ? 'map[string]interface {}{' : 'map['
      keys.forEach((k, i) => {
        if (i > 0) this.buf += this.f.sharpV ? ', ' : ' '
        this.printValue(k, verb, depth + 1)
        this.buf += ':'
        this.printValue(v[k], verb, depth + 1)
      })
      this.buf += this.f.sharpV ? '}' : ']'
      return
    }
    if (typeof v === 'function') {
      if (verb === 'v' || verb === 'p') this.buf += '0x0'
      else this.badVerb(verb, v)
      return
    }
    this.printArg(v, verb)
  }

  doPrintf(format: string, a: readonly unknown[]): void {
    const end = format.length
    let argNum = 0
    let afterIndex = false
    let reordered = false
    let i = 0

    // Go's argNumber: an optional [n] index before a verb, width or precision.
    const argNumber = (): boolean => {
      if (i >= end || format[i] !== '[') return false
      reordered = true
      const close = format.indexOf(']', i + 1)
      if (close < 0) {
        goodArgNum = false
        i = end
        return false
      }
      const text = format.slice(i + 1, close)
      const n = /^[0-9]+$/.test(text) ? Number(text) : NaN
      i = close + 1
      if (!(n >= 1) || n - 1 > a.length) {
        goodArgNum = false
        return true
      }
      argNum = n - 1
      return true
    }
    const intFromArg = (): [number, boolean] => {
      if (argNum >= a.length) return [0, false]
      const v = a[argNum++]
      if (typeof v !== 'bigint') return [0, false]
      if (v > 1000000n || v < -1000000n) return [0, false]
      return [Number(v), true]
    }
    const parseNum = (): [number, boolean] => {
      const start = i
      let n = 0
      while (i < end && format[i]! >= '0' && format[i]! <= '9') {
        if (n > 1e6) return [0, false]
        n = n * 10 + (format.charCodeAt(i) - 48)
        i++
      }
      return [n, i > start]
    }
    let goodArgNum = true

    while (i < end) {
      goodArgNum = true
      const lasti = i
      while (i < end && format[i] !== '%') i++
      if (i > lasti) this.buf += format.slice(lasti, i)
      if (i >= end) break
      i++
      this.f = newFlags()
      const f = this.f
      flags: for (; i < end; i++) {
        switch (format[i]) {
          case '#':
            f.sharp = true
            break
          case '0':
            f.zero = !f.minus
            break
          case '+':
            f.plus = true
            break
          case '-':
            f.minus = true
            f.zero = false
            break
          case ' ':
            f.space = true
            break
          default:
            break flags
        }
      }
      afterIndex = argNumber()
      if (i < end && format[i] === '*') {
        i++
        ;[f.wid, f.widPresent] = intFromArg()
        if (!f.widPresent) this.buf += '%!(BADWIDTH)'
        if (f.wid < 0) {
          f.wid = -f.wid
          f.minus = true
          f.zero = false
        }
        afterIndex = false
      } else {
        ;[f.wid, f.widPresent] = parseNum()
        if (afterIndex && f.widPresent) goodArgNum = false
      }
      if (i + 1 <= end && format[i] === '.') {
        i++
        if (afterIndex) goodArgNum = false
        afterIndex = argNumber()
        if (i < end && format[i] === '*') {
          i++
          ;[f.prec, f.precPresent] = intFromArg()
          if (f.prec < 0) {
            f.prec = 0
            f.precPresent = false
          }
          if (!f.precPresent) this.buf += '%!(BADPREC)'
          afterIndex = false
        } else {
          ;[f.prec, f.precPresent] = parseNum()
          if (!f.precPresent) {
            f.prec = 0
            f.precPresent = true
          }
        }
      }
      if (!afterIndex) afterIndex = argNumber()
      if (i >= end) {
        this.buf += '%!(NOVERB)'
        break
      }
      const verb = String.fromCodePoint(format.codePointAt(i)!)
      i += verb.length
      if (verb === '%') {
        this.buf += '%'
      } else if (!goodArgNum) {
        this.buf += `%!${verb}(BADINDEX)`
      } else if (argNum >= a.length) {
        this.buf += `%!${verb}(MISSING)`
      } else {
        if (verb === 'v') {
          f.sharpV = f.sharp
          f.sharp = false
          f.plusV = f.plus
          f.plus = false
        }
        this.printArg(a[argNum], verb)
        argNum++
      }
    }
    if (!reordered && argNum < a.length) {
      this.f = newFlags()
      this.buf += '%!(EXTRA '
      a.slice(argNum).forEach((arg, k) => {
        if (k > 0) this.buf += ', '
        if (arg === null || arg === undefined) this.buf += '<nil>'
        else {
          this.buf += goTypeName(arg) + '='
          this.printArg(arg, 'v')
        }
      })
      this.buf += ')'
    }
  }
}

/** Go's fmt.Sprintf. */
export function sprintf(format: string, ...args: unknown[]): string {
  const p = new Printer()
  p.doPrintf(format, args)
  return p.buf
}

/** Go's fmt.Sprint: operands are joined by a space only when neither side is a string. */
export function sprint(...args: unknown[]): string {
  const p = new Printer()
  let prevString = false
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string'
    if (i > 0 && !isString && !prevString) p.buf += ' '
    p.printArg(arg, 'v')
    prevString = isString
  })
  return p.buf
}

/** Go's fmt.Sprintln: operands always joined by spaces, newline appended. */
export function sprintln(...args: unknown[]): string {
  const p = new Printer()
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' '
    p.printArg(arg, 'v')
  })
  return p.buf + '\n'
}

/**
 * `%v` of one value, as `{{ x }}` prints it: floats as `strconv.FormatFloat(f, 'g', -1, 64)`,
 * maps as `map[a:1 b:2]` with sorted keys, nil as `<nil>`, a missing value as `<no value>`.
 */
export function formatValue(v: unknown): string {
  if (v === undefined) return '<no value>'
  const p = new Printer()
  p.printArg(v, 'v')
  return p.buf
}
