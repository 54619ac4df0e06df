/** Go's strconv.Quote and the rune predicates fmt's `%q` uses. */
/** unicode.IsPrint, as a test for one character. */
export const printable = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u

/** Lower-case hex of n, zero-padded to `width`. */
export function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0')
}

const plainAscii = /^[\x20\x21\x23-\x26\x28-\x5b\x5d-\x7e]*$/
const asciiControl = /[\x00-\x1f"'\\\x7f]/g

/** Go's strconv.Quote (`asciiOnly`: QuoteToASCII): a double-quoted Go string literal. */
export function quoteGo(s: string, asciiOnly = false, quote = '"'): string {
  if (plainAscii.test(s)) return quote + s + quote
  if (/^[\x00-\x7f]*$/.test(s))
    return (
      quote +
      s.replace(asciiControl, (c) =>
        c === quote || (c !== '"' && c !== "'") ? quoteGoSlow(c, quote) : c,
      ) +
      quote
    )
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
    else if (surrogate)
      out += '\\ufffd' // a lone surrogate stands for invalid UTF-8
    else if (r < 0x10000) out += '\\u' + hex(r, 4)
    else out += '\\U' + hex(r, 8)
  }
  return wrap ? out + quote : out
}

/** strconv.CanBackquote. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0)!
    if (ch === '`' || ch === '\ufeff') return false
    if (r < 0x20 && ch !== '\t') return false
    if (r === 0x7f) return false
  }
  return true
}
