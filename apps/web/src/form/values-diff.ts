import { isObject } from './schema.ts'

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => equal(v, b[i]))
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k], b[k]))
  }
  return false
}

/**
 * The values a user actually chose: what differs from the chart's defaults, as Helm stores a
 * release's `config` (`helm get values`). Maps are compared key by key; lists are replaced
 * whole, as Helm merges them; a default key the user removed becomes `null`, which deletes it in
 * Helm's coalescing (a cleared field whose default is empty text is left alone).
 *
 * @example userValues({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 5, d: 3 } }) // { b: { c: 5 } }
 */
export function userValues(
  defaults: { [key: string]: unknown },
  values: { [key: string]: unknown },
): { [key: string]: unknown } {
  const out: { [key: string]: unknown } = {}
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue
    const base = defaults[key]
    if (isObject(value) && isObject(base)) {
      const nested = userValues(base, value)
      if (Object.keys(nested).length > 0) out[key] = nested
    } else if (!equal(value, base)) {
      out[key] = value
    }
  }
  for (const key of Object.keys(defaults)) {
    if (!(key in values) || values[key] === undefined) {
      // a cleared text field comes back undefined: the same as an empty default
      if (defaults[key] !== null && defaults[key] !== undefined && defaults[key] !== '')
        out[key] = null
    }
  }
  return out
}
