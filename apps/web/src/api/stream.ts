import { isApiErrorBody, type ApplyEvent } from '@slipway/api'
import { ApiError } from './ApiError.ts'

/**
 * Runs an operation that answers with NDJSON progress (Save, rollback, delete): calls `onEvent`
 * for every line and resolves with the final `done` event; an `error` line, an error status or a
 * broken stream rejects with an {@link ApiError}.
 */
export async function streamOperation(
  path: string,
  init: { method: string; json?: unknown; signal?: AbortSignal },
  onEvent: (event: ApplyEvent) => void,
): Promise<Extract<ApplyEvent, { type: 'done' }>> {
  let res: Response
  try {
    res = await fetch(path, {
      method: init.method,
      headers: {
        accept: 'application/x-ndjson, application/json',
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    })
  } catch (err) {
    throw new ApiError(0, {
      code: 'NETWORK',
      message: `Cannot reach the Slipway server: ${(err as Error).message}`,
    })
  }
  if (!res.ok || !res.body) {
    const text = await res.text()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      body = undefined
    }
    throw new ApiError(
      res.status,
      isApiErrorBody(body)
        ? body
        : { code: `HTTP_${res.status}`, message: `The server answered ${res.status}` },
    )
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  let final: Extract<ApplyEvent, { type: 'done' }> | undefined
  const handle = (line: string) => {
    if (!line.trim()) return
    const event = JSON.parse(line) as ApplyEvent
    onEvent(event)
    if (event.type === 'error') throw new ApiError(422, event.error)
    if (event.type === 'done') final = event
  }
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    buffer += value
    let nl: number
    while ((nl = buffer.indexOf('\n')) >= 0) {
      handle(buffer.slice(0, nl))
      buffer = buffer.slice(nl + 1)
    }
  }
  handle(buffer)
  if (!final)
    throw new ApiError(502, {
      code: 'STREAM_ENDED',
      message: 'The server stopped before the operation finished',
    })
  return final
}
