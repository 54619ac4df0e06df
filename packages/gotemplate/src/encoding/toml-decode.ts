/** Helm's fromToml: BurntSushi/toml decoding into `map[string]interface{}`. */
import { parse, TomlDate, TomlError } from 'smol-toml'
import { EncodingError } from './errors.ts'
import { setKey } from './yaml-decode.ts'

/** TOML values as Go holds them: integers int64 (bigint), floats float64, dates as text. */
function toGo(v: unknown): unknown {
  if (v instanceof TomlDate) return v.toISOString()
  if (Array.isArray(v)) return v.map(toGo)
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) setKey(out, k, toGo(x))
    return out
  }
  return v
}

/**
 * Decodes a TOML document into a map (integers as bigint, as BurntSushi/toml gives int64).
 *
 * @throws {EncodingError} `toml: line N: …` naming the line of the problem
 */
export function decodeToml(text: string): Record<string, unknown> {
  try {
    return toGo(parse(text, { integersAsBigInt: true })) as Record<string, unknown>
  } catch (e) {
    if (e instanceof TomlError) {
      const first = e.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '')
      throw new EncodingError('JSON_SYNTAX', `toml: line ${e.line}: ${first}`, { line: e.line, column: e.column })
    }
    throw e
  }
}
