/**
 * Go's `path/filepath.Match` glob syntax, which .helmignore uses: `*` and `?` never match
 * `/`, `[...]` and `[^...]` are character classes with ranges, `\` escapes. `**` has no
 * special meaning (Helm refuses it before it gets here).
 */

/** A glob that does not follow Go's syntax (Go's ErrBadPattern). */
export class BadPatternError extends Error {
  override name = 'BadPatternError'
  constructor(readonly pattern: string) {
    super(`syntax error in pattern: ${pattern}`)
  }
}

const cache = new Map<string, RegExp>()

// escapes for the 'u' flag: '-' may only be escaped inside a class
const escapeRe = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
const escapeClass = (c: string) => c.replace(/[\\\]\[^-]/g, '\\$&')

function compile(pattern: string): RegExp {
  const cached = cache.get(pattern)
  if (cached) return cached
  let re = ''
  const chars = [...pattern]
  let i = 0
  const bad = (): never => {
    throw new BadPatternError(pattern)
  }
  // one class member: an escaped or plain character other than '-' and ']'
  const classChar = (): string => {
    if (i >= chars.length) bad()
    let c = chars[i]!
    if (c === '-' || c === ']') bad()
    if (c === '\\') {
      i++
      if (i >= chars.length) bad()
      c = chars[i]!
    }
    i++
    return c
  }
  while (i < chars.length) {
    const c = chars[i]!
    if (c === '*') {
      re += '[^/]*'
      i++
    } else if (c === '?') {
      re += '[^/]'
      i++
    } else if (c === '\\') {
      i++
      if (i >= chars.length) bad()
      re += escapeRe(chars[i]!)
      i++
    } else if (c === '[') {
      i++
      let cls = '['
      if (chars[i] === '^') {
        cls += '^'
        i++
      }
      let members = 0
      while (true) {
        if (i >= chars.length) bad()
        if (chars[i] === ']' && members > 0) {
          i++
          break
        }
        const lo = classChar()
        let member = escapeClass(lo)
        if (chars[i] === '-') {
          i++
          const hi = classChar()
          if (hi.codePointAt(0)! < lo.codePointAt(0)!) bad()
          member += `-${escapeClass(hi)}`
        }
        cls += member
        members++
      }
      re += `${cls}]`
    } else {
      re += escapeRe(c)
      i++
    }
  }
  const compiled = new RegExp(`^${re}$`, 'su')
  cache.set(pattern, compiled)
  return compiled
}

/**
 * True when `name` matches the Go glob `pattern` in full.
 *
 * @throws BadPatternError when the pattern is malformed, even if `name` would not match.
 */
export function goGlobMatch(pattern: string, name: string): boolean {
  return compile(pattern).test(name)
}

/** Throws BadPatternError unless `pattern` is a valid Go glob. */
export function checkGoGlob(pattern: string): void {
  compile(pattern)
}
