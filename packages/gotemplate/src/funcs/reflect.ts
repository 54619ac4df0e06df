/** Sprig's reflection functions and Go's reflect.DeepEqual over the value model. */
import type { FuncMap } from '../func.ts'
import { goTypeName } from '../fmt.ts'
import { GoStruct, isGoMap, kindOf } from '../value.ts'
import { fn } from './args.ts'

/** Go's reflect.DeepEqual: types must match exactly (`1` and `1.0` differ). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null
  if (b === undefined) b = null
  if (a === null || b === null) return a === b
  if (typeof a !== typeof b) return false
  if (typeof a !== 'object') return typeof a === 'function' ? false : a === b
  if (goTypeName(a) !== goTypeName(b)) return false
  if (a instanceof Uint8Array) {
    if (!(b instanceof Uint8Array) || a.length !== b.length) return false
    return a.every((x, i) => x === b[i])
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    return a.every((x, i) => deepEqual(x, b[i]))
  }
  if (a instanceof GoStruct) {
    if (!(b instanceof GoStruct) || a.constructor !== b.constructor) return false
    if (a === b) return true
  } else if (!isGoMap(b)) return false
  if (a === b) return true
  const ka = Object.keys(a as object)
  const kb = Object.keys(b as object)
  if (ka.length !== kb.length) return false
  return ka.every((k) => Object.hasOwn(b as object, k) && deepEqual((a as any)[k], (b as any)[k]))
}

/** Sprig's `kindOf`: reflect.Kind name (`invalid` for nil). */
export function kindName(v: unknown): string {
  if (v instanceof GoStruct) return v.goType.startsWith('*') ? 'ptr' : 'struct'
  return kindOf(v === undefined ? null : v)
}

/** Type inspection: `typeOf`, `typeIs`, `typeIsLike`, `kindOf`, `kindIs`, `deepEqual`. */
export const reflectFuncs: FuncMap = {
  typeOf: fn(['any'], goTypeName),
  typeIs: fn(['string', 'any'], (t: string, v: unknown) => t === goTypeName(v)),
  typeIsLike: fn(['string', 'any'], (t: string, v: unknown) => {
    const s = goTypeName(v)
    return t === s || '*' + t === s
  }),
  kindOf: fn(['any'], kindName),
  kindIs: fn(['string', 'any'], (t: string, v: unknown) => t === kindName(v)),
  deepEqual: fn(['any', 'any'], deepEqual),
}
