/**
 * Helm's encoding template functions (pkg/engine/funcs.go in v3.17): they never fail the
 * render; a problem becomes "" (toYaml, toJson), an `Error` key (fromYaml, fromJson,
 * fromToml), a one-element list (fromYamlArray, fromJsonArray) or the error text (toToml).
 */
import { withSignature } from '../func.ts'
import type { FuncMap, GoParam } from '../func.ts'
import { kindOf } from '../value.ts'
import { decodeJsonPartial, jsonKindName } from './json-decode.ts'
import { encodeJson } from './json-encode.ts'
import { decodeToml } from './toml-decode.ts'
import { encodeToml } from './toml-encode.ts'
import { decodeYaml, decodeYamlMap } from './yaml-decode.ts'
import { encodeYaml, encodeYamlPretty } from './yaml-encode.ts'

const MAP_TYPE = 'map[string]interface {}'
const LIST_TYPE = '[]interface {}'

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))
const trimNewline = (s: string): string => (s.endsWith('\n') ? s.slice(0, -1) : s)

/** Helm's toYaml: sigs.k8s.io/yaml.Marshal, one trailing newline trimmed, "" on error. */
export function toYaml(v: unknown): string {
  try {
    return trimNewline(encodeYaml(v))
  } catch {
    return ''
  }
}

/** Helm's toYamlPretty: go-yaml v3 with indent 2 (sequences indented), "" on error. */
export function toYamlPretty(v: unknown): string {
  try {
    return trimNewline(encodeYamlPretty(v))
  } catch {
    return ''
  }
}

/** Helm's fromYaml: a map, or `{Error: message}`. */
export function fromYaml(s: string): Record<string, unknown> {
  try {
    return decodeYamlMap(String(s))
  } catch (e) {
    return { Error: message(e) }
  }
}

/** Helm's fromYamlArray: a list, or `[message]`. */
export function fromYamlArray(s: string): unknown[] {
  let v: unknown
  try {
    v = decodeYaml(String(s))
  } catch (e) {
    return [message(e)]
  }
  if (v === null) return []
  if (!Array.isArray(v)) {
    return [
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKindName(v)} into Go value of type ${LIST_TYPE}`,
    ]
  }
  return v
}

/** Helm's toJson: json.Marshal text, "" on error. */
export function toJson(v: unknown): string {
  try {
    return encodeJson(v)
  } catch {
    return ''
  }
}

/** Helm's fromJson: a map (nil for `null`), or the map with an `Error` key. */
export function fromJson(s: string): Record<string, unknown> | null {
  let r: ReturnType<typeof decodeJsonPartial>
  try {
    r = decodeJsonPartial(String(s))
  } catch (e) {
    return { Error: message(e) }
  }
  if (r.value === null) return null
  if (kindOf(r.value) !== 'map') {
    return {
      Error: `json: cannot unmarshal ${jsonKindName(r.value)} into Go value of type ${MAP_TYPE}`,
    }
  }
  const m = r.value as Record<string, unknown>
  if (r.error) m.Error = r.error.message
  return m
}

/** Helm's fromJsonArray: a list (nil for `null`), or `[message]`. */
export function fromJsonArray(s: string): unknown[] | null {
  let r: ReturnType<typeof decodeJsonPartial>
  try {
    r = decodeJsonPartial(String(s))
  } catch (e) {
    return [message(e)]
  }
  if (r.value === null) return null
  if (!Array.isArray(r.value))
    return [`json: cannot unmarshal ${jsonKindName(r.value)} into Go value of type ${LIST_TYPE}`]
  if (r.error) return [r.error.message]
  return r.value
}

/** Helm's toToml: BurntSushi/toml's encoding, or the error text. */
export function toToml(v: unknown): string {
  try {
    return encodeToml(v)
  } catch (e) {
    return message(e)
  }
}

/** Helm's fromToml: a map, or `{Error: message}`. */
export function fromToml(s: string): Record<string, unknown> {
  try {
    return decodeToml(String(s))
  } catch (e) {
    return { Error: message(e) }
  }
}

const ANY: GoParam[] = ['any']
const STRING: GoParam[] = ['string']

/**
 * Helm's own encoding functions by name, to be layered over Sprig's (they replace its
 * toJson/fromJson), each with its Go signature (`toYaml(interface{})`, `fromYaml(string)`).
 */
export const encodingFuncs: FuncMap = {
  toYaml: withSignature(toYaml, { params: ANY }),
  toYamlPretty: withSignature(toYamlPretty, { params: ANY }),
  fromYaml: withSignature(fromYaml, { params: STRING }),
  fromYamlArray: withSignature(fromYamlArray, { params: STRING }),
  toJson: withSignature(toJson, { params: ANY }),
  fromJson: withSignature(fromJson, { params: STRING }),
  fromJsonArray: withSignature(fromJsonArray, { params: STRING }),
  toToml: withSignature(toToml, { params: ANY }),
  fromToml: withSignature(fromToml, { params: STRING }),
}
