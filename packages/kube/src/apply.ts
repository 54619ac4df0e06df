/**
 * Applying a release's objects: mapping, ownership checks, a server-side dry run of everything
 * before any change, then server-side apply in install order; deletion for prune and uninstall.
 */
import type { KubeClient } from './client.ts'
import { KubeError, isStatus } from './errors.ts'
import { describe, ownershipProblem, resourcePolicyAnnotation, sortForUninstall, stampOwnership, type ParsedObject } from './manifest.ts'
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
}

/** What the release's objects are checked and stamped against. */
export interface ReleaseIdentity {
  name: string
  namespace: string
}

/** Maps, namespaces and stamps objects; hooks are not stamped with ownership (as Helm). */
export async function prepare(mapper: Mapper, items: ParsedObject[], rel: ReleaseIdentity, stamp = true): Promise<PreparedObject[]> {
  const out: PreparedObject[] = []
  for (const item of items) {
    const apiVersion = String(item.object.apiVersion)
    const kind = String(item.object.kind)
    let info: ResourceInfo
    try {
      info = await mapper.lookup(apiVersion, kind)
    } catch (err) {
      throw new KubeError('UNKNOWN_KIND', `${item.source}: ${(err as Error).message}`, { resource: `${kind}/${String(item.object.metadata?.name)}`, cause: err })
    }
    const object = stamp ? stampOwnership(item.object, rel.name, rel.namespace) : { ...item.object, metadata: { ...(item.object.metadata ?? {}) } }
    const md = object.metadata ?? {}
    const name = String(md.name ?? '')
    if (!name) throw new KubeError('INVALID_MANIFEST', `${item.source}: ${kind} has no metadata.name`, { resource: item.source })
    let namespace: string | undefined
    if (info.namespaced) {
      namespace = md.namespace || rel.namespace
      md.namespace = namespace
    } else delete md.namespace
    object.metadata = md
    out.push({ source: item.source, info, object, name, namespace, path: resourcePath(info, namespace, name) })
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
export async function validateAll(client: KubeClient, objects: PreparedObject[], rel: ReleaseIdentity, onEvent?: OnApplyEvent, options: { owned?: Set<string> } = {}): Promise<void> {
  const failures: string[] = []
  const creatingNs = new Set(objects.filter((o) => o.object.kind === 'Namespace').map((o) => o.name))
  for (const p of objects) {
    const live = await getLive(client, p.path)
    p.liveVersion = live?.metadata?.resourceVersion
    if (live && !options.owned?.has(p.path)) {
      const problem = ownershipProblem(live, rel.name, rel.namespace)
      if (problem) {
        throw new KubeError('OWNERSHIP', `Unable to continue: ${describe(live, p.namespace)} exists and cannot be imported into the current release: ${problem}`, { resource: `${p.info.kind}/${p.namespace ?? ''}/${p.name}`, release: `${rel.namespace}/${rel.name}` })
      }
    }
    try {
      await ssa(client, p, true)
      onEvent?.({ phase: 'dry-run', action: 'validated', kind: p.info.kind, name: p.name, namespace: p.namespace })
    } catch (err) {
      const e = err as KubeError
      const missingNs = e.status === 404 && p.namespace !== undefined && creatingNs.has(p.namespace)
      if (missingNs) continue
      onEvent?.({ phase: 'dry-run', action: 'failed', kind: p.info.kind, name: p.name, namespace: p.namespace, message: apiMessage(err) })
      failures.push(`${p.source}: ${apiMessage(err)}`)
    }
  }
  if (failures.length) {
    const first = failures.length === 1 ? failures[0] : `${failures.length} resources were rejected:\n  ${failures.join('\n  ')}`
    throw new KubeError('INVALID_MANIFEST', `the cluster rejected the release's resources, nothing was changed: ${first}`, { release: `${rel.namespace}/${rel.name}` })
  }
}

/** Server-side applies objects in the order given, reporting created/configured/unchanged. */
export async function applyAll(client: KubeClient, objects: PreparedObject[], onEvent?: OnApplyEvent, phase: 'apply' | 'crd' | 'hook' = 'apply'): Promise<KubeObject[]> {
  const out: KubeObject[] = []
  for (const p of objects) {
    let result: KubeObject
    try {
      result = await ssa(client, p, false)
    } catch (err) {
      onEvent?.({ phase, action: 'failed', kind: p.info.kind, name: p.name, namespace: p.namespace, message: apiMessage(err) })
      throw new KubeError('API', `${p.source}: applying ${describe(p.object, p.namespace)} failed: ${apiMessage(err)}`, { resource: `${p.info.kind}/${p.namespace ?? ''}/${p.name}`, status: (err as KubeError).status, reason: (err as KubeError).reason, cause: err })
    }
    const rv = result.metadata?.resourceVersion
    const action = p.liveVersion === undefined ? 'created' : rv === p.liveVersion ? 'unchanged' : 'configured'
    onEvent?.({ phase, action, kind: p.info.kind, name: p.name, namespace: p.namespace })
    out.push(result)
  }
  return out
}

/**
 * Deletes objects in uninstall order, keeping those annotated `helm.sh/resource-policy: keep`
 * and (when `onlyOwned`) those that are not the release's.
 */
export async function deleteAll(client: KubeClient, objects: PreparedObject[], rel: ReleaseIdentity, onEvent: OnApplyEvent | undefined, phase: 'prune' | 'delete', onlyOwned = true): Promise<void> {
  for (const p of sortForUninstall(objects)) {
    const live = await getLive(client, p.path)
    if (!live) continue
    const policy = live.metadata?.annotations?.[resourcePolicyAnnotation] ?? p.object.metadata?.annotations?.[resourcePolicyAnnotation]
    if (policy === 'keep') {
      onEvent?.({ phase, action: 'kept', kind: p.info.kind, name: p.name, namespace: p.namespace, message: 'kept by helm.sh/resource-policy: keep' })
      continue
    }
    if (onlyOwned && ownershipProblem(live, rel.name, rel.namespace)) {
      onEvent?.({ phase, action: 'kept', kind: p.info.kind, name: p.name, namespace: p.namespace, message: 'not owned by this release' })
      continue
    }
    try {
      await client.request('DELETE', p.path, { query: { propagationPolicy: 'Background' } })
      onEvent?.({ phase, action: 'deleted', kind: p.info.kind, name: p.name, namespace: p.namespace })
    } catch (err) {
      if (!isStatus(err, 404)) throw err
    }
  }
}
