/** The values map strvals writes into (Go's map[string]interface{}). */

/** A values tree: plain objects, arrays, strings, bigint ints, float numbers, booleans, null. */
export type Values = { [key: string]: unknown }

/** True for a plain object standing for a Go map. */
export function isValuesMap(v: unknown): v is Values {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/** Helm's `set`: an empty key is ignored; `__proto__` is stored as data, never as a prototype. */
export function setValue(data: Values, key: string, val: unknown): void {
  if (key.length === 0) return
  if (key === '__proto__') {
    Object.defineProperty(data, key, {
      value: val,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  } else {
    data[key] = val
  }
}
