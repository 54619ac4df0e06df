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
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import { freePort } from './ports.ts'
import { matchesFilter, RequestLog, type RequestFilter } from './registry-log.ts'

/** What to do to a matching request. */
export type FaultAction =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'truncate'; keepBytes: number }
  | { kind: 'corrupt' }
  | { kind: 'hang' }
  | { kind: 'rewrite'; rewrite: (answer: ProxiedAnswer) => ProxiedAnswer }

/** A registry answer as a `rewrite` fault sees and changes it. */
export interface ProxiedAnswer {
  path: string
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

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
      (f, i) =>
        matchesFilter(f.match, method, path) && (f.times === undefined || used[i]! < f.times),
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
          outHeaders.location = outHeaders.location.replace(
            target.origin,
            `http://127.0.0.1:${port}`,
          )
        }
        if (!action) {
          res.writeHead(status, outHeaders)
          up.pipe(res)
          return
        }
        const chunks: Buffer[] = []
        up.on('data', (c: Buffer) => chunks.push(c))
        up.on('end', () => {
          let body: Buffer = Buffer.concat(chunks)
          if (action.kind === 'truncate') body = body.subarray(0, action.keepBytes)
          if (action.kind === 'corrupt' && body.length > 0) {
            body = Buffer.from(body)
            body[body.length >> 1] = body[body.length >> 1]! ^ 0xff
          }
          let answer: ProxiedAnswer = { path, status, headers: outHeaders, body }
          if (action.kind === 'rewrite') answer = action.rewrite(answer)
          answer.headers['content-length'] = String(answer.body.length)
          delete answer.headers['transfer-encoding']
          res.writeHead(answer.status, answer.headers)
          res.end(answer.body)
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

/**
 * A fault that pages tag lists as the distribution spec describes (`n`, `last`, and a
 * `Link: <...>; rel="next"` header). Debian's distribution 2.8 ignores `n` for tags, so tests
 * of `Link` paging put this in front of it.
 */
export function paginateTags(): Fault {
  return {
    match: { method: 'GET', path: /\/tags\/list/ },
    fault: {
      kind: 'rewrite',
      rewrite(answer) {
        const url = new URL(answer.path, 'http://registry')
        const n = Number(url.searchParams.get('n') ?? NaN)
        if (answer.status !== 200 || !Number.isInteger(n) || n <= 0) return answer
        const list = JSON.parse(answer.body.toString()) as { name: string; tags: string[] }
        const sorted = [...list.tags].sort()
        const last = url.searchParams.get('last')
        const rest = last ? sorted.filter((t) => t > last) : sorted
        const page = rest.slice(0, n)
        const headers = { ...answer.headers }
        if (rest.length > n) {
          const next = new URLSearchParams({ n: String(n), last: page[page.length - 1]! })
          headers.link = `<${url.pathname}?${next}>; rel="next"`
        }
        return {
          ...answer,
          headers,
          body: Buffer.from(JSON.stringify({ name: list.name, tags: page })),
        }
      },
    },
  }
}
