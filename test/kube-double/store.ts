/**
 * The double's state: every object, resourceVersions, the event log that feeds watches, garbage
 * collection through ownerReferences, CustomResourceDefinitions, and the hooks tests use to make
 * writes fail.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { builtinTypesWithCategories, groupVersion, type ResourceType } from './catalog.ts'
import {
  applyMerge,
  fromFieldsV1,
  leafPaths,
  pathKey,
  pathString,
  removeAt,
  toFieldsV1,
  valueAt,
  type FieldPath,
} from './fields.ts'
import { clone, isObj, type Obj } from './patch.ts'
import type { Matcher } from './selectors.ts'
import {
  alreadyExists,
  ApiStatusError,
  badRequest,
  conflict,
  invalid,
  notFound,
  type StatusCause,
} from './status.ts'
import { validate } from './validate.ts'

/** Annotation that makes the double reject an object with 422 (its value is the message). */
export const rejectAnnotation = 'kube-double.slipway.dev/reject'
/** Annotation that makes the kubelet mode fail a workload (its value is the reason). */
export const failAnnotation = 'kube-double.slipway.dev/fail'

/** The kind of write a rejection rule sees. */
export type WriteOp = 'create' | 'update' | 'patch' | 'apply'

/** A test hook: return a message (or causes) to reject the write with 422 Invalid. */
export type RejectRule = (
  type: ResourceType,
  obj: Obj,
  op: WriteOp,
) => string | StatusCause[] | undefined

/** One watch event. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED'
  object: Obj
}

interface LogEntry {
  rv: number
  typeKey: string
  ns: string
  event: WatchEvent
}

interface Watcher {
  typeKey: string
  ns: string | undefined
  match: Matcher
  send(event: WatchEvent): void
}

/** Options of a write. */
export interface WriteOptions {
  dryRun?: boolean
  fieldManager?: string
  force?: boolean
}

interface ManagedEntry {
  manager: string
  operation: 'Apply' | 'Update'
  apiVersion: string
  time: string
  fieldsType: 'FieldsV1'
  fieldsV1: Obj
  subresource?: string
}

const typeKeyOf = (t: { group: string; resource: string }): string => `${t.group}/${t.resource}`
const objKey = (typeKey: string, ns: string, name: string): string => `${typeKey}|${ns}|${name}`
const now = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z')
const logLimit = 10_000

function meta(obj: Obj): Obj {
  if (!isObj(obj.metadata)) obj.metadata = {}
  return obj.metadata as Obj
}

function specOf(obj: Obj): string {
  const { metadata: _m, status: _s, ...rest } = obj
  void _m
  void _s
  return JSON.stringify(rest)
}

/** The double's in-memory API state. */
export class Store {
  readonly types: ResourceType[] = builtinTypesWithCategories()
  private readonly objects = new Map<string, Obj>()
  private readonly log: LogEntry[] = []
  private readonly watchers = new Set<Watcher>()
  private readonly rules = new Set<RejectRule>()
  private readonly listeners = new Set<(type: ResourceType, event: WatchEvent) => void>()
  /** Pod logs by `namespace/name`; the kubelet mode writes a line when it starts a pod. */
  readonly podLogs = new Map<string, string>()
  private rv = 1
  private saveTimer: NodeJS.Timeout | undefined

  constructor(private readonly stateFile?: string) {
    if (stateFile && existsSync(stateFile)) this.load(stateFile)
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      if (!this.getRaw(this.typeFor('', 'v1', 'namespaces'), '', ns)) {
        this.create(this.typeFor('', 'v1', 'namespaces'), '', {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: ns },
        })
      }
    }
  }

  /** The newest resourceVersion. */
  get resourceVersion(): string {
    return String(this.rv)
  }

  /** Looks a served type up by group, version and plural. */
  findType(group: string, version: string, resource: string): ResourceType | undefined {
    return this.types.find(
      (t) => t.group === group && t.version === version && t.resource === resource,
    )
  }

  /** Looks a served type up by apiVersion and kind. */
  findKind(apiVersion: string, kind: string): ResourceType | undefined {
    return this.types.find((t) => groupVersion(t) === apiVersion && t.kind === kind)
  }

  private typeFor(group: string, version: string, resource: string): ResourceType {
    const t = this.findType(group, version, resource)
    if (!t) throw new Error(`no type ${group}/${version}/${resource}`)
    return t
  }

  /** Registers a rejection rule; returns a function that removes it. */
  reject(rule: RejectRule): () => void {
    this.rules.add(rule)
    return () => this.rules.delete(rule)
  }

  /** Called after every stored change (the kubelet mode listens here). */
  onChange(listener: (type: ResourceType, event: WatchEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Registers a watch; returns a function that stops it. */
  watch(
    type: ResourceType,
    ns: string | undefined,
    match: Matcher,
    since: string | undefined,
    send: (e: WatchEvent) => void,
  ): () => void {
    const typeKey = typeKeyOf(type)
    if (since === undefined || since === '' || since === '0') {
      for (const obj of this.listRaw(type, ns))
        if (match(obj)) send({ type: 'ADDED', object: this.output(type, obj) })
    } else {
      const from = Number(since)
      const oldest = this.log[0]?.rv ?? this.rv
      if (!Number.isFinite(from) || from < oldest - 1) {
        throw new ApiStatusError(410, 'Expired', `too old resource version: ${since} (${oldest})`)
      }
      for (const entry of this.log) {
        if (
          entry.rv > from &&
          entry.typeKey === typeKey &&
          (ns === undefined || entry.ns === ns) &&
          match(entry.event.object)
        ) {
          send({ type: entry.event.type, object: this.output(type, entry.event.object) })
        }
      }
    }
    const watcher: Watcher = {
      typeKey,
      ns,
      match,
      send: (e) => send({ type: e.type, object: this.output(type, e.object) }),
    }
    this.watchers.add(watcher)
    return () => this.watchers.delete(watcher)
  }

  private emit(type: ResourceType, event: WatchEvent, old?: Obj): void {
    const typeKey = typeKeyOf(type)
    const md = meta(event.object)
    const ns = String(md.namespace ?? '')
    this.log.push({
      rv: this.rv,
      typeKey,
      ns,
      event: { type: event.type, object: clone(event.object) },
    })
    if (this.log.length > logLimit) this.log.splice(0, this.log.length - logLimit)
    for (const w of this.watchers) {
      if (w.typeKey !== typeKey || (w.ns !== undefined && w.ns !== ns)) continue
      const now = w.match(event.object)
      if (now) w.send(event)
      else if (event.type === 'MODIFIED' && old && w.match(old))
        w.send({ type: 'DELETED', object: event.object })
    }
    for (const l of this.listeners) l(type, event)
    this.scheduleSave()
  }

  /** An object as clients see it: apiVersion and kind of the type asked for. */
  output(type: ResourceType, obj: Obj): Obj {
    const { apiVersion: _a, kind: _k, ...rest } = clone(obj)
    void _a
    void _k
    return { apiVersion: groupVersion(type), kind: type.kind, ...rest }
  }

  /** The stored object, or undefined (no copy: do not modify). */
  getRaw(type: ResourceType, ns: string, name: string): Obj | undefined {
    return this.objects.get(objKey(typeKeyOf(type), type.namespaced ? ns : '', name))
  }

  /** Every stored object of a type (in one namespace, or all). */
  listRaw(type: ResourceType, ns: string | undefined): Obj[] {
    const prefix = `${typeKeyOf(type)}|`
    const out: Obj[] = []
    for (const [k, v] of this.objects) {
      if (!k.startsWith(prefix)) continue
      if (type.namespaced && ns !== undefined && meta(v).namespace !== ns) continue
      out.push(v)
    }
    return out.sort((a, b) => {
      const ka = `${meta(a).namespace ?? ''}/${meta(a).name}`
      const kb = `${meta(b).namespace ?? ''}/${meta(b).name}`
      return ka < kb ? -1 : ka > kb ? 1 : 0
    })
  }

  /** GET. */
  get(type: ResourceType, ns: string, name: string): Obj {
    const obj = this.getRaw(type, ns, name)
    if (!obj) throw notFound(type, name)
    return this.output(type, obj)
  }

  private checkNamespace(type: ResourceType, ns: string): void {
    if (!type.namespaced) return
    const nsType = this.typeFor('', 'v1', 'namespaces')
    if (!this.getRaw(nsType, '', ns)) throw notFound(nsType, ns)
  }

  private checkValid(type: ResourceType, obj: Obj, op: WriteOp): void {
    const name = String(meta(obj).name ?? '')
    const causes = validate(type, obj)
    const annotations = isObj(meta(obj).annotations) ? (meta(obj).annotations as Obj) : {}
    const forced = annotations[rejectAnnotation]
    if (typeof forced === 'string')
      causes.push({
        reason: 'FieldValueForbidden',
        message: `Forbidden: ${forced}`,
        field: 'metadata.annotations',
      })
    for (const rule of this.rules) {
      const r = rule(type, obj, op)
      if (typeof r === 'string')
        causes.push({
          reason: 'FieldValueForbidden',
          message: `Forbidden: ${r}`,
          field: 'metadata',
        })
      else if (r) causes.push(...r)
    }
    if (causes.length) throw invalid(type, name, causes)
  }

  private defaults(type: ResourceType, obj: Obj, old: Obj | undefined): void {
    const spec = isObj(obj.spec) ? obj.spec : undefined
    switch (type.kind) {
      case 'Secret': {
        if (!obj.type) obj.type = 'Opaque'
        if (isObj(obj.stringData)) {
          const data = isObj(obj.data) ? obj.data : {}
          for (const [k, v] of Object.entries(obj.stringData))
            data[k] = Buffer.from(String(v)).toString('base64')
          obj.data = data
          delete obj.stringData
        }
        break
      }
      case 'Service': {
        if (!spec) break
        if (!spec.type) spec.type = 'ClusterIP'
        if (!spec.sessionAffinity) spec.sessionAffinity = 'None'
        const oldSpec = old && isObj(old.spec) ? old.spec : {}
        if (!spec.clusterIP && spec.type !== 'ExternalName') {
          spec.clusterIP =
            (oldSpec.clusterIP as string) ?? `10.96.${(this.rv >> 8) & 255}.${this.rv & 255}`
          spec.clusterIPs = [spec.clusterIP]
        }
        if (Array.isArray(spec.ports)) {
          for (const p of spec.ports) {
            if (!isObj(p)) continue
            if (!p.protocol) p.protocol = 'TCP'
            if (p.targetPort === undefined) p.targetPort = p.port
          }
        }
        break
      }
      case 'Deployment':
      case 'StatefulSet':
      case 'ReplicaSet':
        if (spec && spec.replicas === undefined) spec.replicas = 1
        if (spec && type.kind === 'Deployment' && !spec.strategy) {
          spec.strategy = {
            type: 'RollingUpdate',
            rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
          }
        }
        if (spec && spec.revisionHistoryLimit === undefined && type.kind !== 'ReplicaSet')
          spec.revisionHistoryLimit = 10
        break
      case 'Job':
        if (spec && spec.backoffLimit === undefined) spec.backoffLimit = 6
        if (spec && spec.completions === undefined) spec.completions = 1
        if (spec && spec.parallelism === undefined) spec.parallelism = 1
        break
    }
  }

  private initialStatus(type: ResourceType, obj: Obj): void {
    switch (type.kind) {
      case 'Namespace':
        obj.status = { phase: 'Active' }
        obj.spec = { finalizers: ['kubernetes'] }
        break
      case 'Pod':
        obj.status = { phase: 'Pending' }
        break
      case 'PersistentVolumeClaim':
        obj.status = { phase: 'Pending' }
        break
      case 'Service':
        obj.status = { loadBalancer: {} }
        break
      case 'CustomResourceDefinition': {
        const spec = obj.spec as Obj
        const at = now()
        obj.status = {
          acceptedNames: clone(spec.names),
          storedVersions: (spec.versions as Obj[]).filter((v) => v.storage).map((v) => v.name),
          conditions: [
            {
              type: 'NamesAccepted',
              status: 'True',
              reason: 'NoConflicts',
              message: 'no conflicts found',
              lastTransitionTime: at,
            },
            {
              type: 'Established',
              status: 'True',
              reason: 'InitialNamesAccepted',
              message: 'the initial names have been accepted',
              lastTransitionTime: at,
            },
          ],
        }
        break
      }
      default:
        if (type.hasStatus) obj.status = {}
        else delete obj.status
    }
  }

  private managedEntries(obj: Obj): ManagedEntry[] {
    const mf = meta(obj).managedFields
    return Array.isArray(mf) ? (mf as ManagedEntry[]) : []
  }

  /** Records that `manager` wrote the fields that changed from `old` to `obj` (an Update). */
  private recordUpdate(type: ResourceType, obj: Obj, old: Obj | undefined, manager: string): void {
    const paths = leafPaths(obj, false).filter(
      (p) => !old || JSON.stringify(valueAt(old, p)) !== JSON.stringify(valueAt(obj, p)),
    )
    const changed = new Set(paths.map(pathKey))
    const entries = (old ? this.managedEntries(old) : []).map((e) => ({
      ...e,
      fieldsV1: clone(e.fieldsV1),
    }))
    const out: ManagedEntry[] = []
    let mine: FieldPath[] = []
    for (const e of entries) {
      const own = fromFieldsV1(e.fieldsV1).filter((p) => valueAt(obj, p) !== undefined)
      if (e.manager === manager && e.operation === 'Update' && !e.subresource) {
        mine = own
        continue
      }
      const kept = own.filter((p) => !changed.has(pathKey(p)))
      if (kept.length) out.push({ ...e, fieldsV1: toFieldsV1(kept) })
    }
    const all = new Map(mine.map((p) => [pathKey(p), p]))
    for (const p of paths) all.set(pathKey(p), p)
    if (all.size) {
      out.push({
        manager,
        operation: 'Update',
        apiVersion: groupVersion(type),
        time: now(),
        fieldsType: 'FieldsV1',
        fieldsV1: toFieldsV1([...all.values()]),
      })
    }
    meta(obj).managedFields = out
  }

  private store(type: ResourceType, obj: Obj, kind: 'ADDED' | 'MODIFIED', old?: Obj): Obj {
    this.rv++
    meta(obj).resourceVersion = String(this.rv)
    const md = meta(obj)
    this.objects.set(objKey(typeKeyOf(type), String(md.namespace ?? ''), String(md.name)), obj)
    if (type.kind === 'CustomResourceDefinition') this.registerCrd(obj)
    this.emit(type, { type: kind, object: obj }, old)
    return this.output(type, obj)
  }

  private checkKind(type: ResourceType, body: Obj): void {
    if (body.kind !== undefined && body.kind !== type.kind) {
      throw badRequest(
        `the API version in the data (${String(body.apiVersion)}) does not match the expected API version (${groupVersion(type)})`,
      )
    }
  }

  /** POST. */
  create(type: ResourceType, ns: string, body: Obj, opts: WriteOptions = {}): Obj {
    this.checkKind(type, body)
    const obj = clone(body)
    const md = meta(obj)
    if (!md.name && typeof md.generateName === 'string') {
      md.name = md.generateName + Math.random().toString(36).slice(2, 7)
    }
    if (type.namespaced) {
      if (md.namespace && md.namespace !== ns) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        )
      }
      md.namespace = ns
    } else delete md.namespace
    this.checkValid(type, obj, 'create')
    this.checkNamespace(type, ns)
    if (this.getRaw(type, ns, String(md.name))) throw alreadyExists(type, String(md.name))
    delete md.resourceVersion
    md.uid = randomUUID()
    md.creationTimestamp = now()
    if (type.hasStatus) md.generation = 1
    this.defaults(type, obj, undefined)
    this.initialStatus(type, obj)
    this.recordUpdate(type, obj, undefined, opts.fieldManager ?? 'unknown')
    if (opts.dryRun) return this.output(type, obj)
    return this.store(type, obj, 'ADDED')
  }

  private finishUpdate(
    type: ResourceType,
    existing: Obj,
    obj: Obj,
    op: WriteOp,
    opts: WriteOptions,
    managed?: ManagedEntry[],
    managedOnly = false,
  ): Obj {
    const md = meta(obj)
    const old = meta(existing)
    for (const k of [
      'uid',
      'creationTimestamp',
      'generation',
      'namespace',
      'name',
      'deletionTimestamp',
    ]) {
      if (old[k] !== undefined) md[k] = old[k]
      else delete md[k]
    }
    if (type.hasStatus && existing.status !== undefined) obj.status = clone(existing.status)
    this.defaults(type, obj, existing)
    this.checkValid(type, obj, op)
    this.checkImmutable(type, existing, obj)
    if (type.hasStatus && specOf(obj) !== specOf(existing))
      md.generation = Number(old.generation ?? 0) + 1
    if (managed) md.managedFields = managed
    else this.recordUpdate(type, obj, existing, opts.fieldManager ?? 'unknown')
    if (opts.dryRun) {
      md.resourceVersion = old.resourceVersion
      return this.output(type, obj)
    }
    if (
      !managedOnly &&
      JSON.stringify({ ...obj, metadata: { ...md, managedFields: undefined } }) ===
        JSON.stringify({ ...existing, metadata: { ...old, managedFields: undefined } })
    ) {
      // a no-op write keeps its resourceVersion and sends no event, as the real server
      md.resourceVersion = old.resourceVersion
      this.objects.set(objKey(typeKeyOf(type), String(md.namespace ?? ''), String(md.name)), obj)
      return this.output(type, obj)
    }
    return this.store(type, obj, 'MODIFIED', existing)
  }

  /** Fields the real server refuses to change after creation. */
  private checkImmutable(type: ResourceType, old: Obj, obj: Obj): void {
    const spec = (o: Obj): Obj => (isObj(o.spec) ? o.spec : {})
    const fields: string[] =
      type.kind === 'Deployment' ||
      type.kind === 'StatefulSet' ||
      type.kind === 'DaemonSet' ||
      type.kind === 'ReplicaSet'
        ? ['selector']
        : type.kind === 'Job'
          ? ['selector', 'template', 'completionMode']
          : type.kind === 'PersistentVolumeClaim'
            ? ['storageClassName', 'volumeName']
            : []
    const causes: StatusCause[] = []
    for (const f of fields) {
      const before = spec(old)[f]
      if (before === undefined) continue
      if (JSON.stringify(before) !== JSON.stringify(spec(obj)[f])) {
        causes.push({
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${JSON.stringify(spec(obj)[f] ?? null)}: field is immutable`,
          field: `spec.${f}`,
        })
      }
    }
    if (type.kind === 'Secret' || type.kind === 'ConfigMap') {
      if (
        old.immutable === true &&
        (JSON.stringify(old.data) !== JSON.stringify(obj.data) ||
          JSON.stringify(old.binaryData) !== JSON.stringify(obj.binaryData))
      ) {
        causes.push({
          reason: 'FieldValueForbidden',
          message: 'Forbidden: field is immutable when `immutable` is set',
          field: 'data',
        })
      }
    }
    if (causes.length) throw invalid(type, String(meta(obj).name), causes)
  }

  /** PUT. */
  update(type: ResourceType, ns: string, name: string, body: Obj, opts: WriteOptions = {}): Obj {
    this.checkKind(type, body)
    const existing = this.getRaw(type, ns, name)
    if (!existing) throw notFound(type, name)
    const obj = clone(body)
    const md = meta(obj)
    if (md.name !== undefined && md.name !== name)
      throw badRequest(
        `the name of the object (${String(md.name)}) does not match the name on the URL (${name})`,
      )
    if (
      md.resourceVersion !== undefined &&
      md.resourceVersion !== '' &&
      md.resourceVersion !== meta(existing).resourceVersion
    )
      throw conflict(type, name)
    return this.finishUpdate(type, existing, obj, 'update', opts)
  }

  /** PATCH with a function that computes the patched object (json, merge and strategic patches). */
  patch(
    type: ResourceType,
    ns: string,
    name: string,
    fn: (current: Obj) => unknown,
    opts: WriteOptions = {},
  ): Obj {
    const existing = this.getRaw(type, ns, name)
    if (!existing) throw notFound(type, name)
    const patched = fn(this.output(type, existing))
    if (!isObj(patched)) throw badRequest('the patch did not produce an object')
    const md = meta(patched)
    if (md.resourceVersion !== meta(existing).resourceVersion && md.resourceVersion !== undefined)
      throw conflict(type, name)
    // a patch that writes managedFields sets them as given (how clients migrate ownership)
    const explicit =
      JSON.stringify(md.managedFields) !== JSON.stringify(meta(existing).managedFields) &&
      Array.isArray(md.managedFields)
    return this.finishUpdate(
      type,
      existing,
      patched,
      'patch',
      opts,
      explicit ? (md.managedFields as ManagedEntry[]) : undefined,
      explicit,
    )
  }

  /** PATCH with `application/apply-patch+yaml`: server-side apply. */
  apply(type: ResourceType, ns: string, name: string, config: Obj, opts: WriteOptions): Obj {
    const manager = opts.fieldManager
    if (!manager) {
      throw new ApiStatusError(
        422,
        'Invalid',
        'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
        {
          group: 'meta.k8s.io',
          kind: 'PatchOptions',
          causes: [
            {
              reason: 'FieldValueRequired',
              message: 'Required value: is required for apply patch',
              field: 'fieldManager',
            },
          ],
        },
      )
    }
    this.checkKind(type, config)
    const cmd = meta(config)
    if (cmd.name !== name)
      throw badRequest(
        `the name of the object (${String(cmd.name)}) does not match the name on the URL (${name})`,
      )
    if (type.namespaced && cmd.namespace !== undefined && cmd.namespace !== ns) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      )
    }
    const applied = leafPaths(config, false)
    const appliedKeys = new Set(applied.map(pathKey))
    const entry = (): ManagedEntry => ({
      manager,
      operation: 'Apply',
      apiVersion: groupVersion(type),
      time: now(),
      fieldsType: 'FieldsV1',
      fieldsV1: toFieldsV1(applied),
    })
    const existing = this.getRaw(type, ns, name)
    if (!existing) {
      const created = this.create(type, ns, config, { ...opts, dryRun: true })
      meta(created).managedFields = [entry()]
      if (opts.dryRun) return created
      const obj = clone(created)
      delete meta(obj).resourceVersion
      return this.store(type, obj, 'ADDED')
    }
    const conflicts: Array<{ manager: string; apiVersion: string; path: FieldPath }> = []
    const others: ManagedEntry[] = []
    let previous: FieldPath[] = []
    for (const e of this.managedEntries(existing)) {
      const own = fromFieldsV1(e.fieldsV1)
      if (e.manager === manager && e.operation === 'Apply') {
        previous = own
        continue
      }
      if (e.subresource) {
        others.push(e)
        continue
      }
      const kept: FieldPath[] = []
      for (const p of own) {
        const overlaps = appliedKeys.has(pathKey(p)) && p[p.length - 1] !== '.'
        if (
          overlaps &&
          JSON.stringify(valueAt(existing, p)) !== JSON.stringify(valueAt(config, p))
        ) {
          conflicts.push({ manager: e.manager, apiVersion: e.apiVersion, path: p })
          if (opts.force) continue
        }
        kept.push(p)
      }
      if (kept.length) others.push({ ...e, fieldsV1: toFieldsV1(kept) })
    }
    if (conflicts.length && !opts.force) {
      const lines = conflicts.map(
        (c) => `conflict with "${c.manager}" using ${c.apiVersion}: ${pathString(c.path)}`,
      )
      const msg =
        conflicts.length === 1
          ? `Apply failed with 1 conflict: ${lines[0]}`
          : `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`
      throw new ApiStatusError(409, 'Conflict', msg, {
        causes: conflicts.map((c) => ({
          reason: 'FieldManagerConflict',
          message: `conflict with "${c.manager}" using ${c.apiVersion}`,
          field: pathString(c.path),
        })),
      })
    }
    const ownedByOthers = new Set(others.flatMap((e) => fromFieldsV1(e.fieldsV1)).map(pathKey))
    let obj = clone(existing)
    for (const p of previous) {
      if (!appliedKeys.has(pathKey(p)) && !ownedByOthers.has(pathKey(p))) removeAt(obj, p)
    }
    obj = applyMerge(obj, config) as Obj
    meta(obj).resourceVersion = meta(existing).resourceVersion
    return this.finishUpdate(type, existing, obj, 'apply', opts, [...others, entry()])
  }

  /** Writes the status subresource (kubelet mode and `/status` requests). */
  setStatus(type: ResourceType, ns: string, name: string, status: unknown): Obj {
    const existing = this.getRaw(type, ns, name)
    if (!existing) throw notFound(type, name)
    if (JSON.stringify(existing.status) === JSON.stringify(status))
      return this.output(type, existing)
    const obj = clone(existing)
    obj.status = clone(status)
    return this.store(type, obj, 'MODIFIED', existing)
  }

  /** DELETE; cascades to dependents unless the policy is Orphan. */
  delete(
    type: ResourceType,
    ns: string,
    name: string,
    opts: { dryRun?: boolean; propagationPolicy?: string } = {},
  ): Obj {
    const existing = this.getRaw(type, ns, name)
    if (!existing) throw notFound(type, name)
    const out = this.output(type, existing)
    if (opts.dryRun) return out
    this.remove(type, existing, opts.propagationPolicy !== 'Orphan')
    return out
  }

  private remove(type: ResourceType, obj: Obj, cascade: boolean): void {
    const md = meta(obj)
    const key = objKey(typeKeyOf(type), String(md.namespace ?? ''), String(md.name))
    if (!this.objects.has(key)) return
    this.objects.delete(key)
    this.rv++
    const gone = clone(obj)
    meta(gone).resourceVersion = String(this.rv)
    this.emit(type, { type: 'DELETED', object: gone })
    if (type.kind === 'Namespace') {
      for (const t of this.uniqueTypes())
        if (t.namespaced) for (const o of this.listRaw(t, String(md.name))) this.remove(t, o, true)
    }
    if (type.kind === 'CustomResourceDefinition') this.unregisterCrd(obj)
    if (cascade) {
      const uid = md.uid
      for (const t of this.uniqueTypes()) {
        for (const o of this.listRaw(t, undefined)) {
          const refs = meta(o).ownerReferences
          if (Array.isArray(refs) && refs.some((r) => isObj(r) && r.uid === uid))
            this.remove(t, o, true)
        }
      }
    }
  }

  /** One type per group/resource (several versions share storage). */
  uniqueTypes(): ResourceType[] {
    const seen = new Set<string>()
    return this.types.filter((t) => {
      const k = typeKeyOf(t)
      if (seen.has(k)) return false
      seen.add(k)
      return true
    })
  }

  private registerCrd(crd: Obj): void {
    const spec = crd.spec as Obj
    const names = spec.names as Obj
    const name = String(meta(crd).name)
    for (const v of spec.versions as Obj[]) {
      if (v.served === false) continue
      if (this.findType(String(spec.group), String(v.name), String(names.plural))) continue
      this.types.push({
        group: String(spec.group),
        version: String(v.name),
        resource: String(names.plural),
        singular: String(names.singular ?? String(names.kind).toLowerCase()),
        kind: String(names.kind),
        namespaced: spec.scope !== 'Cluster',
        shortNames: Array.isArray(names.shortNames) ? (names.shortNames as string[]) : undefined,
        hasStatus: isObj(v.subresources) && isObj((v.subresources as Obj).status),
        crd: name,
      })
    }
  }

  private unregisterCrd(crd: Obj): void {
    const name = String(meta(crd).name)
    const dropped = this.types.filter((t) => t.crd === name)
    for (const t of dropped) for (const o of this.listRaw(t, undefined)) this.remove(t, o, true)
    for (let i = this.types.length - 1; i >= 0; i--)
      if (this.types[i]?.crd === name) this.types.splice(i, 1)
  }

  private scheduleSave(): void {
    if (!this.stateFile || this.saveTimer) return
    this.saveTimer = setTimeout(() => this.save(), 20)
  }

  /** Writes the state file now (if there is one). */
  save(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = undefined
    if (!this.stateFile) return
    writeFileSync(
      this.stateFile,
      JSON.stringify({ rv: this.rv, objects: [...this.objects.entries()] }),
    )
  }

  private load(file: string): void {
    const state = JSON.parse(readFileSync(file, 'utf8')) as {
      rv: number
      objects: Array<[string, Obj]>
    }
    this.rv = state.rv
    for (const [k, v] of state.objects) {
      this.objects.set(k, v)
      if (k.startsWith('apiextensions.k8s.io/customresourcedefinitions|')) this.registerCrd(v)
    }
  }
}
