/**
 * Helm hooks: run in weight order (then name), `before-hook-creation` (the default) deletes the
 * previous instance, Jobs and Pods are waited for, `hook-succeeded` / `hook-failed` delete after.
 */
import { applyAll, prepare, type PreparedObject } from './apply.ts'
import type { KubeClient } from './client.ts'
import { KubeError, isStatus } from './errors.ts'
import { parseObject } from './manifest.ts'
import type { Mapper } from './mapper.ts'
import { helmTime, type HelmHook } from './record.ts'
import type { OnApplyEvent } from './types.ts'
import { waitGone, waitReady } from './wait.ts'

/** The hook events Slipway runs. */
export type HookEventName =
  | 'pre-install'
  | 'post-install'
  | 'pre-upgrade'
  | 'post-upgrade'
  | 'pre-rollback'
  | 'post-rollback'
  | 'pre-delete'
  | 'post-delete'

/** Orders hooks as Helm's hookByWeight: weight, then name. */
export function sortHooks(hooks: HelmHook[]): HelmHook[] {
  return [...hooks].sort(
    (a, b) => (a.weight ?? 0) - (b.weight ?? 0) || String(a.name).localeCompare(String(b.name)),
  )
}

async function remove(client: KubeClient, p: PreparedObject): Promise<void> {
  try {
    await client.request('DELETE', p.path, { query: { propagationPolicy: 'Background' } })
  } catch (err) {
    if (!isStatus(err, 404)) throw err
  }
}

/** Runs every hook of `event`, updating each hook's `last_run`; throws `HOOK_FAILED` on a failure. */
export async function runHooks(
  client: KubeClient,
  mapper: Mapper,
  hooks: HelmHook[],
  event: HookEventName,
  rel: { name: string; namespace: string },
  timeoutMs: number,
  onEvent?: OnApplyEvent,
): Promise<void> {
  for (const hook of sortHooks(hooks.filter((h) => h.events?.includes(event)))) {
    const object = parseObject(String(hook.manifest ?? ''), String(hook.path))
    if (!object) continue
    const [p] = await prepare(mapper, [{ source: String(hook.path), object }], rel, false)
    if (!p) continue
    const policies = hook.delete_policies?.length ? hook.delete_policies : ['before-hook-creation']
    if (policies.includes('before-hook-creation')) {
      await remove(client, p)
      await waitGone(client, [p.path], timeoutMs)
    }
    hook.last_run = { started_at: helmTime(), completed_at: '', phase: 'Running' }
    onEvent?.({
      phase: 'hook',
      action: 'started',
      kind: p.info.kind,
      name: p.name,
      namespace: p.namespace,
      message: event,
    })
    try {
      await applyAll(client, [p], undefined, 'hook')
      if (p.info.kind === 'Job' || p.info.kind === 'Pod')
        await waitReady(client, [p], timeoutMs, undefined, 'hook')
    } catch (err) {
      hook.last_run = { ...hook.last_run, completed_at: helmTime(), phase: 'Failed' }
      onEvent?.({
        phase: 'hook',
        action: 'failed',
        kind: p.info.kind,
        name: p.name,
        namespace: p.namespace,
        message: (err as Error).message,
      })
      if (policies.includes('hook-failed')) await remove(client, p)
      throw new KubeError(
        'HOOK_FAILED',
        `${event} hook ${hook.path} failed: ${(err as Error).message}`,
        { resource: `${p.info.kind}/${p.namespace ?? ''}/${p.name}`, cause: err },
      )
    }
    hook.last_run = { ...hook.last_run, completed_at: helmTime(), phase: 'Succeeded' }
    onEvent?.({
      phase: 'hook',
      action: 'succeeded',
      kind: p.info.kind,
      name: p.name,
      namespace: p.namespace,
      message: event,
    })
    if (policies.includes('hook-succeeded')) await remove(client, p)
  }
}
