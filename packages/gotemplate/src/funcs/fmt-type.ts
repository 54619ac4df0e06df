/** Go type names of values, as `%T` and Sprig's `typeOf` print them. */
import { GoStruct } from '../value.ts'

const GO_TYPE: unique symbol = Symbol.for('slipway.gotemplate.goType')

/**
 * Marks a list or map built by a function whose Go result is not `[]interface {}` or
 * `map[string]interface {}` (`splitList` gives `[]string`, `until` `[]int`), for `typeOf`,
 * `%T` and `deepEqual`. The mark is a hidden property; the value stays a plain array or object.
 */
export function withGoType<T extends object>(v: T, type: string): T {
  Object.defineProperty(v, GO_TYPE, { value: type, enumerable: false, configurable: true })
  return v
}

/**
 * What a Go map gives for a key it lacks: the zero value of its element type, `""` for a map
 * marked `map[string]string` (Helm's `.Chart.Annotations`), else a nil interface.
 */
export function missingMapValue(m: object): unknown {
  return (m as { [GO_TYPE]?: string })[GO_TYPE] === 'map[string]string' ? '' : null
}

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
      if (v instanceof GoStruct) return v.goType
      {
        const marked = (v as { [GO_TYPE]?: string })[GO_TYPE]
        if (marked !== undefined) return marked
      }
      if (Array.isArray(v)) return '[]interface {}'
      return 'map[string]interface {}'
    default:
      return '<nil>'
  }
}
