import { readFileSync } from 'node:fs'
import type * as Http from 'node:http'
import type { IncomingMessage } from 'node:http'
import type * as Https from 'node:https'
import { createRequire } from 'node:module'
import { ChartError } from '../errors.ts'

/** How to reach a Helm repository: credentials and TLS, as Helm's repository flags. */
export interface RepoConnectOptions {
  username?: string
  password?: string
  /** Send credentials to every host, not only the repository's (Helm: --pass-credentials). */
  passCredentialsAll?: boolean
  /** PEM file of extra certificate authorities (Helm: --ca-file). */
  caFile?: string
  /** PEM client certificate and key (Helm: --cert-file, --key-file). */
  certFile?: string
  keyFile?: string
  /** Skip server certificate checks (Helm: --insecure-skip-tls-verify). */
  insecureSkipTlsVerify?: boolean
  /** Time allowed for one request, in milliseconds; default 30 s. */
  timeoutMs?: number
  /** Aborts the request. */
  signal?: AbortSignal
}

/** A fetched response body. */
export interface HttpResponse {
  status: number
  url: string
  headers: Record<string, string | string[] | undefined>
  body: Uint8Array
}

// node:https drags in TLS and crypto: loaded when a repository is first reached, not on every start
const require = createRequire(import.meta.url)
const requestFor = (protocol: string): typeof Http.request | undefined =>
  protocol === 'https:'
    ? (require('node:https') as typeof Https).request
    : protocol === 'http:'
      ? (require('node:http') as typeof Http).request
      : undefined

const maxRedirects = 10
const defaultTimeoutMs = 30_000

/**
 * GETs `url` with Helm's repository options: basic auth (kept on redirects only to the same
 * host unless `passCredentialsAll`), custom CA, client certificate, optional TLS skip. The
 * body is bounded by `maxBytes`. Redirects are followed (at most 10).
 *
 * @throws ChartError `REPOSITORY_ERROR` for network failures, timeouts and bodies too large;
 *   callers decide what a non-2xx status means.
 */
export async function httpGet(
  url: string,
  options: RepoConnectOptions & { maxBytes: number; headers?: Record<string, string> },
): Promise<HttpResponse> {
  const origin = new URL(url)
  let current = origin
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const res = await once(current, origin, options)
    if (res.status >= 300 && res.status < 400 && res.location) {
      current = new URL(res.location, current)
      continue
    }
    return { status: res.status, url: current.toString(), headers: res.headers, body: res.body }
  }
  throw new ChartError('REPOSITORY_ERROR', `${url}: more than ${maxRedirects} redirects`, {
    source: url,
  })
}

interface RawResponse {
  status: number
  location?: string
  headers: Record<string, string | string[] | undefined>
  body: Uint8Array
}

function once(
  url: URL,
  origin: URL,
  options: RepoConnectOptions & { maxBytes: number; headers?: Record<string, string> },
): Promise<RawResponse> {
  const headers: Record<string, string> = {
    'User-Agent': 'Helm/3.17.3 (slipway)',
    Accept: '*/*',
    ...options.headers,
  }
  if (options.username !== undefined || options.password !== undefined) {
    if (options.passCredentialsAll || url.host === origin.host) {
      headers['Authorization'] =
        `Basic ${Buffer.from(`${options.username ?? ''}:${options.password ?? ''}`).toString('base64')}`
    }
  } else if (url.username && url.host === origin.host) {
    headers['Authorization'] =
      `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`
  }
  const source = url.toString()
  const fail = (message: string, cause?: unknown) =>
    new ChartError('REPOSITORY_ERROR', message, { source }, cause === undefined ? {} : { cause })
  let tls: Record<string, unknown> = {}
  try {
    if (url.protocol === 'https:') {
      tls = {
        ...(options.caFile ? { ca: readFileSync(options.caFile) } : {}),
        ...(options.certFile ? { cert: readFileSync(options.certFile) } : {}),
        ...(options.keyFile ? { key: readFileSync(options.keyFile) } : {}),
        rejectUnauthorized: !options.insecureSkipTlsVerify,
      }
    }
  } catch (err) {
    return Promise.reject(fail(`cannot read TLS files: ${(err as Error).message}`, err))
  }
  const request = requestFor(url.protocol)
  if (!request) return Promise.reject(fail(`${source}: unsupported protocol ${url.protocol}`))
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        headers,
        timeout: options.timeoutMs ?? defaultTimeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
        ...tls,
      },
      (res: IncomingMessage) => {
        const status = res.statusCode ?? 0
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume()
          resolve({
            status,
            location: res.headers.location,
            headers: res.headers,
            body: new Uint8Array(),
          })
          return
        }
        const declared = Number(res.headers['content-length'] ?? '0')
        if (declared > options.maxBytes) {
          req.destroy()
          reject(
            fail(
              `${source}: response of ${declared} bytes is larger than the limit of ${options.maxBytes}`,
            ),
          )
          return
        }
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (c: Buffer) => {
          size += c.length
          if (size > options.maxBytes) {
            req.destroy()
            reject(
              fail(`${source}: response is larger than the limit of ${options.maxBytes} bytes`),
            )
            return
          }
          chunks.push(c)
        })
        res.on('end', () =>
          resolve({ status, headers: res.headers, body: new Uint8Array(Buffer.concat(chunks)) }),
        )
        res.on('error', (err) => reject(fail(`${source}: ${err.message}`, err)))
      },
    )
    req.on('timeout', () =>
      req.destroy(fail(`${source}: no answer within ${options.timeoutMs ?? defaultTimeoutMs} ms`)),
    )
    req.on('error', (err) =>
      reject(err instanceof ChartError ? err : fail(`${source}: ${err.message}`, err)),
    )
    req.end()
  })
}
