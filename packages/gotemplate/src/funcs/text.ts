/**
 * Byte- and rune-level helpers for Go string semantics over JS strings, plus the Unicode
 * predicates Go's strings and unicode packages use.
 */
import { decodeUtf8, encodeUtf8 } from './utf8.ts'

const ascii = /^[\x00-\x7f]*$/

/** Go's `len(s)`: UTF-8 bytes. */
export function goLen(s: string): number {
  return ascii.test(s) ? s.length : encodeUtf8(s).length
}

/**
 * Go's `s[start:end]` on bytes. A cut inside a multi-byte character yields U+FFFD where Go
 * would keep the raw byte (JS strings cannot hold invalid UTF-8).
 */
export function sliceBytes(s: string, start: number, end?: number): string {
  if (ascii.test(s)) return s.slice(start, end)
  return decodeUtf8(encodeUtf8(s).subarray(start, end))
}

/** unicode.IsSpace. */
export function isSpace(ch: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(ch)
}

/** strings.TrimSpace. */
export function trimSpace(s: string): string {
  // every Unicode space is in the BMP, so UTF-16 units can be scanned from both ends
  let i = 0
  let j = s.length
  while (i < j && isSpace(s[i]!)) i++
  while (j > i && isSpace(s[j - 1]!)) j--
  return i === 0 && j === s.length ? s : s.slice(i, j)
}

/** unicode.IsLetter. */
export function isLetter(ch: string): boolean {
  return /^\p{L}$/u.test(ch)
}

/** unicode.IsDigit. */
export function isDigit(ch: string): boolean {
  return /^\p{Nd}$/u.test(ch)
}

/** unicode.IsUpper. */
export function isUpper(ch: string): boolean {
  return /^\p{Lu}$/u.test(ch)
}

/** unicode.IsLower. */
export function isLower(ch: string): boolean {
  return /^\p{Ll}$/u.test(ch)
}

function mapRune(ch: string, to: string): string {
  // Go maps rune by rune; JS special-casings that change the length (ß → SS) do not apply.
  return Array.from(to).length === 1 ? to : ch
}

/** unicode.ToUpper of one character. */
export function toUpperRune(ch: string): string {
  return mapRune(ch, ch.toUpperCase())
}

/** unicode.ToLower of one character. */
export function toLowerRune(ch: string): string {
  if (ch === '\u0130') return 'i' // JS lower-cases İ to i + combining dot
  return mapRune(ch, ch.toLowerCase())
}

// unicode.ToTitle differs from ToUpper for the Latin digraphs and Georgian letters.
const titleCase: Record<string, string> = {
  '\u01c4': '\u01c5',
  '\u01c5': '\u01c5',
  '\u01c6': '\u01c5',
  '\u01c7': '\u01c8',
  '\u01c8': '\u01c8',
  '\u01c9': '\u01c8',
  '\u01ca': '\u01cb',
  '\u01cb': '\u01cb',
  '\u01cc': '\u01cb',
  '\u01f1': '\u01f2',
  '\u01f2': '\u01f2',
  '\u01f3': '\u01f2',
}

/** unicode.ToTitle of one character. */
export function toTitleRune(ch: string): string {
  const t = titleCase[ch]
  if (t !== undefined) return t
  const c = ch.codePointAt(0)!
  if ((c >= 0x10d0 && c <= 0x10fa) || (c >= 0x10fd && c <= 0x10ff)) return ch
  return toUpperRune(ch)
}

/** strings.ToUpper. */
export function toUpper(s: string): string {
  return ascii.test(s) ? s.toUpperCase() : Array.from(s, toUpperRune).join('')
}

/** strings.ToLower. */
export function toLower(s: string): string {
  return ascii.test(s) ? s.toLowerCase() : Array.from(s, toLowerRune).join('')
}

/** Go's sort.Strings order (bytewise UTF-8). */
export function compareBytes(a: string, b: string): number {
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

/** strings.Split (empty separator: one element per character). */
export function goSplit(s: string, sep: string, n = -1): string[] {
  if (n === 0) return []
  if (sep === '') {
    const chars = Array.from(s)
    if (n > 0 && chars.length > n) return [...chars.slice(0, n - 1), chars.slice(n - 1).join('')]
    return chars
  }
  const parts = s.split(sep)
  if (n > 0 && parts.length > n) return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)]
  return parts
}
