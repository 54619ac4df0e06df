import type { GoMap } from '@slipway/gotemplate'
import type { RenderChart } from '../chart-tree.ts'
import { copyMap, deepCopy, isTable } from './copy.ts'

/** Receives Helm's coalescing warnings ("warning: skipped value for ..."). */
export type WarnFn = (message: string) => void

const noWarn: WarnFn = () => {}

function concatPrefix(a: string, b: string): string {
  return a === '' ? b : `${a}.${b}`
}

/**
 * Helm's chartutil.CoalesceValues: user values over the chart's defaults, recursively into
 * subcharts, with `global` copied down and `null` deleting a default. Neither input is changed.
 */
export function coalesceValues(
  chart: RenderChart,
  values: GoMap | null,
  warn: WarnFn = noWarn,
): GoMap {
  return coalesce(chart, values ? deepCopy(values) : {}, '', false, warn)
}

/** Helm's chartutil.MergeValues: as {@link coalesceValues} but `null`s are kept. */
export function mergeValues(
  chart: RenderChart,
  values: GoMap | null,
  warn: WarnFn = noWarn,
): GoMap {
  return coalesce(chart, values ? deepCopy(values) : {}, '', true, warn)
}

function coalesce(
  chart: RenderChart,
  dest: GoMap,
  prefix: string,
  merge: boolean,
  warn: WarnFn,
): GoMap {
  coalesceChartValues(chart, dest, prefix, merge, warn)
  return coalesceDeps(chart, dest, prefix, merge, warn)
}

function coalesceDeps(
  chart: RenderChart,
  dest: GoMap,
  prefix: string,
  merge: boolean,
  warn: WarnFn,
): GoMap {
  for (const sub of chart.dependencies) {
    const name = sub.metadata.name
    if (!Object.hasOwn(dest, name)) {
      dest[name] = {}
    } else if (!isTable(dest[name])) {
      throw new CoalesceTypeError(name, dest[name])
    }
    const dv = dest[name] as GoMap
    const subPrefix = concatPrefix(prefix, chart.metadata.name)
    coalesceGlobals(dv, dest, subPrefix, warn)
    dest[name] = coalesce(sub, dv, subPrefix, merge, warn)
  }
  return dest
}

/** A subchart's key in the values is not a map (Helm: "type mismatch on NAME: %t"). */
export class CoalesceTypeError extends Error {
  readonly key: string
  constructor(key: string, value: unknown) {
    // Go's %t of a non-bool prints %!t(TYPE=VALUE); the key is what matters to the user
    super(
      `type mismatch on ${key}: ${value === null || value === undefined ? '%!t(<nil>)' : `%!t(${goTypeName(value)}=${String(value)})`}`,
    )
    this.key = key
  }
}

function goTypeName(v: unknown): string {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return 'float64'
  if (typeof v === 'bigint') return 'int64'
  if (Array.isArray(v)) return '[]interface {}'
  return '<nil>'
}

function coalesceGlobals(dest: GoMap, src: GoMap, prefix: string, warn: WarnFn): void {
  let dg: GoMap
  let sg: GoMap
  if (!Object.hasOwn(dest, 'global')) dg = {}
  else if (isTable(dest.global)) dg = dest.global
  else {
    warn('warning: skipping globals because destination global is not a table.')
    return
  }
  if (!Object.hasOwn(src, 'global')) sg = {}
  else if (isTable(src.global)) sg = src.global
  else {
    warn('warning: skipping globals because source global is not a table.')
    return
  }
  for (const key of Object.keys(sg)) {
    const val = sg[key]
    if (isTable(val)) {
      const vv = copyMap(val)
      if (!Object.hasOwn(dg, key)) {
        dg[key] = vv
      } else {
        const destv = dg[key]
        if (!isTable(destv)) {
          warn(`Conflict: cannot merge map onto non-map for "${key}". Skipping.`)
        } else {
          // parent globals win over the subchart's: merge top-down
          coalesceTablesFullKey(vv, destv, concatPrefix(prefix, key), true, warn)
          dg[key] = vv
        }
      }
    } else if (Object.hasOwn(dg, key) && isTable(dg[key])) {
      warn(`key ${key} is table. Skipping`)
    } else {
      dg[key] = val
    }
  }
  dest.global = dg
}

function coalesceChartValues(
  chart: RenderChart,
  v: GoMap,
  prefix: string,
  merge: boolean,
  warn: WarnFn,
): void {
  const subPrefix = concatPrefix(prefix, chart.metadata.name)
  const vc = deepCopy(chart.values)
  for (const key of Object.keys(vc)) {
    const val = vc[key]
    if (Object.hasOwn(v, key)) {
      const value = v[key]
      if (value === null && !merge) {
        delete v[key]
      } else if (isTable(value)) {
        if (!isTable(val)) {
          if (val !== null) warn(`warning: skipped value for ${subPrefix}.${key}: Not a table.`)
        } else {
          const childMerge = chart.dependencies.some((d) => d.metadata.name === key) || merge
          coalesceTablesFullKey(value, val, concatPrefix(subPrefix, key), childMerge, warn)
        }
      }
    } else {
      v[key] = val
    }
  }
}

/** Helm's coalesceTablesFullKey: `dst` wins; `src` fills what `dst` lacks. Mutates `dst`. */
export function coalesceTablesFullKey(
  dst: GoMap,
  src: GoMap | null,
  prefix: string,
  merge: boolean,
  warn: WarnFn = noWarn,
): GoMap {
  if (src === null) return dst
  for (const key of Object.keys(src)) {
    const val = src[key]
    const fullkey = concatPrefix(prefix, key)
    const has = Object.hasOwn(dst, key)
    const dv = dst[key]
    if (has && !merge && dv === null) {
      delete dst[key]
    } else if (!has) {
      dst[key] = val
    } else if (isTable(val)) {
      if (isTable(dv)) coalesceTablesFullKey(dv, val, fullkey, merge, warn)
      else warn(`warning: cannot overwrite table with non table for ${fullkey}`)
    } else if (isTable(dv) && val !== null) {
      warn(`warning: destination for ${fullkey} is a table. Ignoring non-table value`)
    }
  }
  return dst
}

/** Helm's MergeTables: `dst` wins, nulls kept. */
export function mergeTables(dst: GoMap, src: GoMap): GoMap {
  return coalesceTablesFullKey(dst, src, '', true)
}

/** Helm's CoalesceTables: `dst` wins, a null in `dst` deletes the key. */
export function coalesceTables(dst: GoMap, src: GoMap): GoMap {
  return coalesceTablesFullKey(dst, src, '', false)
}
