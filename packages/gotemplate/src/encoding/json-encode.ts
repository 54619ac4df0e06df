/** encoding/json.Marshal's text: Helm's toJson and the JSON step of toYaml. */
import { JsonNumber, toJsonTree } from './json-tree.ts'
import type { JsonNode } from './json-tree.ts'

/** Options for {@link encodeJson}. */
export interface EncodeJsonOptions {
  /** Escape `<`, `>` and `&` as `\u003c` … (json.Marshal does; Sprig's toRawJson does not). */
  escapeHTML?: boolean
  /** Indent nested values by this string (json.MarshalIndent / Sprig's toPrettyJson). */
  indent?: string
}

const HEX = '0123456789abcdef'

/** A JSON string literal exactly as encoding/json writes it. */
export function quoteJsonString(s: string, escapeHTML = true): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (
      c >= 0x20 &&
      c !== 0x22 &&
      c !== 0x5c &&
      c < 0x80 &&
      !(escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26))
    ) {
      out += ch
      continue
    }
    if (c < 0x80) {
      switch (c) {
        case 0x22:
          out += '\\"'
          break
        case 0x5c:
          out += '\\\\'
          break
        case 0x08:
          out += '\\b'
          break
        case 0x0c:
          out += '\\f'
          break
        case 0x0a:
          out += '\\n'
          break
        case 0x0d:
          out += '\\r'
          break
        case 0x09:
          out += '\\t'
          break
        default:
          out += `\\u00${HEX[c >> 4]}${HEX[c & 15]}`
      }
      continue
    }
    if (c >= 0xd800 && c <= 0xdfff)
      out += '\ufffd' // a lone surrogate is invalid UTF-8 to Go
    else if (c === 0x2028 || c === 0x2029) out += `\\u202${HEX[c & 15]}`
    else out += ch
  }
  return out + '"'
}

function write(
  j: JsonNode,
  escapeHTML: boolean,
  indent: string | undefined,
  prefix: string,
): string {
  if (j === null) return 'null'
  if (typeof j === 'boolean') return j ? 'true' : 'false'
  if (typeof j === 'string') return quoteJsonString(j, escapeHTML)
  if (j instanceof JsonNumber) return j.text
  const inner = indent === undefined ? '' : prefix + indent
  const nl = indent === undefined ? '' : '\n'
  if (Array.isArray(j)) {
    if (j.length === 0) return '[]'
    const items = j.map((x) => nl + inner + write(x, escapeHTML, indent, inner))
    return `[${items.join(',')}${nl}${indent === undefined ? '' : prefix}]`
  }
  if (j.entries.length === 0) return '{}'
  const sep = indent === undefined ? ':' : ': '
  const items = j.entries.map(
    ([k, v]) =>
      nl + inner + quoteJsonString(k, escapeHTML) + sep + write(v, escapeHTML, indent, inner),
  )
  return `{${items.join(',')}${nl}${indent === undefined ? '' : prefix}}`
}

/**
 * `json.Marshal(value)` as text: sorted map keys, `<>&` and U+2028/U+2029 escaped, ints
 * plain, floats as Go writes them (`1e-7`, `1e+21`, no exponent in between), []byte as
 * base64. With `indent`, json.MarshalIndent's layout.
 *
 * @throws {EncodingError} `json: unsupported value: NaN` and the like
 */
export function encodeJson(value: unknown, options: EncodeJsonOptions = {}): string {
  return write(toJsonTree(value), options.escapeHTML ?? true, options.indent, '')
}
