/** Go's fmt spellings that Helm's strvals messages contain. */

/** `strconv.Quote` / `%q` of a string. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\x07') out += '\\a'
    else if (ch === '\b') out += '\\b'
    else if (ch === '\f') out += '\\f'
    else if (ch === '\v') out += '\\v'
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`
    else if (c >= 0x80 && c < 0xa0) out += `\\u${c.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return out + '"'
}

/** `%q` of a []rune: `['a' 'b']`. */
export function goQuoteRunes(runes: string[]): string {
  const one = (r: string) =>
    r === "'" ? "'\\''" : r === '"' ? `'"'` : `'${goQuote(r).slice(1, -1)}'`
  return `[${runes.map(one).join(' ')}]`
}

/** The dynamic Go type of a value, as a failed type assertion names it. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'nil'
  if (Array.isArray(v)) return '[]interface {}'
  if (v instanceof Uint8Array) return '[]uint8'
  switch (typeof v) {
    case 'string':
      return 'string'
    case 'bigint':
      return 'int64'
    case 'number':
      return 'float64'
    case 'boolean':
      return 'bool'
    case 'object':
      return 'map[string]interface {}'
    default:
      return typeof v
  }
}

/** `strconv.Atoi`, with its error text. */
export function goAtoi(s: string): number {
  const m = /^[+-]?[0-9]+$/.exec(s)
  if (!m) throw new Error(`strconv.Atoi: parsing ${goQuote(s)}: invalid syntax`)
  const v = BigInt(s)
  if (v > 2n ** 63n - 1n || v < -(2n ** 63n))
    throw new Error(`strconv.Atoi: parsing ${goQuote(s)}: value out of range`)
  return Number(v)
}
