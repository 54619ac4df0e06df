/** Go type names of values, as `%T` and Sprig's `typeOf` print them. */
import { GoStruct } from '../value.ts'

/** Go's name for the dynamic type of a value, as `%T` and `typeOf` print it. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  switch (typeof v) {
    case 'boolean':
      return 'bool'
    case 'string':
      return 'string'
    case 'bigint':
      return 'int'
    case 'number':
      return 'float64'
    case 'function':
      return 'func(...interface {}) (interface {}, error)'
    case 'object':
      if (v instanceof Uint8Array) return '[]uint8'
      if (Array.isArray(v)) return '[]interface {}'
      if (v instanceof GoStruct) return v.goType
      return 'map[string]interface {}'
    default:
      return '<nil>'
  }
}
