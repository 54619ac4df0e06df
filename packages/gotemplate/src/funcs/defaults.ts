/** Sprig's emptiness functions: `default`, `empty`, `coalesce`, `all`, `any`, `ternary`, `compact`. */
import type { FuncMap } from '../func.ts'
import { isTrue } from '../value.ts'
import { fn, isSlice, reflectKind, sliceItems } from './args.ts'
import { FuncError } from './errors.ts'

/** Sprig's `empty`: nil, false, 0, "", and empty lists and maps (a function is never empty). */
export function isEmpty(v: unknown): boolean {
  if (typeof v === 'function') return false
  return !isTrue(v)
}

function mustCompact(list: unknown): unknown[] {
  if (!isSlice(list)) throw new FuncError(`Cannot compact on type ${reflectKind(list)}`)
  return sliceItems(list).filter((x) => !isEmpty(x))
}

/** Emptiness and choice functions. */
export const defaultFuncs: FuncMap = {
  default: fn(
    ['any'],
    (d: unknown, ...given: unknown[]) => (given.length === 0 || isEmpty(given[0]) ? d : given[0]),
    'any',
  ),
  empty: fn(['any'], isEmpty),
  coalesce: fn([], (...v: unknown[]) => v.find((x) => !isEmpty(x)) ?? null, 'any'),
  all: fn([], (...v: unknown[]) => v.every((x) => !isEmpty(x)), 'any'),
  any: fn([], (...v: unknown[]) => v.some((x) => !isEmpty(x)), 'any'),
  ternary: fn(['any', 'any', 'bool'], (t: unknown, f: unknown, c: boolean) => (c ? t : f)),
  compact: fn(['any'], mustCompact),
  mustCompact: fn(['any'], mustCompact),
}
