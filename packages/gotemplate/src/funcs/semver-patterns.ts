/**
 * Masterminds semver's regular expressions. Go runs them with RE2; compiling their RE2
 * programs costs more than a short render (some 15 ms before the JIT warms up), so the short
 * strings charts pass (`>=1.21-0`, `v1.31.0`) go through JavaScript's engine, and longer ones
 * through RE2, where backtracking could not be bounded. The validity pattern is exponential
 * for a backtracking engine, so it is decided by a one-pass scanner instead. Tests hold both
 * to RE2's answers.
 */
import { compileRe2, type Regex } from './re2.ts'

// RE2's \s, spelled out so that both engines read the same class
const ws = String.raw`[\t\n\f\r ]`
const cv = String.raw`v?([0-9|xX*]+)(\.[0-9|xX*]+)?(\.[0-9|xX*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`
const ops = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`

/** The patterns, as Masterminds writes them (with `\s` spelled out). */
export const semverPatterns = {
  version: String.raw`^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$`,
  constraint: `^${ws}*(${ops})${ws}*(${cv})${ws}*$`,
  range: `${ws}*(${cv})${ws}+-${ws}+(${cv})${ws}*`,
  find: `(${ops})${ws}*(${cv})`,
  valid: `^(${ws}*(${ops})${ws}*(${cv})${ws}*)((?:${ws}+|,${ws}*)(${ops})${ws}*(${cv})${ws}*)*$`,
} as const

// at most quadratic in a backtracking engine for these patterns: kept short
const shortInput = 256

/** A pattern run by JavaScript's engine on short strings, by RE2 on longer ones. */
function shortOrRe2(pattern: string): Regex {
  let js: RegExp | undefined
  return {
    exec(s: string, pos = 0): RegExpExecArray | null {
      if (s.length > shortInput) return compileRe2(pattern).exec(s, pos)
      js ??= new RegExp(pattern, 'g')
      js.lastIndex = pos
      return js.exec(s)
    },
  }
}

export const versionRegex = shortOrRe2(semverPatterns.version)
export const constraintRegex = shortOrRe2(semverPatterns.constraint)
export const rangeRegex = shortOrRe2(semverPatterns.range)
export const findRegex = shortOrRe2(semverPatterns.find)

const OPERATORS = new Set(['', '=', '!=', '>', '<', '>=', '=>', '<=', '=<', '~', '~>', '^'])
const isSpace = (c: number) => c === 9 || c === 10 || c === 12 || c === 13 || c === 32
const isOperatorChar = (c: string | undefined) => c !== undefined && '=!<>~^'.includes(c)
const isNumberChar = (c: string | undefined) => c !== undefined && /[0-9|xX*]/.test(c)
const isIdentChar = (c: string | undefined) => c !== undefined && /[0-9A-Za-z-]/.test(c)

/**
 * Whether `s` is in the language of the validity pattern: constraints (an operator or none,
 * then a version) separated by white space or commas. One pass, greedy: operator characters
 * never start a version and version characters never separate, so no other split exists.
 */
export function isValidConstraint(s: string): boolean {
  if (s.length > shortInput) return compileRe2(semverPatterns.valid).exec(s, 0) !== null
  let i = 0
  const spaces = () => {
    const start = i
    while (i < s.length && isSpace(s.charCodeAt(i))) i++
    return i - start
  }
  const run = (ok: (c: string | undefined) => boolean) => {
    const start = i
    while (ok(s[i])) i++
    return i > start
  }
  // `(sep ident(.ident)*)?` for pre-release (`-`) and build metadata (`+`)
  const dotted = (sep: string) => {
    if (s[i] !== sep || !isIdentChar(s[i + 1])) return
    i++
    run(isIdentChar)
    while (s[i] === '.' && isIdentChar(s[i + 1])) {
      i++
      run(isIdentChar)
    }
  }
  spaces()
  for (;;) {
    const start = i
    run(isOperatorChar)
    if (!OPERATORS.has(s.slice(start, i))) return false
    spaces()
    if (s[i] === 'v') i++
    if (!run(isNumberChar)) return false
    for (let k = 0; k < 2 && s[i] === '.' && isNumberChar(s[i + 1]); k++) {
      i++
      run(isNumberChar)
    }
    dotted('-')
    dotted('+')
    const gap = spaces()
    if (i === s.length) return true
    if (s[i] === ',') {
      i++
      spaces()
    } else if (gap === 0) return false
  }
}
