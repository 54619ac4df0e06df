/**
 * Translates Go RE2 syntax into an equivalent JS RegExp (with the `u` flag), and rejects
 * what RE2 rejects (look-around, backreferences) with Go's message, so a chart that fails
 * in Helm fails here too.
 */
import { FuncError } from './errors.ts'
import { checkStringLength } from './limits.ts'

const posixClasses: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`\\{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
}

/** The complement of an ASCII class body (`A-Za-z`) as ranges over all code points. */
function complement(body: string): string {
  const ranges: [number, number][] = []
  const src = body
    .replace(/\\x([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(
      /\\([tnvfr])/g,
      (_m, c: string) => ({ t: '\t', n: '\n', v: '\v', f: '\f', r: '\r' })[c]!,
    )
    .replace(/\\(.)/g, '$1')
  for (let i = 0; i < src.length; i++) {
    const lo = src.charCodeAt(i)
    if (src[i + 1] === '-' && i + 2 < src.length) {
      ranges.push([lo, src.charCodeAt(i + 2)])
      i += 2
    } else ranges.push([lo, lo])
  }
  ranges.sort((a, b) => a[0] - b[0])
  const cp = (n: number) => `\\u{${n.toString(16)}}`
  let out = ''
  let next = 0
  for (const [lo, hi] of ranges) {
    if (lo > next) out += `${cp(next)}-${cp(lo - 1)}`
    next = Math.max(next, hi + 1)
  }
  return out + `${cp(next)}-${cp(0x10ffff)}`
}

const perlClass: Record<string, string> = {
  d: '0-9',
  s: '\\t\\n\\f\\r ',
  w: '0-9A-Za-z_',
}

// Characters that must be escaped to stand for themselves in a `u`-mode JS pattern.
const jsSyntax = new Set(Array.from('^$\\.*+?()[]{}|/'))
const classSyntax = new Set(Array.from('\\]-^['))

/** A compile failure with Go's regexp/syntax message. */
function syntaxError(msg: string, expr: string): FuncError {
  return new FuncError(`error parsing regexp: ${msg}: \`${expr}\``)
}

function literal(ch: string, inClass: boolean): string {
  if (inClass) return classSyntax.has(ch) ? '\\' + ch : ch
  return jsSyntax.has(ch) ? '\\' + ch : ch
}

function unicodeClass(name: string, negated: boolean): string {
  const n = name.startsWith('^') ? name.slice(1) : name
  const neg = negated !== name.startsWith('^')
  const prop = n.length <= 2 && /^[A-Z][a-z]?$/.test(n) ? n : n === 'Any' ? 'Any' : `Script=${n}`
  return `\\${neg ? 'P' : 'p'}{${prop}}`
}

function otherCases(ch: string): string[] {
  const out = new Set<string>()
  for (const v of [ch.toLowerCase(), ch.toUpperCase()])
    if (v !== ch && Array.from(v).length === 1) out.add(v)
  // Unicode folds beyond simple case mapping that Go's (?i) follows
  if (/[kK\u212a]/.test(ch)) ['k', 'K', '\u212a'].forEach((x) => out.add(x))
  if (/[sS\u017f]/.test(ch)) ['s', 'S', '\u017f'].forEach((x) => out.add(x))
  out.delete(ch)
  return [...out]
}

/** A literal character under a scoped (?i): every case of it. */
function foldChar(ch: string): string {
  const others = otherCases(ch)
  if (others.length === 0) return literal(ch, false)
  return '[' + [ch, ...others].map((x) => literal(x, true)).join('') + ']'
}

/** Extra class members for a scoped (?i): the other case of each letter and letter range. */
function foldClass(body: string): string {
  let extra = ''
  const chars = Array.from(body.replace(/^\^/, ''))
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k]!
    if (c === '\\') {
      k++
      continue
    }
    if (
      chars[k + 1] === '-' &&
      k + 2 < chars.length &&
      /[A-Za-z]/.test(c) &&
      /[A-Za-z]/.test(chars[k + 2]!)
    ) {
      const hi = chars[k + 2]!
      const swap = (x: string) => (x === x.toLowerCase() ? x.toUpperCase() : x.toLowerCase())
      extra += `${swap(c)}-${swap(hi)}`
      k += 2
      continue
    }
    for (const o of otherCases(c)) extra += literal(o, true)
  }
  return extra
}

/** The JS source and flags for an RE2 pattern. */
export function translateRe2(expr: string): { source: string; flags: string } {
  // RE2 flags are scoped to groups; JS has only pattern-wide ones. A pattern that is
  // case-insensitive throughout uses JS's `i`; anywhere else letters are expanded ([aA]).
  const globalI = /^\(\?[msU]*i[imsU]*\)/.test(expr) && !/\(\?[imsU]*-[msU]*i/.test(expr)
  const flags = globalI ? 'ui' : 'u'
  interface Scope {
    i: boolean
    s: boolean
    m: boolean
    U: boolean
  }
  let cur: Scope = { i: globalI, s: false, m: false, U: false }
  const stack: Scope[] = []
  const applyFlags = (set: string, into: Scope): Scope => {
    const neg = set.indexOf('-')
    const on = neg < 0 ? set : set.slice(0, neg)
    const off = neg < 0 ? '' : set.slice(neg + 1)
    const next = { ...into }
    for (const f of 'imsU') {
      if (on.includes(f)) next[f as keyof Scope] = true
      if (off.includes(f)) next[f as keyof Scope] = false
    }
    return next
  }
  const foldI = () => cur.i && !globalI
  // (?U) swaps greedy and lazy: a trailing ? makes a quantifier greedy again
  const ungreedy = (): string => {
    if (!cur.U) return ''
    if (expr[i] === '?') {
      i++
      return ''
    }
    return '?'
  }
  let i = 0
  let out = ''
  let inClass = false
  let classStart = false
  let classFrom = 0
  const n = expr.length

  const readEscape = (inCls: boolean): string => {
    // expr[i] is the character after the backslash
    const c = expr[i]
    if (c === undefined) throw syntaxError('trailing backslash at end of expression', '')
    i++
    switch (c) {
      case 'd':
      case 's':
      case 'w':
        return inCls ? perlClass[c]! : `[${perlClass[c]}]`
      case 'D':
      case 'S':
      case 'W':
        if (inCls)
          return c === 'D'
            ? '\\D'
            : c === 'W'
              ? '\\W'
              : '\\x00-\\x08\\x0B\\x0E-\\x1F\\x21-\\u{10FFFF}'
        return `[^${perlClass[c.toLowerCase()]}]`
      case 'b':
      case 'B':
        if (inCls) throw syntaxError('invalid escape sequence', '\\' + c)
        return '\\' + c
      case 'A':
        return '(?<![\\s\\S])'
      case 'z':
        return '(?![\\s\\S])'
      case 'a':
        return '\\x07'
      case 'f':
      case 'n':
      case 'r':
      case 't':
      case 'v':
        return '\\' + c
      case 'x': {
        if (expr[i] === '{') {
          const close = expr.indexOf('}', i)
          if (close < 0) throw syntaxError('invalid escape sequence', '\\x{')
          const hex = expr.slice(i + 1, close)
          i = close + 1
          if (!/^[0-9A-Fa-f]+$/.test(hex) || parseInt(hex, 16) > 0x10ffff)
            throw syntaxError('invalid escape sequence', `\\x{${hex}}`)
          return `\\u{${hex}}`
        }
        const hex = expr.slice(i, i + 2)
        if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw syntaxError('invalid escape sequence', '\\x' + hex)
        i += 2
        return '\\x' + hex
      }
      case 'p':
      case 'P': {
        let name: string
        if (expr[i] === '{') {
          const close = expr.indexOf('}', i)
          if (close < 0) throw syntaxError('invalid character class range', '\\' + c + '{')
          name = expr.slice(i + 1, close)
          i = close + 1
        } else {
          name = expr[i] ?? ''
          i++
        }
        return unicodeClass(name, c === 'P')
      }
      case 'Q': {
        const end = expr.indexOf('\\E', i)
        const lit = end < 0 ? expr.slice(i) : expr.slice(i, end)
        i = end < 0 ? n : end + 2
        return Array.from(lit, (ch) => literal(ch, inCls)).join('')
      }
      case '0': {
        const m = /^[0-7]{0,2}/.exec(expr.slice(i))![0]
        i += m.length
        return `\\u{${parseInt('0' + m, 8).toString(16)}}`
      }
      default:
        if (/[1-9]/.test(c)) {
          const m = /^[0-7]{0,2}/.exec(expr.slice(i))![0]
          if (c <= '7' && m.length > 0) {
            i += m.length
            return `\\u{${parseInt(c + m, 8).toString(16)}}`
          }
          throw syntaxError('invalid escape sequence', '\\' + c)
        }
        if (/[A-Za-z0-9]/.test(c)) throw syntaxError('invalid escape sequence', '\\' + c)
        return literal(c, inCls)
    }
  }

  while (i < n) {
    const c = expr[i]!
    if (inClass) {
      if (c === ']' && !classStart) {
        if (foldI()) out += foldClass(expr.slice(classFrom, i))
        out += ']'
        inClass = false
        i++
        continue
      }
      classStart = false
      if (c === '[' && expr[i + 1] === ':') {
        const close = expr.indexOf(':]', i + 2)
        if (close > 0) {
          let name = expr.slice(i + 2, close)
          const neg = name.startsWith('^')
          if (neg) name = name.slice(1)
          const cls = posixClasses[name]
          if (cls === undefined)
            throw syntaxError('invalid character class range', expr.slice(i, close + 2))
          out += neg ? complement(cls) : cls
          i = close + 2
          continue
        }
      }
      i++
      if (c === '\\') out += readEscape(true)
      else out += c === '[' ? '\\[' : c
      continue
    }
    i++
    switch (c) {
      case '\\':
        out += readEscape(false)
        break
      case '[':
        out += '['
        inClass = true
        classStart = true
        classFrom = i
        if (expr[i] === '^') {
          out += '^'
          i++
        }
        if (expr[i] === ']') {
          out += '\\]'
          i++
          classStart = false
        }
        break
      case '.':
        out += cur.s ? '[\\s\\S]' : '[^\\n]'
        break
      case '^':
        out += cur.m ? '(?<![^\\n])' : '(?<![\\s\\S])'
        break
      case '$':
        out += cur.m ? '(?![^\\n])' : '(?![\\s\\S])'
        break
      case '(': {
        stack.push(cur)
        if (expr[i] !== '?') {
          out += '('
          break
        }
        const rest = expr.slice(i + 1)
        let m: RegExpExecArray | null
        if ((m = /^P?<([A-Za-z0-9_]+)>/.exec(rest))) {
          out += `(?<${m[1]}>`
          i += 1 + m[0].length
        } else if ((m = /^([imsU-]*)\)/.exec(rest))) {
          // (?flags): for the rest of the enclosing group
          stack.pop()
          cur = applyFlags(m[1]!, cur)
          i += 1 + m[0].length
        } else if ((m = /^([imsU-]*):/.exec(rest))) {
          cur = applyFlags(m[1]!, cur)
          out += '(?:'
          i += 1 + m[0].length
        } else {
          const bad = expr.slice(i - 1, i + 3).replace(/^(\(\?[^A-Za-z]?).*$/, '$1')
          throw syntaxError('invalid or unsupported Perl syntax', bad)
        }
        break
      }
      case ')':
        if (stack.length === 0) throw syntaxError('unexpected )', expr)
        cur = stack.pop()!
        out += ')'
        break
      case '{': {
        const m = /^(\d+)(,(\d*))?\}/.exec(expr.slice(i))
        if (m === null) {
          out += '\\{'
          break
        }
        const lo = Number(m[1])
        const hi = m[3] ? Number(m[3]) : lo
        if (lo > 1000 || hi > 1000 || (m[3] && hi < lo))
          throw syntaxError('invalid repeat count', '{' + m[0])
        if (out === '' || /\|$|\($/.test(out))
          throw syntaxError('missing argument to repetition operator', '{' + m[0])
        out += '{' + m[0]
        i += m[0].length
        out += ungreedy()
        break
      }
      case '}':
        out += '\\}'
        break
      case ']':
        out += '\\]'
        break
      case '*':
      case '+':
      case '?':
        if (out === '' || /(^|[^\\])[|(]$/.test(out))
          throw syntaxError('missing argument to repetition operator', c)
        out += c + ungreedy()
        break
      case '/':
        out += '\\/'
        break
      default:
        out += foldI() ? foldChar(c) : c
    }
  }
  if (inClass) throw syntaxError('missing closing ]', expr)
  return { source: out, flags }
}

const cache = new Map<string, RegExp>()

/** A global RegExp for an RE2 pattern (cached); throws Go's parse error. */
export function compileRe2(expr: string): RegExp {
  let re = cache.get(expr)
  if (re === undefined) {
    const { source, flags } = translateRe2(expr)
    try {
      re = new RegExp(source, flags + 'g')
    } catch (e) {
      throw syntaxError((e as Error).message, expr)
    }
    if (cache.size > 500) cache.clear()
    cache.set(expr, re)
  }
  re.lastIndex = 0
  return re
}

function execAt(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos
  return re.exec(s)
}

function runeWidth(s: string, pos: number): number {
  const c = s.codePointAt(pos)
  return c !== undefined && c > 0xffff ? 2 : 1
}

/** Go's FindAll: up to n matches (n < 0: all), skipping empty matches that abut the previous one. */
export function findAll(re: RegExp, s: string, n: number): RegExpExecArray[] {
  if (n < 0) n = s.length + 1
  const out: RegExpExecArray[] = []
  let pos = 0
  let prevEnd = -1
  while (out.length < n && pos <= s.length) {
    const m = execAt(re, s, pos)
    if (m === null) break
    const end = m.index + m[0].length
    let accept = true
    if (end === pos) {
      if (m.index === prevEnd) accept = false
      pos += pos < s.length ? runeWidth(s, pos) : 1
    } else pos = end
    prevEnd = end
    if (accept) out.push(m)
  }
  return out
}

/** Go's Regexp.Expand template syntax: `$1`, `${1}`, `$name`, `${name}`, `$$`. */
function expand(template: string, m: RegExpExecArray): string {
  let out = ''
  for (let i = 0; i < template.length; i++) {
    const c = template[i]
    if (c !== '$') {
      out += c
      continue
    }
    const rest = template.slice(i + 1)
    if (rest[0] === '$') {
      out += '$'
      i++
      continue
    }
    const mm = /^\{([A-Za-z0-9_]+)\}/.exec(rest) ?? /^([A-Za-z0-9_]+)/.exec(rest)
    if (mm === null) {
      out += '$'
      continue
    }
    i += mm[0].length
    const name = mm[1]!
    if (/^[0-9]+$/.test(name)) out += m[Number(name)] ?? ''
    else out += m.groups?.[name] ?? ''
  }
  return out
}

/** Go's ReplaceAllString (`literal`: ReplaceAllLiteralString). */
export function replaceAll(re: RegExp, s: string, repl: string, literal: boolean): string {
  let out = ''
  let lastEnd = 0
  let pos = 0
  while (pos <= s.length) {
    const m = execAt(re, s, pos)
    if (m === null) break
    const start = m.index
    const end = start + m[0].length
    out += s.slice(lastEnd, start)
    if (end > lastEnd || start === 0) out += literal ? repl : expand(repl, m)
    checkStringLength(out.length, 'regexReplaceAll')
    lastEnd = end
    const width = pos < s.length ? runeWidth(s, pos) : 1
    if (pos + width > end) pos += width
    else if (pos + 1 > end) pos++
    else pos = end
  }
  return out + s.slice(lastEnd)
}

/** Go's Regexp.Split. */
export function split(re: RegExp, expr: string, s: string, n: number): string[] {
  if (n === 0) return []
  if (expr.length > 0 && s.length === 0) return ['']
  const matches = findAll(re, s, n)
  const out: string[] = []
  let beg = 0
  let end = 0
  for (const m of matches) {
    if (n > 0 && out.length === n - 1) break
    end = m.index
    if (m.index + m[0].length !== 0) out.push(s.slice(beg, end))
    beg = m.index + m[0].length
  }
  if (end !== s.length) out.push(s.slice(beg))
  return out
}

/** regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')
}
