import { isApiErrorBody } from '@slipway/api'
import { ApiError } from './ApiError.ts'

/**
 * The one way the UI calls the API: JSON in, JSON out; any failure (HTTP status, network, a body
 * that is not JSON) becomes an {@link ApiError} carrying what the server said.
 */
export async function apiFetch<T>(
  path: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<T> {
  const { json, ...rest } = init
  const headers = new Headers(rest.headers)
  headers.set('accept', 'application/json')
  if (json !== undefined) headers.set('content-type', 'application/json')
  let res: Response
  try {
    res = await fetch(path, {
      ...rest,
      headers,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    })
  } catch (err) {
    throw new ApiError(0, {
      code: 'NETWORK',
      message: `Cannot reach the Slipway server: ${(err as Error).message}`,
    })
  }
  const text = await res.text()
  let body: unknown
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    throw new ApiError(res.status, {
      code: 'BAD_RESPONSE',
      message: `The server answered ${res.status} with a body that is not JSON`,
    })
  }
  if (!res.ok) {
    throw new ApiError(
      res.status,
      isApiErrorBody(body)
        ? body
        : {
            code: 'HTTP_' + res.status,
            message: `The server answered ${res.status} ${res.statusText}`,
          },
    )
  }
  return body as T
}

/** `?a=1&b=2` from the defined, non-empty entries. */
export function queryString(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v)
  const s = q.toString()
  return s ? `?${s}` : ''
}
