import { startServer, type AppOptions, type RunningServer } from '@slipway/server'

/** Starts the API on a free 127.0.0.1 port without the web UI. */
export function startApi(options: AppOptions = {}): Promise<RunningServer> {
  return startServer({ port: 0, host: '127.0.0.1', webRoot: '/nonexistent', ...options })
}

/** A JSON call to the running API: status and parsed body. */
export async function call(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any; text: string }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : undefined, text }
}
