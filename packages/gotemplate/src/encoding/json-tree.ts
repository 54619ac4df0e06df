/**
 * The first half of sigs.k8s.io/yaml.Marshal and all of Helm's toJson: turning a template
 * value into what encoding/json would write. Numbers keep their JSON text so the YAML side can
 * re-type them as go-yaml v2 would when it reads that JSON back.
 */
import { GoStruct, isGoMap } from '../value.ts'
import { base64Encode } from './base64.ts'
import { EncodingError } from './errors.ts'
import { formatJsonFloat, formatFloatG } from './go-float.ts'
import { MAX_ENCODE_DEPTH } from './limits.ts'

/** A JSON value as encoding/json produced it: numbers as their text, maps in sorted key order. */
export type JsonNode = null | boolean | string | JsonNumber | JsonNode[] | JsonObject

/** A JSON number, kept as text (`42`, `1.5`, `1e-7`). */
export class JsonNumber {
  constructor(readonly text: string) {}
}

/** A JSON object with keys in encoding/json's order (sorted by bytes). */
export class JsonObject {
  constructor(readonly entries: [string, JsonNode][]) {}
}

/** Compares strings by their UTF-8 bytes, as Go's sort.Strings does. */
export function compareGoStrings(a: string, b: string): number {
  // Code point order equals UTF-8 byte order; UTF-16 code unit order differs above U+FFFF.
  const ia = a[Symbol.iterator]()
  const ib = b[Symbol.iterator]()
  for (;;) {
    const x = ia.next()
    const y = ib.next()
    if (x.done) return y.done ? 0 : -1
    if (y.done) return 1
    const cx = x.value.codePointAt(0)!
    const cy = y.value.codePointAt(0)!
    if (cx !== cy) return cx < cy ? -1 : 1
  }
}

/**
 * encoding/json.Marshal of a template value as a tree. Throws `json: unsupported value: NaN`
 * (and +Inf, -Inf) like Go, and refuses functions.
 */
export function toJsonTree(v: unknown, depth = 0): JsonNode {
  if (depth > MAX_ENCODE_DEPTH) {
    throw new EncodingError(
      'JSON_UNSUPPORTED_VALUE',
      `json: unsupported value: encountered a cycle via ${goTypeOf(v)}`,
    )
  }
  switch (typeof v) {
    case 'undefined':
      return null
    case 'boolean':
    case 'string':
      return v
    case 'bigint':
      return new JsonNumber(v.toString())
    case 'number':
      if (!Number.isFinite(v)) {
        throw new EncodingError(
          'JSON_UNSUPPORTED_VALUE',
          `json: unsupported value: ${formatFloatG(v)}`,
        )
      }
      return new JsonNumber(formatJsonFloat(v))
    case 'function':
      throw new EncodingError('JSON_UNSUPPORTED_VALUE', 'json: unsupported type: func()')
    case 'object': {
      if (v === null) return null
      if (v instanceof Uint8Array) return base64Encode(v)
      if (Array.isArray(v)) return v.map((x) => toJsonTree(x, depth + 1))
      if (isGoMap(v) && !(v instanceof GoStruct)) {
        const keys = Object.keys(v).sort(compareGoStrings)
        return new JsonObject(keys.map((k) => [k, toJsonTree(v[k], depth + 1)]))
      }
      // A type with its own MarshalJSON that writes a string (time.Time, *semver.Version)
      const own = (v as { toJSON?: unknown }).toJSON
      if (typeof own === 'function') {
        const j: unknown = own.call(v)
        if (typeof j === 'string') return j
      }
      // Structs keep their field order, as encoding/json writes fields in declaration order.
      const fields = structFields(v)
      return new JsonObject(Object.keys(fields).map((k) => [k, toJsonTree(fields[k], depth + 1)]))
    }
    default:
      throw new EncodingError('JSON_UNSUPPORTED_VALUE', `json: unsupported type: ${typeof v}`)
  }
}

function goTypeOf(v: unknown): string {
  if (Array.isArray(v)) return '[]interface {}'
  return v !== null && typeof v === 'object' ? 'map[string]interface {}' : typeof v
}

/**
 * A struct's JSON form. A struct may define `toJSON()` returning exactly what encoding/json
 * writes for it (field names, order, omitempty); otherwise its own data fields are used.
 */
function structFields(v: object): Record<string, unknown> {
  const toJSON = (v as { toJSON?: unknown }).toJSON
  if (typeof toJSON === 'function') {
    const j: unknown = toJSON.call(v)
    if (j !== null && typeof j === 'object' && !Array.isArray(j))
      return j as Record<string, unknown>
  }
  const out: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(v)) {
    if (k === 'goType' || typeof x === 'function') continue
    out[k] = x
  }
  return out
}
