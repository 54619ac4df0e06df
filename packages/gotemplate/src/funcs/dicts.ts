/**
 * Sprig's dict functions (dict.go) with Go's reference semantics: `set`, `unset`, `merge`
 * and `mergeOverwrite` mutate and return their first argument; `merge` stores src's nested
 * maps by reference (mergo).
 */
import type { FuncMap } from '../func.ts'
import { isGoMap, type GoMap } from '../value.ts'
import { fn, isSlice, mapOrEmpty } from './args.ts'
import { strval } from './convert.ts'
import { isEmpty } from './defaults.ts'
import { FuncError } from './errors.ts'
import { compareBytes } from './text.ts'
import { goTypeName, withGoType } from './fmt-type.ts'

function dict(...v: unknown[]): GoMap {
  const out: GoMap = {}
  for (let i = 0; i < v.length; i += 2) out[strval(v[i])] = i + 1 < v.length ? v[i + 1] : ''
  return out
}

/** mergo's deepMerge of one map level into dst (Merge, or MergeWithOverwrite). */
function mergeMap(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const key of Object.keys(src)) {
    const s = src[key]
    const has = Object.hasOwn(dst, key)
    const d = dst[key]
    if (s === null || s === undefined) {
      if (overwrite) dst[key] = null
      continue
    }
    if (isGoMap(s)) {
      if (has && isGoMap(d)) mergeMap(d, s, overwrite)
    } else if (isSlice(s)) {
      let slice: unknown = has && d !== null ? d : []
      if (!isEmpty(src) && (overwrite || isEmpty(dst))) slice = s
      dst[key] = slice
    }
    if (has && !isEmpty(d) && ((isGoMap(s) && isGoMap(d)) || isSlice(s))) continue
    if (overwrite || !has || isEmpty(d)) dst[key] = s
  }
}

function merge(overwrite: boolean) {
  return (dst: GoMap | null, ...srcs: (GoMap | null)[]) => {
    if (dst === null) return null
    for (const src of srcs) if (src !== null) mergeMap(dst, src, overwrite)
    return dst
  }
}

/** copystructure.Copy over the value model: maps, lists and bytes are copied, scalars shared. */
export function deepCopy(v: unknown): unknown {
  if (v === null || v === undefined) return null
  if (v instanceof Uint8Array) return v.slice()
  const type = goTypeName(v)
  if (Array.isArray(v)) {
    const out = v.map(deepCopy)
    return type === '[]interface {}' ? out : withGoType(out, type)
  }
  if (isGoMap(v)) {
    const out: GoMap = {}
    for (const [k, x] of Object.entries(v)) out[k] = deepCopy(x)
    return type === 'map[string]interface {}' ? out : withGoType(out, type)
  }
  return v
}

// copystructure cannot copy a nil interface.
function copyOrFail(v: unknown): unknown {
  if (v === null || v === undefined)
    throw new FuncError('reflect: call of reflect.Value.Type on zero Value')
  return deepCopy(v)
}

// dig type-asserts map[string]interface {}: a named map type such as Helm's root .Values
// (chartutil.Values, marked with withGoType) does not pass, as in Go.
function isPlainMap(v: unknown): v is GoMap {
  return isGoMap(v) && goTypeName(v) === 'map[string]interface {}'
}

function notMap(v: unknown): FuncError {
  const t = goTypeName(v)
  return new FuncError(
    t === '<nil>'
      ? 'interface conversion: interface {} is nil, not map[string]interface {}'
      : `interface conversion: interface {} is ${t}, not map[string]interface {}`,
  )
}

function dig(...ps: unknown[]): unknown {
  if (ps.length < 3) throw new FuncError('dig needs at least three arguments')
  let dict = ps[ps.length - 1]
  const def = ps[ps.length - 2]
  const keys = ps.slice(0, -2)
  for (const k of keys)
    if (typeof k !== 'string')
      throw new FuncError(`interface conversion: interface {} is ${typeof k}, not string`)
  if (!isPlainMap(dict)) throw notMap(dict)
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string
    if (!Object.hasOwn(dict as GoMap, k)) return def
    const step = (dict as GoMap)[k]
    if (i === keys.length - 1) return step
    if (!isPlainMap(step)) throw notMap(step)
    dict = step
  }
  return def
}

/**
 * Dict functions. Go returns `keys` and `values` in random map order; Slipway returns them
 * sorted by key, one of the orders Helm may produce, and the same on every render.
 */
export const dictFuncs: FuncMap = {
  dict: fn([], dict, 'any'),
  get: fn(['map', 'string'], (d: GoMap | null, k: string) =>
    d !== null && Object.hasOwn(d, k) ? d[k] : '',
  ),
  set: fn(['map', 'string', 'any'], (d: GoMap | null, k: string, v: unknown) => {
    if (d === null) throw new FuncError('assignment to entry in nil map')
    d[k] = v
    return d
  }),
  unset: fn(['map', 'string'], (d: GoMap | null, k: string) => {
    if (d !== null) delete d[k]
    return d
  }),
  hasKey: fn(['map', 'string'], (d: GoMap | null, k: string) => d !== null && Object.hasOwn(d, k)),
  pluck: fn(
    ['string'],
    (k: string, ...ds: (GoMap | null)[]) =>
      ds.filter((d) => d !== null && Object.hasOwn(d, k)).map((d) => d![k]),
    'map',
  ),
  keys: fn(
    [],
    (...ds: (GoMap | null)[]) =>
      withGoType(
        ds.flatMap((d) => Object.keys(mapOrEmpty(d)).sort(compareBytes)),
        '[]string',
      ),
    'map',
  ),
  values: fn(['map'], (d: GoMap | null) => {
    const m = mapOrEmpty(d)
    return Object.keys(m)
      .sort(compareBytes)
      .map((k) => m[k])
  }),
  pick: fn(
    ['map'],
    (d: GoMap | null, ...ks: string[]) => {
      const out: GoMap = {}
      for (const k of ks) if (d !== null && Object.hasOwn(d, k)) out[k] = d[k]
      return out
    },
    'string',
  ),
  omit: fn(
    ['map'],
    (d: GoMap | null, ...ks: string[]) => {
      const out: GoMap = {}
      const drop = new Set(ks)
      for (const [k, v] of Object.entries(mapOrEmpty(d))) if (!drop.has(k)) out[k] = v
      return out
    },
    'string',
  ),
  merge: fn(['map'], merge(false), 'map'),
  mustMerge: fn(['map'], merge(false), 'map'),
  mergeOverwrite: fn(['map'], merge(true), 'map'),
  mustMergeOverwrite: fn(['map'], merge(true), 'map'),
  deepCopy: fn(['any'], copyOrFail),
  mustDeepCopy: fn(['any'], copyOrFail),
  dig: fn([], dig, 'any'),
}
