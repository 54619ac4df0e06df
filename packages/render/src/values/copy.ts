import { isGoMap, type GoMap } from '@slipway/gotemplate'

/** Deep copy of a values tree: maps and lists are copied, everything else is shared. */
export function deepCopy<T>(v: T): T {
  if (Array.isArray(v)) return v.map(deepCopy) as T
  if (isGoMap(v)) {
    const out: GoMap = {}
    for (const k of Object.keys(v)) out[k] = deepCopy(v[k])
    return out as T
  }
  return v
}

/** Shallow copy of a map (Helm's copyMap). */
export function copyMap(m: GoMap): GoMap {
  return { ...m }
}

/** Helm's istable: a `map[string]interface{}`. */
export const isTable = isGoMap
