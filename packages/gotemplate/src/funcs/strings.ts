/** Sprig's string functions (strings.go and goutils), byte-based where Go is. */
import type { FuncMap } from '../func.ts'
import { formatValue, quoteGo, sprintf } from '../fmt.ts'
import { withGoType } from './fmt-type.ts'
import { fn } from './args.ts'
import { strslice, strval } from './convert.ts'
import { FuncError } from './errors.ts'
import { checkStringLength, funcLimits } from './limits.ts'
import {
  compareBytes,
  goLen,
  goSplit,
  isDigit,
  isLetter,
  isLower,
  isSpace,
  isUpper,
  sliceBytes,
  toLower,
  toLowerRune,
  toTitleRune,
  toUpper,
  toUpperRune,
  trimSpace,
} from './text.ts'

function repeat(s: string, count: number): string {
  if (count < 0) throw new FuncError('strings: negative Repeat count')
  if (s.length * count > funcLimits.maxStringLength)
    throw new FuncError(
      `string of ${s.length * count} characters exceeds the limit of ${funcLimits.maxStringLength}`,
      'FUNC_LIMIT',
    )
  return s.repeat(count)
}

function sliceOutOfRange(start: number, end: number, len: number): never {
  throw new FuncError(
    `runtime error: slice bounds out of range [${start}:${end}] with length ${len}`,
  )
}

/** Sprig's trunc: keeps the first c bytes, or the last -c bytes when c is negative. */
export function trunc(c: number, s: string): string {
  const len = goLen(s)
  if (c < 0 && len + c > 0) return sliceBytes(s, len + c)
  if (c >= 0 && len > c) return sliceBytes(s, 0, c)
  return s
}

function substr(start: number, end: number, s: string): string {
  const len = goLen(s)
  if (start < 0) {
    if (end < 0 || end > len) sliceOutOfRange(0, end, len)
    return sliceBytes(s, 0, end)
  }
  if (end < 0 || end > len) {
    if (start > len) sliceOutOfRange(start, len, len)
    return sliceBytes(s, start)
  }
  if (start > end) sliceOutOfRange(start, end, len)
  return sliceBytes(s, start, end)
}

function abbreviateFull(str: string, offset: number, maxWidth: number): string {
  if (str === '') return ''
  if (maxWidth < 4) return ''
  const len = goLen(str)
  if (len <= maxWidth) return str
  if (offset > len) offset = len
  if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3)
  if (offset <= 4) return sliceBytes(str, 0, maxWidth - 3) + '...'
  if (maxWidth < 7) return ''
  if (offset + maxWidth - 3 < len)
    return '...' + abbreviateFull(sliceBytes(str, offset), 0, maxWidth - 3)
  return '...' + sliceBytes(str, len - (maxWidth - 3))
}

function isTitleSeparator(ch: string): boolean {
  const r = ch.codePointAt(0)!
  if (r <= 0x7f) return !/[0-9A-Za-z_]/.test(ch)
  if (isLetter(ch) || isDigit(ch)) return false
  return isSpace(ch)
}

/** Go's strings.Title: upper-cases the first letter of every word. */
export function title(s: string): string {
  let prev = ' '
  let out = ''
  for (const ch of s) {
    out += isTitleSeparator(prev) ? toTitleRune(ch) : ch
    prev = ch
  }
  return out
}

function untitle(s: string): string {
  let next = true
  let out = ''
  for (const ch of s) {
    if (isSpace(ch)) {
      next = true
      out += ch
    } else if (next) {
      out += toLowerRune(ch)
      next = false
    } else out += ch
  }
  return out
}

function initials(s: string): string {
  let out = ''
  let gap = true
  for (const ch of s) {
    if (isSpace(ch)) gap = true
    else if (gap) {
      out += ch
      gap = false
    }
  }
  return out
}

function swapcase(s: string): string {
  let out = ''
  for (const ch of s) {
    if (isUpper(ch) || /^\p{Lt}$/u.test(ch)) out += toLowerRune(ch)
    else if (isLower(ch)) out += toUpperRune(ch)
    else out += ch
  }
  return out
}

/** goutils.WrapCustom (byte offsets; Slipway indexes UTF-16 units, equal for ASCII). */
function wrapCustom(
  str: string,
  wrapLength: number,
  newLine: string,
  wrapLongWords: boolean,
): string {
  if (str === '') return ''
  if (newLine === '') newLine = '\n'
  if (wrapLength < 1) wrapLength = 1
  const len = str.length
  let offset = 0
  let out = ''
  while (len - offset > wrapLength) {
    if (str[offset] === ' ') {
      offset++
      continue
    }
    const end = wrapLength + offset + 1
    const space = str.slice(offset, end).lastIndexOf(' ') + offset
    if (space >= offset) {
      out += str.slice(offset, space) + newLine
      offset = space + 1
    } else if (wrapLongWords) {
      out += str.slice(offset, wrapLength + offset) + newLine
      offset += wrapLength
    } else {
      const e = wrapLength + offset
      const index = str.slice(e).indexOf(' ')
      if (index === -1) {
        out += str.slice(offset)
        offset = len
      } else {
        out += str.slice(offset, index + e) + newLine
        offset = index + e + 1
      }
    }
  }
  return out + str.slice(offset)
}

function trimCutset(s: string, cutset: string, left: boolean, right: boolean): string {
  const set = new Set(Array.from(cutset))
  const chars = Array.from(s)
  let i = 0
  let j = chars.length
  if (left) while (i < j && set.has(chars[i]!)) i++
  if (right) while (j > i && set.has(chars[j - 1]!)) j--
  return chars.slice(i, j).join('')
}

function indent(spaces: number, v: string): string {
  let lines = 1
  for (let i = v.indexOf('\n'); i >= 0; i = v.indexOf('\n', i + 1)) lines++
  checkStringLength(v.length + Math.max(spaces, 0) * lines, 'indent')
  const pad = repeat(' ', spaces)
  return pad + v.replaceAll('\n', '\n' + pad)
}

function splitMap(parts: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  parts.forEach((p, i) => (out['_' + i] = p))
  return withGoType(out, 'map[string]string')
}

/** Go's strings.Replace(s, old, new, -1): an empty `old` matches between every character. */
function replaceAll(old: string, repl: string, src: string): string {
  if (old === '') checkStringLength(src.length + (src.length + 1) * repl.length, 'replace')
  if (old === '') return repl + Array.from(src).join(repl) + (src === '' ? '' : repl)
  return src.split(old).join(repl)
}

const N = (v: bigint) => Number(v)
const notNil = (v: unknown) => v !== null && v !== undefined

/** String functions: trim, case, quote, indent, split/join, trunc/substr, wrap... */
export const stringFuncs: FuncMap = {
  trunc: fn(['int', 'string'], (c: bigint, s: string) => trunc(N(c), s)),
  substr: fn(['int', 'int', 'string'], (a: bigint, b: bigint, s: string) => substr(N(a), N(b), s)),
  abbrev: fn(['int', 'string'], (w: bigint, s: string) =>
    w < 4n ? s : abbreviateFull(s, 0, N(w)),
  ),
  abbrevboth: fn(['int', 'int', 'string'], (l: bigint, r: bigint, s: string) =>
    r < 4n || (l > 0n && r < 7n) ? s : abbreviateFull(s, N(l), N(r)),
  ),
  trim: fn(['string'], trimSpace),
  trimAll: fn(['string', 'string'], (a: string, b: string) => trimCutset(b, a, true, true)),
  trimall: fn(['string', 'string'], (a: string, b: string) => trimCutset(b, a, true, true)),
  trimSuffix: fn(['string', 'string'], (a: string, b: string) =>
    a !== '' && b.endsWith(a) ? b.slice(0, b.length - a.length) : b,
  ),
  trimPrefix: fn(['string', 'string'], (a: string, b: string) =>
    a !== '' && b.startsWith(a) ? b.slice(a.length) : b,
  ),
  upper: fn(['string'], toUpper),
  lower: fn(['string'], toLower),
  title: fn(['string'], title),
  untitle: fn(['string'], untitle),
  repeat: fn(['int', 'string'], (c: bigint, s: string) => repeat(s, N(c))),
  nospace: fn(['string'], (s: string) =>
    Array.from(s)
      .filter((c) => !isSpace(c))
      .join(''),
  ),
  initials: fn(['string'], initials),
  swapcase: fn(['string'], swapcase),
  wrap: fn(['int', 'string'], (l: bigint, s: string) => wrapCustom(s, N(l), '', false)),
  wrapWith: fn(['int', 'string', 'string'], (l: bigint, sep: string, s: string) =>
    wrapCustom(s, N(l), sep, true),
  ),
  contains: fn(['string', 'string'], (sub: string, s: string) => s.includes(sub)),
  hasPrefix: fn(['string', 'string'], (p: string, s: string) => s.startsWith(p)),
  hasSuffix: fn(['string', 'string'], (p: string, s: string) => s.endsWith(p)),
  quote: fn(
    [],
    (...args: unknown[]) =>
      args
        .filter(notNil)
        .map((a) => quoteGo(strval(a)))
        .join(' '),
    'any',
  ),
  squote: fn(
    [],
    (...args: unknown[]) =>
      args
        .filter(notNil)
        .map((a) => `'${formatValue(a)}'`)
        .join(' '),
    'any',
  ),
  cat: fn(
    [],
    (...args: unknown[]) => {
      const v = args.filter(notNil)
      return sprintf(trimSpace('%v '.repeat(v.length)), ...v)
    },
    'any',
  ),
  indent: fn(['int', 'string'], (n: bigint, v: string) => indent(N(n), v)),
  nindent: fn(['int', 'string'], (n: bigint, v: string) => '\n' + indent(N(n), v)),
  replace: fn(['string', 'string', 'string'], replaceAll),
  plural: fn(['string', 'string', 'int'], (one: string, many: string, n: bigint) =>
    n === 1n ? one : many,
  ),
  split: fn(['string', 'string'], (sep: string, s: string) => splitMap(goSplit(s, sep))),
  splitList: fn(['string', 'string'], (sep: string, s: string) =>
    withGoType(goSplit(s, sep), '[]string'),
  ),
  splitn: fn(['string', 'int', 'string'], (sep: string, n: bigint, s: string) =>
    splitMap(goSplit(s, sep, N(n))),
  ),
  join: fn(['string', 'any'], (sep: string, v: unknown) => strslice(v).join(sep)),
  sortAlpha: fn(['any'], (v: unknown) =>
    withGoType(
      Array.isArray(v) || v instanceof Uint8Array ? strslice(v).sort(compareBytes) : [strval(v)],
      '[]string',
    ),
  ),
}
