import type { GoMap } from '@slipway/gotemplate'
import { isTable } from './copy.ts'

/** Helm's `Values.Table(path)`: the map at a dotted path, or undefined when any step is not a map. */
export function table(values: GoMap, path: string): GoMap | undefined {
  let t: GoMap = values
  for (const name of path.split('.')) {
    const next = Object.hasOwn(t, name) ? t[name] : undefined
    if (!isTable(next)) return undefined
    t = next
  }
  return t
}

/**
 * Helm's `Values.PathValue(path)`: the non-map value at a dotted path. `found` is false when
 * the path does not resolve or resolves to a map, as Helm's ErrNoValue.
 */
export function pathValue(values: GoMap, path: string): { found: boolean; value?: unknown } {
  const parts = path.split('.')
  const key = parts.pop() as string
  const t = parts.length === 0 ? values : table(values, parts.join('.'))
  if (!t || !Object.hasOwn(t, key) || isTable(t[key])) return { found: false }
  return { found: true, value: t[key] }
}

/** Helm's pathToMap: nests `data` under a dotted path (`.` means `data` itself). */
export function pathToMap(path: string, data: GoMap): GoMap {
  if (path === '.') return data
  const parts = path.split('.').filter((p) => p !== '')
  let out: GoMap = data
  for (let i = parts.length - 1; i >= 0; i--) out = { [parts[i] as string]: out }
  return out
}
