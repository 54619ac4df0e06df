/** Server-side apply: field sets in the FieldsV1 format, ownership, conflicts and the apply merge. */
import { clone, isObj, mergeKeyFor, type Obj } from './patch.ts'

/** A field path as FieldsV1 segments: `f:spec`, `k:{"name":"web"}`. */
export type FieldPath = string[]

const serverMetadata = new Set([
  'managedFields',
  'resourceVersion',
  'uid',
  'creationTimestamp',
  'generation',
  'name',
  'namespace',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
])

/** The leaf paths an object sets (what a manager owns after writing it). */
export function leafPaths(obj: Obj, includeStatus: boolean): FieldPath[] {
  const out: FieldPath[] = []
  const walk = (v: unknown, path: FieldPath, field: string): void => {
    if (isObj(v) && Object.keys(v).length > 0) {
      for (const [k, x] of Object.entries(v)) walk(x, [...path, `f:${k}`], k)
      return
    }
    if (Array.isArray(v) && v.length > 0) {
      const key = mergeKeyFor(field, v)
      if (key && v.every((e) => isObj(e) && e[key] !== undefined)) {
        for (const e of v as Obj[]) {
          const seg = `k:${JSON.stringify({ [key]: e[key] })}`
          out.push([...path, seg, '.'])
          for (const [k, x] of Object.entries(e)) walk(x, [...path, seg, `f:${k}`], k)
        }
        return
      }
    }
    out.push(path)
  }
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind') continue
    if (k === 'status' && !includeStatus) continue
    if (k === 'metadata' && isObj(v)) {
      for (const [mk, mv] of Object.entries(v)) {
        if (serverMetadata.has(mk)) continue
        walk(mv, ['f:metadata', `f:${mk}`], mk)
      }
      continue
    }
    walk(v, [`f:${k}`], k)
  }
  return out
}

/** A stable string key of a path. */
export const pathKey = (p: FieldPath): string => p.join('\u0000')

/** FieldsV1 JSON from leaf paths. */
export function toFieldsV1(paths: FieldPath[]): Obj {
  const root: Obj = {}
  for (const p of paths) {
    let cur = root
    for (const seg of p) {
      if (!isObj(cur[seg])) cur[seg] = {}
      cur = cur[seg] as Obj
    }
  }
  return root
}

/** Leaf paths from FieldsV1 JSON. */
export function fromFieldsV1(tree: unknown): FieldPath[] {
  const out: FieldPath[] = []
  const walk = (t: unknown, path: FieldPath): void => {
    const entries = isObj(t) ? Object.entries(t) : []
    if (entries.length === 0) {
      if (path.length) out.push(path)
      return
    }
    for (const [k, v] of entries) walk(v, [...path, k])
  }
  walk(tree, [])
  return out
}

/** The value a path points at, or undefined. */
export function valueAt(obj: unknown, path: FieldPath): unknown {
  let cur: unknown = obj
  for (const seg of path) {
    if (seg === '.') return cur
    if (seg.startsWith('f:')) {
      cur = isObj(cur) ? cur[seg.slice(2)] : undefined
    } else if (seg.startsWith('k:')) {
      const want = JSON.parse(seg.slice(2)) as Obj
      const [k, val] = Object.entries(want)[0] ?? []
      cur = Array.isArray(cur)
        ? cur.find((e) => isObj(e) && k !== undefined && e[k] === val)
        : undefined
    } else return undefined
    if (cur === undefined) return undefined
  }
  return cur
}

/** Removes the field a path points at (list items by key). */
export function removeAt(obj: Obj, path: FieldPath): void {
  const isItem = path[path.length - 1] === '.'
  const p = isItem ? path.slice(0, -1) : path
  const parent = valueAt(obj, p.slice(0, -1))
  const last = p[p.length - 1]
  if (last === undefined) return
  if (last.startsWith('f:') && isObj(parent)) delete parent[last.slice(2)]
  else if (last.startsWith('k:') && Array.isArray(parent)) {
    const [k, val] = Object.entries(JSON.parse(last.slice(2)) as Obj)[0] ?? []
    const i = parent.findIndex((e) => isObj(e) && k !== undefined && e[k] === val)
    if (i >= 0) parent.splice(i, 1)
  }
}

/** `.spec.template.spec.containers[name="web"].image`: how conflict messages name a field. */
export function pathString(path: FieldPath): string {
  let s = ''
  for (const seg of path) {
    if (seg === '.') continue
    if (seg.startsWith('f:')) s += `.${seg.slice(2)}`
    else if (seg.startsWith('k:')) {
      const parts = Object.entries(JSON.parse(seg.slice(2)) as Obj).map(
        ([k, v]) => `${k}=${JSON.stringify(v)}`,
      )
      s += `[${parts.join(',')}]`
    }
  }
  return s
}

/** The apply merge: maps merge, keyed lists merge by key, every other list and scalar is replaced. */
export function applyMerge(live: unknown, config: unknown, field = ''): unknown {
  if (isObj(config)) {
    const out: Obj = isObj(live) ? clone(live) : {}
    for (const [k, v] of Object.entries(config)) {
      if (v === null) delete out[k]
      else out[k] = applyMerge(out[k], v, k)
    }
    return out
  }
  if (Array.isArray(config)) {
    const key = mergeKeyFor(field, config)
    if (key && Array.isArray(live) && config.every((e) => isObj(e) && e[key] !== undefined)) {
      const out = clone(live)
      for (const e of config as Obj[]) {
        const i = out.findIndex((o) => isObj(o) && o[key] === e[key])
        if (i >= 0) out[i] = applyMerge(out[i], e)
        else out.push(clone(e))
      }
      return out
    }
    return clone(config)
  }
  return config
}
