/** Waiting for resources to become ready, with a deadline and progress events. */
import type { PreparedObject } from './apply.ts'
import type { KubeClient } from './client.ts'
import { KubeError, isStatus } from './errors.ts'
import { health } from './health.ts'
import { pollIntervalMs } from './limits.ts'
import type { KubeObject, OnApplyEvent } from './types.ts'

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/**
 * Polls until every object is ready. Throws `WAIT_FAILED` as soon as one fails (a Job that
 * failed, a crash-looping pod, a Deployment past its progress deadline) and `TIMEOUT` at the
 * deadline, naming what was not ready.
 */
export async function waitReady(
  client: KubeClient,
  objects: PreparedObject[],
  timeoutMs: number,
  onEvent?: OnApplyEvent,
  phase: 'wait' | 'hook' | 'crd' = 'wait',
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  const pending = new Map(objects.map((p) => [p.path, p]))
  const lastMessage = new Map<string, string>()
  for (;;) {
    for (const [path, p] of [...pending]) {
      let live: KubeObject | undefined
      try {
        live = await client.request('GET', path)
      } catch (err) {
        if (!isStatus(err, 404)) throw err
      }
      const h = live ? health(live) : { health: 'progressing' as const, message: 'not created yet' }
      if (h.health === 'ready') {
        pending.delete(path)
        onEvent?.({
          phase,
          action: 'ready',
          kind: p.info.kind,
          name: p.name,
          namespace: p.namespace,
          message: h.message,
        })
      } else if (h.health === 'failed') {
        onEvent?.({
          phase,
          action: 'failed',
          kind: p.info.kind,
          name: p.name,
          namespace: p.namespace,
          message: h.message,
        })
        throw new KubeError(
          'WAIT_FAILED',
          `${p.info.kind} "${p.name}"${p.namespace ? ` in namespace "${p.namespace}"` : ''} failed: ${h.message}`,
          { resource: `${p.info.kind}/${p.namespace ?? ''}/${p.name}` },
        )
      } else if (lastMessage.get(path) !== h.message) {
        lastMessage.set(path, h.message)
        onEvent?.({
          phase,
          action: 'waiting',
          kind: p.info.kind,
          name: p.name,
          namespace: p.namespace,
          message: h.message,
        })
      }
    }
    if (pending.size === 0) return
    if (Date.now() >= deadline) {
      const names = [...pending.values()].map(
        (p) => `${p.info.kind}/${p.name} (${lastMessage.get(p.path) ?? 'not ready'})`,
      )
      throw new KubeError(
        'TIMEOUT',
        `timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${names.join(', ')}`,
      )
    }
    await sleep(Math.min(pollIntervalMs, Math.max(0, deadline - Date.now())))
  }
}

/** Polls until objects are gone (before-hook-creation deletes), up to the deadline. */
export async function waitGone(
  client: KubeClient,
  paths: string[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (const path of paths) {
    for (;;) {
      try {
        await client.request('GET', path)
      } catch (err) {
        if (isStatus(err, 404)) break
        throw err
      }
      if (Date.now() >= deadline)
        throw new KubeError('TIMEOUT', `timed out waiting for ${path} to be deleted`)
      await sleep(pollIntervalMs)
    }
  }
}
