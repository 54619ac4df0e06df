/**
 * A fault-injecting HTTP proxy to put in front of a test registry:
 *
 * ```ts
 * const faulty = await startFaultProxy(registry.url, [
 *   { match: { path: /\/manifests\// }, times: 1, fault: { kind: 'status', status: 500 } },
 * ])
 * // pull from oci://${faulty.host}/...; faulty.requests counts what reached the proxy
 * await faulty.stop()
 * ```
 *
 * Faults: `status` (answer with a status instead of forwarding), `truncate` (forward, but cut
 * the body to `keepBytes`, Content-Length adjusted), `corrupt` (forward, flipping one body
 * byte, length unchanged), `hang` (never answer). Each applies to requests matching `match`,
 * `times` times (default: always); the rest is forwarded unchanged.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import { freePort } from './ports.ts'
import { matchesFilter, RequestLog, type RequestFilter } from './registry-log.ts'

/** What to do to a matching request. */
export type FaultAction =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'truncate'; keepBytes: number }
  | { kind: 'corrupt' }
  | { kind: 'hang' }

/** One fault and the requests it applies to. */
export interface Fault {
  match: RequestFilter
  /** How many matching requests get the fault; unlimited when absent. */
  times?: number
  fault: FaultAction
}

/** A running fault proxy. */
export interface FaultProxy {
  url: string
  host: string
  /** Requests that reached the proxy, with the status it answered. */
  requests: RequestLog
  stop(): Promise<void>
}

/** Starts a proxy to `targetUrl` (an `http://127.0.0.1:PORT` URL) that injects `faults`. */
export async function startFaultProxy(targetUrl: string, faults: Fault[]): Promise<FaultProxy> {
  const target = new URL(targetUrl)
  const port = await freePort()
  const requests = new RequestLog()
  const used = faults.map(() => 0)
  const hanging = new Set<ServerResponse>()
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET'
    const path = req.url ?? '/'
    const index = faults.findIndex(
      (f, i) => matchesFilter(f.match, method, path) && (f.times === undefined || used[i]! < f.times),
    )
    const action = index >= 0 ? faults[index]!.fault : undefined
    if (index >= 0) used[index]!++
    if (action?.kind === 'hang') {
      requests.record({ method, path, status: 0 })
      hanging.add(res)
      req.resume()
      return
    }
    if (action?.kind === 'status') {
      requests.record({ method, path, status: action.status })
      req.resume()
      res.writeHead(action.status, { 'Content-Type': 'application/json', ...action.headers })
      res.end(action.body ?? '{"errors":[{"code":"UNKNOWN","message":"injected fault"}]}')
      return
    }
    const headers = { ...req.headers, host: target.host }
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method, path, headers },
      (up) => {
        const status = up.statusCode ?? 502
        requests.record({ method, path, status })
        const outHeaders = { ...up.headers }
        // keep redirects and upload locations pointing at the proxy
        if (typeof outHeaders.location === 'string') {
          outHeaders.location = outHeaders.location.replace(target.origin, `http://127.0.0.1:${port}`)
        }
        if (!action) {
          res.writeHead(status, outHeaders)
          up.pipe(res)
          return
        }
        const chunks: Buffer[] = []
        up.on('data', (c: Buffer) => chunks.push(c))
        up.on('end', () => {
          let body = Buffer.concat(chunks)
          if (action.kind === 'truncate') body = body.subarray(0, action.keepBytes)
          if (action.kind === 'corrupt' && body.length > 0) {
            body = Buffer.from(body)
            body[body.length >> 1] = body[body.length >> 1]! ^ 0xff
          }
          outHeaders['content-length'] = String(body.length)
          res.writeHead(status, outHeaders)
          res.end(body)
        })
      },
    )
    upstream.on('error', (err) => {
      requests.record({ method, path, status: 502 })
      if (!res.headersSent) res.writeHead(502)
      res.end(String(err))
    })
    req.pipe(upstream)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    async stop() {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}
