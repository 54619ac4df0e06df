/** The three patch formats kube-apiserver accepts besides apply: JSON patch, merge patch, strategic merge patch. */
import { badRequest, ApiStatusError } from './status.ts'

/** A JSON object. */
export type Obj = Record<string, unknown>

/** True for a plain JSON object. */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A deep copy of JSON data. */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T)
}

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~')
}

/** RFC 6902 JSON patch. */
export function jsonPatch(doc: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops))
    throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch')
  let root = clone(doc)
  for (const raw of ops) {
    if (!isObj(raw)) throw badRequest('invalid JSON patch operation')
    const op = String(raw.op)
    const path = String(raw.path ?? '')
    const get = (p: string): unknown => {
      let cur: unknown = root
      for (const tok of p.split('/').slice(1).map(unescape)) {
        if (Array.isArray(cur)) cur = cur[Number(tok)]
        else if (isObj(cur)) cur = cur[tok]
        else return undefined
      }
      return cur
    }
    const parentOf = (p: string): [unknown, string] => {
      const toks = p.split('/').slice(1).map(unescape)
      const last = toks.pop() as string
      let cur: unknown = root
      for (const tok of toks) {
        if (Array.isArray(cur)) cur = cur[Number(tok)]
        else if (isObj(cur)) cur = cur[tok]
        else cur = undefined
        if (cur === undefined)
          throw new ApiStatusError(
            422,
            'Invalid',
            `the server rejected our request due to an error in our request: doc is missing path: "${p}"`,
          )
      }
      return [cur, last]
    }
    const remove = (p: string): unknown => {
      const [parent, key] = parentOf(p)
      if (Array.isArray(parent)) return parent.splice(Number(key), 1)[0]
      if (isObj(parent) && key in parent) {
        const v = parent[key]
        delete parent[key]
        return v
      }
      throw new ApiStatusError(
        422,
        'Invalid',
        `the server rejected our request due to an error in our request: Unable to remove nonexistent key: ${key}: missing value`,
      )
    }
    const add = (p: string, value: unknown): void => {
      if (p === '') {
        root = value
        return
      }
      const [parent, key] = parentOf(p)
      if (Array.isArray(parent)) {
        if (key === '-') parent.push(value)
        else parent.splice(Number(key), 0, value)
      } else if (isObj(parent)) parent[key] = value
    }
    switch (op) {
      case 'add':
        add(path, clone(raw.value))
        break
      case 'remove':
        remove(path)
        break
      case 'replace': {
        if (path === '') root = clone(raw.value)
        else {
          const [parent, key] = parentOf(path)
          if (Array.isArray(parent)) parent[Number(key)] = clone(raw.value)
          else if (isObj(parent)) parent[key] = clone(raw.value)
        }
        break
      }
      case 'move':
        add(path, remove(String(raw.from)))
        break
      case 'copy':
        add(path, clone(get(String(raw.from))))
        break
      case 'test':
        if (JSON.stringify(get(path)) !== JSON.stringify(raw.value)) {
          throw new ApiStatusError(
            422,
            'Invalid',
            `the server rejected our request due to an error in our request: testing value ${path} failed`,
          )
        }
        break
      default:
        throw badRequest(`Unexpected kind: ${op}`)
    }
  }
  return root
}

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return clone(patch)
  const out: Obj = isObj(target) ? clone(target) : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = mergePatch(out[k], v)
  }
  return out
}

/**
 * The merge key of a list field, by field name (and, for `ports`, by the shape of its items):
 * what the built-in types' `patchMergeKey` tags say.
 */
export function mergeKeyFor(field: string, items: unknown[]): string | undefined {
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'env':
    case 'imagePullSecrets':
      return 'name'
    case 'volumeMounts':
      return 'mountPath'
    case 'volumeDevices':
      return 'devicePath'
    case 'hostAliases':
      return 'ip'
    case 'conditions':
      return 'type'
    case 'ownerReferences':
      return 'uid'
    case 'topologySpreadConstraints':
      return 'topologyKey'
    case 'ports': {
      const first = items.find(isObj)
      if (first && 'containerPort' in first) return 'containerPort'
      return 'port'
    }
    default:
      return undefined
  }
}

/** Fields whose lists of scalars are merged as sets by strategic merge patch. */
const primitiveMergeLists = new Set(['finalizers'])

function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v))
    return v.filter((e) => !(isObj(e) && e.$patch === 'delete')).map(stripDirectives)
  if (!isObj(v)) return v
  const out: Obj = {}
  for (const [k, x] of Object.entries(v)) {
    if (k.startsWith('$')) continue
    out[k] = stripDirectives(x)
  }
  return out
}

function mergeList(field: string, orig: unknown, patch: unknown[]): unknown[] {
  const base = Array.isArray(orig) ? clone(orig) : []
  if (patch.some((e) => isObj(e) && e.$patch === 'replace')) {
    return patch.filter((e) => !(isObj(e) && e.$patch === 'replace')).map(stripDirectives)
  }
  const key = mergeKeyFor(field, [...patch, ...base])
  if (!key) {
    if (primitiveMergeLists.has(field)) {
      const out = [...base]
      for (const e of patch) if (!out.includes(e)) out.push(e)
      return out
    }
    return patch.map(stripDirectives)
  }
  const out = base
  for (const e of patch) {
    if (!isObj(e)) continue
    const idx = out.findIndex((o) => isObj(o) && o[key] === e[key])
    if (e.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1)
      continue
    }
    if (idx >= 0) out[idx] = strategicMerge(out[idx], e)
    else out.push(stripDirectives(e))
  }
  return out
}

/** Kubernetes strategic merge patch for the built-in types. */
export function strategicMerge(orig: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return clone(patch)
  if (patch.$patch === 'replace') return stripDirectives(patch)
  if (patch.$patch === 'delete') return undefined
  const out: Obj = isObj(orig) ? clone(orig) : {}
  const orders: Array<[string, unknown[]]> = []
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys') continue
    if (k.startsWith('$setElementOrder/')) {
      if (Array.isArray(v)) orders.push([k.slice('$setElementOrder/'.length), v])
      continue
    }
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length)
      if (Array.isArray(out[field]) && Array.isArray(v)) {
        out[field] = (out[field] as unknown[]).filter((e) => !v.includes(e))
      }
      continue
    }
    if (v === null) delete out[k]
    else if (Array.isArray(v)) out[k] = mergeList(k, out[k], v)
    else if (isObj(v)) {
      const merged = strategicMerge(out[k], v)
      if (merged === undefined) delete out[k]
      else out[k] = merged
    } else out[k] = v
  }
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys as string[])
    for (const k of Object.keys(out)) if (!keep.has(k)) delete out[k]
  }
  for (const [field, order] of orders) {
    const list = out[field]
    if (!Array.isArray(list)) continue
    const key = mergeKeyFor(field, list)
    const pos = (e: unknown): number => {
      const i = order.findIndex((o) => (key && isObj(o) && isObj(e) ? o[key] === e[key] : o === e))
      return i < 0 ? order.length : i
    }
    out[field] = [...list].sort((a, b) => pos(a) - pos(b))
  }
  return out
}
