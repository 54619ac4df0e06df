/** Helm's fromToml: BurntSushi/toml decoding into `map[string]interface{}`. */
import { parse, TomlDate, TomlError } from 'smol-toml'
import { EncodingError } from './errors.ts'
import { setKey } from './go-map.ts'

/** Go's RFC 3339 fraction: trailing zeros dropped, and the dot too when nothing is left. */
const trimFraction = (s: string): string =>
  s.replace(/\.(\d*?)0+(?=$|[Z+-])/, (_, d: string) => (d ? `.${d}` : ''))

/**
 * A TOML date-time as encoding/json writes the time.Time BurntSushi/toml gives: RFC 3339 with
 * trimmed fractions. Local date-times, dates and times are taken in UTC, as a server in UTC
 * (Helm's usual setting) reads them; a local time is on day 0000-01-01.
 */
export function tomlDateText(d: TomlDate): string {
  const iso = d.toISOString()
  if (d.isDate()) return `${iso}T00:00:00Z`
  if (d.isTime()) return `0000-01-01T${trimFraction(iso)}Z`
  if (d.isLocal()) return `${trimFraction(iso)}Z`
  return trimFraction(iso).replace(/[+-]00:00$/, 'Z')
}

/** TOML values as Go holds them: integers int64 (bigint), floats float64, dates as RFC 3339 text. */
function toGo(v: unknown): unknown {
  if (v instanceof TomlDate) return tomlDateText(v)
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
      throw new EncodingError('TOML_SYNTAX', `toml: line ${e.line}: ${first}`, {
        line: e.line,
        column: e.column,
      })
    }
    throw e
  }
}
