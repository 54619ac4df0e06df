/** Writing decoded data into plain objects that stand for Go maps. */

/** Sets a key on a plain object, `__proto__` included, without touching prototypes. */
export function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
  } else {
    obj[key] = value
  }
}
