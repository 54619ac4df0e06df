/**
 * Go parameter types of functions that declare a signature (func.ts `withSignature`): how
 * Go's reflection names them and which values it accepts for them.
 */
import type { GoParam } from './func.ts'
import { isGoMap } from './value.ts'

/** Go's names of the parameter types, as its messages print them. */
export const GO_PARAM_NAMES: Record<GoParam, string> = {
  any: 'interface {}',
  string: 'string',
  int: 'int',
  int64: 'int64',
  bool: 'bool',
  float64: 'float64',
  map: 'map[string]interface {}',
  list: '[]interface {}',
  strings: '[]string',
}

/** Parameter types that accept nil. */
export function canBeNil(t: GoParam): boolean {
  return t === 'any' || t === 'map' || t === 'list' || t === 'strings'
}

/** Whether a (non-nil) value is assignable to a parameter of type `t`. */
export function assignable(v: unknown, t: GoParam): boolean {
  switch (t) {
    case 'any':
      return true
    case 'string':
      return typeof v === 'string'
    case 'int':
    case 'int64':
      return typeof v === 'bigint'
    case 'bool':
      return typeof v === 'boolean'
    case 'float64':
      return typeof v === 'number'
    case 'map':
      return isGoMap(v)
    case 'list':
      return Array.isArray(v)
    case 'strings':
      return Array.isArray(v) && v.every((x) => typeof x === 'string')
  }
}

/** The smallest int64, as a number. */
export const MIN_INT64 = -(2 ** 63)
