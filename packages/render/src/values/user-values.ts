import type { GoMap } from '@slipway/gotemplate'
import { isTable } from './copy.ts'

/**
 * Helm's values.mergeMaps: merges user value sources in order (`-f` files, then `--set`
 * results), later sources winning; maps merge deeply, anything else is replaced.
 */
export function mergeUserValues(sources: GoMap[]): GoMap {
  let out: GoMap = {}
  for (const s of sources) out = mergeMaps(out, s)
  return out
}

function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out: GoMap = { ...a }
  for (const k of Object.keys(b)) {
    const v = b[k]
    if (isTable(v)) {
      const bv = out[k]
      if (isTable(bv)) {
        out[k] = mergeMaps(bv, v)
        continue
      }
    }
    out[k] = v
  }
  return out
}
