import type { ApplyEvent } from '@slipway/api'
import type { Response } from 'express'
import { toApiError } from '../middleware/errors.ts'

/**
 * Streams an operation's progress as NDJSON (one {@link ApplyEvent} a line): progress lines as
 * they happen, then `done` or `error`. Errors thrown before the first line still reach the error
 * middleware as plain JSON with their status.
 */
export async function streamOperation(
  res: Response,
  run: (emit: (event: ApplyEvent) => void) => Promise<ApplyEvent>,
): Promise<void> {
  let started = false
  const emit = (event: ApplyEvent) => {
    if (!started) {
      started = true
      res.status(200)
      res.setHeader('content-type', 'application/x-ndjson; charset=utf-8')
      res.setHeader('cache-control', 'no-store')
      res.setHeader('x-content-type-options', 'nosniff')
      res.flushHeaders()
    }
    res.write(`${JSON.stringify(event)}\n`)
  }
  try {
    emit(await run(emit))
  } catch (err) {
    if (!started) throw err
    emit({ type: 'error', error: toApiError(err).body })
  }
  res.end()
}
