/**
 * Applying a release's objects: mapping, ownership checks, a server-side dry run of everything
 * before any change, then server-side apply in install order; deletion for prune and uninstall.
 */
import type { KubeClient } from './client.ts'
import { mapLimit, runsBy } from './concurrency.ts'
import { KubeError, isStatus } from './errors.ts'
import { applyConcurrency, migrationAttempts } from './limits.ts'
import {
  describe,
  ownershipProblem,
  resourcePolicyAnnotation,
  sortForUninstall,
  stampOwnership,
  type ParsedObject,
} from './manifest.ts'
import { resourcePath, type Mapper, type ResourceInfo } from './mapper.ts'
import type { KubeObject, OnApplyEvent } from './types.ts'

/** Slipway's field manager name. */
export const fieldManager = 'slipway'

/** An object ready to be sent. */
export interface PreparedObject {
  source: string
  info: ResourceInfo
  object: KubeObject
  name: string
  namespace: string | undefined
  path: string
  /** resourceVersion of the live object before the apply, if any. */
  liveVersion?: string
  /** managedFields of the live object before the apply, if any. */
  liveManagedFields?: ManagedFieldsEntry[]
}

/** One entry of `metadata.managedFields`. */
export interface ManagedFieldsEntry {
  manager: string
  operation: string
  apiVersion?: string
  time?: string
  fieldsType?: string
  fieldsV1?: Record<string, unknown>
  subresource?: string
}

/** The field manager Helm 3 writes with (create and patch, operation Update). */
export const helmFieldManager = 'helm'

function mergeFields(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a }
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k]
    out[k] =
      cur && typeof cur === 'object' && v && typeof v === 'object'
        ? mergeFields(cur as Record<string, unknown>, v as Record<string, unknown>)
        : v
  }
  return out
}

/**
 * The managedFields after handing the fields Helm wrote (manager `helm`, operation Update) to
 * Slipway's apply manager, as `kubectl`'s client-side to server-side apply migration does, or
 * undefined when Helm owns nothing. Without it, a field the chart stops setting would stay on
 * objects Helm created, because server-side apply only removes fields its manager owned.
 */
export function migrateHelmFields(
  entries: ManagedFieldsEntry[],
  apiVersion: string,
): ManagedFieldsEntry[] | undefined {
  const isHelm = (e: ManagedFieldsEntry): boolean =>
    e.manager === helmFieldManager && e.operation === 'Update' && !e.subresource
  const isOurs = (e: ManagedFieldsEntry): boolean =>
    e.manager === fieldManager && e.operation === 'Apply' && !e.subresource
  const helm = entries.filter(isHelm)
  if (helm.length === 0) return undefined
  let fields: Record<string, unknown> = {}
  for (const e of [...entries.filter(isOurs), ...helm])
    fields = mergeFields(fields, e.fieldsV1 ?? {})
  return [
    ...entries.filter((e) => !isHelm(e) && !isOurs(e)),
    {
      manager: fieldManager,
      operation: 'Apply',
      apiVersion,
      time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      fieldsType: 'FieldsV1',
      fieldsV1: fields,
    },
  ]
}

/** What the release's objects are checked and stamped against. */
export interface ReleaseIdentity {
  name: string
  namespace: string
}

/** Maps, namespaces and stamps objects; hooks are not stamped with ownership (as Helm). */
export async function prepare(
  mapper: Mapper,
  items: ParsedObject[],
  rel: ReleaseIdentity,
  stamp = true,
): Promise<PreparedObject[]> {
  const out: PreparedObject[] = []
  for (const item of items) {
    const apiVersion = String(item.object.apiVersion)
    const kind = String(item.object.kind)
    let info: ResourceInfo
    try {
      info = await mapper.lookup(apiVersion, kind)
    } catch (err) {
      throw new KubeError('UNKNOWN_KIND', `${item.source}: ${(err as Error).message}`, {
        resource: `${kind}/${String(item.object.metadata?.name)}`,
        cause: err,
      })
    }
    const object = stamp
      ? stampOwnership(item.object, rel.name, rel.namespace)
      : { ...item.object, metadata: { ...(item.object.metadata ?? {}) } }
    const md = object.metadata ?? {}
    const name = String(md.name ?? '')
    if (!name)
      throw new KubeError('INVALID_MANIFEST', `${item.source}: ${kind} has no metadata.name`, {
        resource: item.source,
      })
    let namespace: string | undefined
    if (info.namespaced) {
      namespace = md.namespace || rel.namespace
      md.namespace = namespace
    } else delete md.namespace
    object.metadata = md
    out.push({
      source: item.source,
      info,
      object,
      name,
      namespace,
      path: resourcePath(info, namespace, name),
    })
  }
  return out
}

async function getLive(client: KubeClient, path: string): Promise<KubeObject | undefined> {
  try {
    return await client.request('GET', path)
  } catch (err) {
    if (isStatus(err, 404)) return undefined
    throw err
  }
}

function ssa(client: KubeClient, p: PreparedObject, dryRun: boolean): Promise<KubeObject> {
  return client.request('PATCH', p.path, {
    query: { fieldManager, force: true, ...(dryRun ? { dryRun: 'All' } : {}) },
    contentType: 'application/apply-patch+yaml',
    body: p.object,
  })
}

function apiMessage(err: unknown): string {
  const e = err as KubeError
  return e.message
}

/**
 * Checks ownership and dry-runs every object on the server; throws `INVALID_MANIFEST` listing
 * every failure (or `OWNERSHIP`) before anything is changed.
 */
export async function validateAll(
  client: KubeClient,
  objects: PreparedObject[],
  rel: ReleaseIdentity,
  onEvent?: OnApplyEvent,
  options: { owned?: Set<string>; pendingNamespaces?: string[] } = {},
): Promise<void> {
  // namespaces that will exist by the time of the real apply: a dry run cannot see them yet
  const creatingNs = new Set([
    ...objects.filter((o) => o.object.kind === 'Namespace').map((o) => o.name),
    ...(options.pendingNamespaces ?? []),
  ])
  const results = await mapLimit(
    objects,
    applyConcurrency,
    async (p): Promise<string | KubeError | undefined> => {
      const live = await getLive(client, p.path)
      p.liveVersion = live?.metadata?.resourceVersion
      p.liveManagedFields = live?.metadata?.managedFields as ManagedFieldsEntry[] | undefined
      if (live && !options.owned?.has(p.path)) {
        const problem = ownershipProblem(live, rel.name, rel.namespace)
        if (problem) {
          return new KubeError(
            'OWNERSHIP',
            `Unable to continue: ${describe(live, p.namespace)} exists and cannot be imported into the current release: ${problem}`,
            {
              resource: `${p.info.kind}/${p.namespace ?? ''}/${p.name}`,
              release: `${rel.namespace}/${rel.name}`,
            },
          )
        }
      }
      try {
        await ssa(client, p, true)
        onEvent?.({
          phase: 'dry-run',
          action: 'validated',
          kind: p.info.kind,
          name: p.name,
          namespace: p.namespace,
        })
        return undefined
      } catch (err) {
        const e = err as KubeError
        const missingNs =
          e.status === 404 && p.namespace !== undefined && creatingNs.has(p.namespace)
        if (missingNs) return undefined
        onEvent?.({
          phase: 'dry-run',
          action: 'failed',
          kind: p.info.kind,
          name: p.name,
          namespace: p.namespace,
          message: apiMessage(err),
        })
        return `${p.source}: ${apiMessage(err)}`
      }
    },
  )
  const ownership = results.find((r): r is KubeError => r instanceof KubeError)
  if (ownership) throw ownership
  const failures = results.filter((r): r is string => typeof r === 'string')
  if (failures.length) {
    const first =
      failures.length === 1
        ? failures[0]
        : `${failures.length} resources were rejected:\n  ${failures.join('\n  ')}`
    throw new KubeError(
      'INVALID_MANIFEST',
      `the cluster rejected the release's resources, nothing was changed: ${first}`,
      { release: `${rel.namespace}/${rel.name}` },
    )
  }
}

/** Server-side applies objects in the order given, reporting created/configured/unchanged. */
export async function applyAll(
  client: KubeClient,
  objects: PreparedObject[],
  onEvent?: OnApplyEvent,
  phase: 'apply' | 'crd' | 'hook' = 'apply',
): Promise<KubeObject[]> {
  const out: KubeObject[] = []
  // kinds go in order; objects of one kind go in parallel
  for (const run of runsBy(objects, (p) => `${p.info.group}/${p.info.kind}`)) {
    out.push(...(await mapLimit(run, applyConcurrency, (p) => applyOne(client, p, onEvent, phase))))
  }
  return out
}

/**
 * Rewrites the live object's managedFields (see {@link migrateHelmFields}), guarded by its
 * resourceVersion; controllers update status meanwhile, so a lost race re-reads and tries again.
 */
async function migrate(client: KubeClient, p: PreparedObject): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const live = attempt === 0 ? undefined : await getLive(client, p.path)
    if (attempt > 0 && !live) return
    const version = live ? live.metadata?.resourceVersion : p.liveVersion
    const entries = live
      ? ((live.metadata?.managedFields ?? []) as ManagedFieldsEntry[])
      : (p.liveManagedFields ?? [])
    const migrated = migrateHelmFields(entries, String(p.object.apiVersion))
    if (!migrated) return
    try {
      await client.request('PATCH', p.path, {
        contentType: 'application/json-patch+json',
        body: [
          { op: 'test', path: '/metadata/resourceVersion', value: version },
          { op: 'replace', path: '/metadata/managedFields', value: migrated },
        ],
      })
      return
    } catch (err) {
      const stale = isStatus(err, 409) || isStatus(err, 422)
      if (!stale || attempt >= migrationAttempts) throw err
    }
  }
}

async function applyOne(
  client: KubeClient,
  p: PreparedObject,
  onEvent: OnApplyEvent | undefined,
  phase: 'apply' | 'crd' | 'hook',
): Promise<KubeObject> {
  let result: KubeObject
  try {
    if (
      p.liveVersion !== undefined &&
      migrateHelmFields(p.liveManagedFields ?? [], String(p.object.apiVersion))
    )
      await migrate(client, p)
    result = await ssa(client, p, false)
  } catch (err) {
    onEvent?.({
      phase,
      action: 'failed',
      kind: p.info.kind,
      name: p.name,
      namespace: p.namespace,
      message: apiMessage(err),
    })
    throw new KubeError(
      'API',
      `${p.source}: applying ${describe(p.object, p.namespace)} failed: ${apiMessage(err)}`,
      {
        resource: `${p.info.kind}/${p.namespace ?? ''}/${p.name}`,
        status: (err as KubeError).status,
        reason: (err as KubeError).reason,
        cause: err,
      },
    )
  }
  const rv = result.metadata?.resourceVersion
  const action =
    p.liveVersion === undefined ? 'created' : rv === p.liveVersion ? 'unchanged' : 'configured'
  onEvent?.({ phase, action, kind: p.info.kind, name: p.name, namespace: p.namespace })
  return result
}

/**
 * Deletes objects in uninstall order, keeping those annotated `helm.sh/resource-policy: keep`
 * and (when `onlyOwned`) those that are not the release's.
 */
export async function deleteAll(
  client: KubeClient,
  objects: PreparedObject[],
  rel: ReleaseIdentity,
  onEvent: OnApplyEvent | undefined,
  phase: 'prune' | 'delete',
  onlyOwned = true,
): Promise<void> {
  const one = async (p: PreparedObject): Promise<void> => {
    const live = await getLive(client, p.path)
    if (!live) return
    const policy =
      live.metadata?.annotations?.[resourcePolicyAnnotation] ??
      p.object.metadata?.annotations?.[resourcePolicyAnnotation]
    if (policy === 'keep') {
      onEvent?.({
        phase,
        action: 'kept',
        kind: p.info.kind,
        name: p.name,
        namespace: p.namespace,
        message: 'kept by helm.sh/resource-policy: keep',
      })
      return
    }
    if (onlyOwned && ownershipProblem(live, rel.name, rel.namespace)) {
      onEvent?.({
        phase,
        action: 'kept',
        kind: p.info.kind,
        name: p.name,
        namespace: p.namespace,
        message: 'not owned by this release',
      })
      return
    }
    try {
      await client.request('DELETE', p.path, { query: { propagationPolicy: 'Background' } })
      onEvent?.({
        phase,
        action: 'deleted',
        kind: p.info.kind,
        name: p.name,
        namespace: p.namespace,
      })
    } catch (err) {
      if (!isStatus(err, 404)) throw err
    }
  }
  for (const run of runsBy(sortForUninstall(objects), (p) => `${p.info.group}/${p.info.kind}`))
    await mapLimit(run, applyConcurrency, one)
}
