/** The state machine behind Go's fmt.Sprint/Sprintf for the value model of value.ts. */
import { formatFloat } from './fmt-float.ts'
import { canBackquote, hex, printable, quoteGo } from './fmt-quote.ts'
import { goTypeName } from './fmt-type.ts'
import { decodeUtf8, encodeUtf8 } from './utf8.ts'
import { GoStruct, isGoMap } from '../value.ts'

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

/** One fmt call's buffer and flags. */
export class Printer {
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
    else if (verb === 'q')
      this.pad(
        this.f.sharp && ch !== "'" && canBackquote(ch) && printable.test(ch)
          ? `'${ch}'`
          : quoteGo(ch, this.f.plus, "'"),
      )
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
        return this.printValue(
          Array.from(v, (b) => BigInt(b)),
          verb,
          0,
        )
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
      // A pointer to a struct prints as &{...} at the top, as its address inside a value.
      if (v.goType.startsWith('*')) {
        if (depth > 0) {
          this.buf += '0xc000010000'
          return
        }
        this.buf += '&'
      }
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
