/**
 * How Go values are represented in JavaScript, shared by the executor and every function.
 *
 * | Go                         | JavaScript                                             |
 * |----------------------------|--------------------------------------------------------|
 * | nil                        | `null`                                                 |
 * | missing map key / no value | `undefined` (prints `<no value>`)                      |
 * | bool                       | `boolean`                                              |
 * | string                     | `string`                                               |
 * | int, int64 (and other ints)| `bigint`  (template literals, `len`, `add`, `--set`)  |
 * | float64                    | `number`  (every number decoded from YAML/JSON values) |
 * | []byte                     | `Uint8Array`                                           |
 * | []interface{}              | `Array`                                                |
 * | map[string]interface{}     | plain object (prototype `Object.prototype` or `null`)  |
 * | struct / typed value       | an instance of {@link GoStruct}                        |
 *
 * Keeping int and float64 apart matters: Go prints and compares them differently
 * (`eq 1 1.0` is an error, `{{ 1000000.0 }}` prints `1e+06`).
 */

/** A map as Go's `map[string]interface{}`: a plain object. */
export type GoMap = { [key: string]: unknown }

/**
 * A Go struct or named type with methods (`.Release`, `.Chart`, `.Files`, `.Capabilities`).
 * Fields are own properties; methods are functions on the instance, called by the executor
 * with the template's arguments (`.Files.Get "x"`). `goType` is what `typeOf` prints.
 */
export abstract class GoStruct {
  abstract readonly goType: string
}

/**
 * A {@link GoStruct} may stand for a Go *named non-struct type with methods*, such as Helm's
 * `files` (`map[string][]byte`) or `chartutil.VersionSet` (`[]string`). It then implements
 * `goValue()`, returning the underlying map or slice, and sets `goKind` (`'map'`/`'slice'`).
 * Templates call its methods (`.Files.Glob "x"`) and also use it as that map or slice:
 * `range`, `index`, `len`, truth in `if`, and `.key` (maps) when no method has that name.
 *
 * @example
 * class VersionSet extends GoStruct {
 *   readonly goType = 'chartutil.VersionSet'
 *   readonly goKind = 'slice'
 *   constructor(readonly list: string[]) { super() }
 *   Has = (v: string) => this.list.includes(v)
 *   goValue(): string[] { return this.list }
 * }
 */
export interface GoNamedValue {
  goValue(): unknown
}

/** The value a template sees as data: `v.goValue()` for a named-type {@link GoStruct}, else `v` itself. */
export function underlyingValue(v: unknown): unknown {
  if (v instanceof GoStruct) {
    const f = (v as unknown as Partial<GoNamedValue>).goValue
    if (typeof f === 'function') return f.call(v)
  }
  return v
}

/** The map behind a plain Go map or a map-typed {@link GoStruct} (see {@link GoNamedValue}); else undefined. */
export function asGoMap(v: unknown): GoMap | undefined {
  if (isGoMap(v)) return v
  if (v instanceof GoStruct) {
    const u = underlyingValue(v)
    if (u !== v && isGoMap(u)) return u
  }
  return undefined
}

/** Go's reflect.Kind names as Sprig's `kindOf` prints them. */
export type GoKind =
  | 'invalid'
  | 'bool'
  | 'int'
  | 'int64'
  | 'float64'
  | 'string'
  | 'slice'
  | 'map'
  | 'struct'
  | 'ptr'
  | 'func'

/** True for a plain object standing for a Go map (not arrays, structs, bytes or null). */
export function isGoMap(v: unknown): v is GoMap {
  if (v === null || typeof v !== 'object') return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/** The Go kind of a value (`undefined` and `null` are both the invalid kind, as nil is in Go). */
export function kindOf(v: unknown): GoKind {
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
      return 'func'
    case 'object':
      if (v === null) return 'invalid'
      if (Array.isArray(v) || v instanceof Uint8Array) return 'slice'
      if (v instanceof GoStruct) {
        const u = underlyingValue(v)
        return u === v ? 'struct' : kindOf(u)
      }
      return 'map'
    default:
      return 'invalid'
  }
}

/**
 * Go's text/template truth (`if`, `with`, `and`, `or`, `not`): false, 0, nil, "" and empty
 * slices and maps (named map and slice types included) are false; structs are always true.
 */
export function isTrue(v: unknown): boolean {
  switch (typeof v) {
    case 'boolean':
      return v
    case 'string':
      return v.length > 0
    case 'bigint':
      return v !== 0n
    case 'number':
      return v !== 0
    case 'function':
      return true
    case 'object':
      if (v === null) return false
      if (Array.isArray(v)) return v.length > 0
      if (v instanceof Uint8Array) return v.length > 0
      if (v instanceof GoStruct) {
        const u = underlyingValue(v)
        return u === v ? true : isTrue(u)
      }
      return Object.keys(v).length > 0
    default:
      return false
  }
}
