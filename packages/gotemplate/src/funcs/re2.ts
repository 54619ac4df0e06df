/**
 * Go's regexp for templates: RE2 syntax and semantics through re2js (a port of RE2), with Go's
 * FindAll, ReplaceAll (`$1`, `${name}` expansion) and Split loops on top.
 */
import { RE2JS } from 're2js'
import { FuncError } from './errors.ts'
import { checkStringLength } from './limits.ts'

/** A compiled Go regular expression: `exec` finds the leftmost match at or after `pos`. */
export interface Regex {
  exec(s: string, pos?: number): RegExpExecArray | null
}

const cache = new Map<string, Regex>()

/**
 * Compiles a Go (RE2) pattern with re2js, a port of RE2: the same syntax and semantics as Go's
 * regexp, and matching in linear time, so a chart's pattern cannot hang the renderer.
 * Throws Go's parse error.
 */
export function compileRe2(expr: string): Regex {
  let re = cache.get(expr)
  if (re === undefined) {
    let p: RE2JS
    try {
      p = RE2JS.compile(expr)
    } catch (e) {
      const msg = (e as Error).message
      throw new FuncError(
        msg.startsWith('error parsing regexp') ? msg : `error parsing regexp: ${msg}`,
      )
    }
    const groups = p.groupCount()
    const names = Object.entries(p.namedGroups())
    re = {
      exec(s: string, pos = 0): RegExpExecArray | null {
        const m = p.matcher(s)
        if (pos > s.length || !m.find(pos)) return null
        const out: (string | undefined)[] = []
        for (let g = 0; g <= groups; g++) out.push(m.group(g) ?? undefined)
        const arr = out as unknown as RegExpExecArray
        arr.index = m.start()
        arr.input = s
        if (names.length > 0) {
          const named: Record<string, string> = {}
          for (const [name, g] of names) if (out[g] !== undefined) named[name] = out[g]!
          arr.groups = named
        }
        return arr
      },
    }
    if (cache.size > 500) cache.clear()
    cache.set(expr, re)
  }
  return re
}

function execAt(re: Regex, s: string, pos: number): RegExpExecArray | null {
  return re.exec(s, pos)
}

function runeWidth(s: string, pos: number): number {
  const c = s.codePointAt(pos)
  return c !== undefined && c > 0xffff ? 2 : 1
}

/** Go's FindAll: up to n matches (n < 0: all), skipping empty matches that abut the previous one. */
export function findAll(re: Regex, s: string, n: number): RegExpExecArray[] {
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
export function replaceAll(re: Regex, s: string, repl: string, literal: boolean): string {
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
export function split(re: Regex, expr: string, s: string, n: number): string[] {
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
