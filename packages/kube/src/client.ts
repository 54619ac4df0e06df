/**
 * A small Kubernetes API client: connection settings come from `@kubernetes/client-node`'s
 * KubeConfig (kubeconfig files, contexts, in-cluster service accounts, exec plugins); requests are
 * plain HTTP(S) so that every content type (server-side apply, merge patch) and `dryRun` is at hand.
 */
import { request as httpRequest, type RequestOptions } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { KubeConfig } from '@kubernetes/client-node'
import { KubeError } from './errors.ts'
import { maxResponseBytes, requestTimeoutMs } from './limits.ts'
import type { KubeObject } from './types.ts'

/** How to find the cluster. */
export interface ConnectOptions {
  /** A kubeconfig file; otherwise `KUBECONFIG`, `~/.kube/config`, or the in-cluster service account. */
  kubeconfig?: string
  /** A context of the kubeconfig other than its current one. */
  context?: string
  /** Skip the reachability check (`GET /version`). */
  skipCheck?: boolean
}

/** One request. */
export interface RequestInit {
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  contentType?: string
  accept?: string
}

const howToConnect =
  'Point Slipway at a cluster: set KUBECONFIG (or --kubeconfig) to a kubeconfig file, put one at ~/.kube/config, or run Slipway inside the cluster with a service account.'

/** A connection to one cluster. */
export class KubeClient {
  /** The API server URL. */
  readonly server: string
  /** The namespace of the kubeconfig context (`default` when it names none). */
  readonly defaultNamespace: string
  private readonly kc: KubeConfig

  private constructor(kc: KubeConfig) {
    const cluster = kc.getCurrentCluster()
    if (!cluster) throw new KubeError('NO_CLUSTER', `no cluster is configured. ${howToConnect}`)
    this.kc = kc
    this.server = cluster.server.replace(/\/+$/, '')
    const ctx = kc.getContextObject(kc.getCurrentContext())
    this.defaultNamespace = ctx?.namespace || 'default'
  }

  /** Connects (and, unless told not to, checks that the API server answers). */
  static async connect(options: ConnectOptions = {}): Promise<KubeClient> {
    const kc = new KubeConfig()
    try {
      if (options.kubeconfig) kc.loadFromFile(options.kubeconfig)
      else if (process.env.KUBECONFIG) kc.loadFromDefault()
      else if (process.env.KUBERNETES_SERVICE_HOST) kc.loadFromCluster()
      else kc.loadFromDefault()
    } catch (err) {
      throw new KubeError(
        'NO_CLUSTER',
        `cannot read the kubeconfig: ${(err as Error).message}. ${howToConnect}`,
        { cause: err },
      )
    }
    if (options.context) {
      if (!kc.getContextObject(options.context)) {
        throw new KubeError(
          'NO_CLUSTER',
          `context "${options.context}" does not exist in the kubeconfig`,
        )
      }
      kc.setCurrentContext(options.context)
    }
    if (!kc.getCurrentCluster())
      throw new KubeError('NO_CLUSTER', `no cluster is configured. ${howToConnect}`)
    const client = new KubeClient(kc)
    if (!options.skipCheck) {
      try {
        await client.request('GET', '/version')
      } catch (err) {
        if (err instanceof KubeError && err.status !== undefined && err.status < 500) return client
        throw new KubeError(
          'NO_CLUSTER',
          `the Kubernetes API server at ${client.server} is not reachable: ${(err as Error).message}. ${howToConnect}`,
          { cause: err },
        )
      }
    }
    return client
  }

  /** Sends one request and returns the decoded JSON (or text) response; throws KubeError `API` on a failure status. */
  async request<T = KubeObject>(method: string, path: string, init: RequestInit = {}): Promise<T> {
    const { status, body, contentType } = await this.raw(method, path, init)
    const text = body.toString('utf8')
    const json = contentType.includes('json') ? safeJson(text) : undefined
    if (status >= 400) throw apiError(status, json, text, method, path)
    return (json ?? text) as T
  }

  /** Opens a watch stream; `onEvent` receives each event; resolves when the stream ends. */
  async watch(
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    onEvent: (e: { type: string; object: KubeObject }) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    const opts = await this.options(
      'GET',
      path,
      { ...query, watch: true },
      'application/json',
      undefined,
    )
    await new Promise<void>((resolve, reject) => {
      const req = (this.server.startsWith('https:') ? httpsRequest : httpRequest)(opts, (res) => {
        if ((res.statusCode ?? 500) >= 400) {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            reject(
              apiError(
                res.statusCode ?? 500,
                safeJson(Buffer.concat(chunks).toString()),
                '',
                'GET',
                path,
              ),
            ),
          )
          return
        }
        let buf = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          buf += chunk
          let nl: number
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl).trim()
            buf = buf.slice(nl + 1)
            if (line) onEvent(JSON.parse(line) as { type: string; object: KubeObject })
          }
        })
        res.on('end', () => resolve())
        res.on('error', reject)
      })
      signal?.addEventListener('abort', () => {
        req.destroy()
        resolve()
      })
      req.on('error', (err) => (signal?.aborted ? resolve() : reject(err)))
      req.end()
    })
  }

  /** The Node request options (URL parts, headers, TLS material) of a request. */
  requestOptions(method: string, path: string): Promise<RequestOptions> {
    return this.options(method, path, undefined, 'application/json', undefined)
  }

  private async options(
    method: string,
    path: string,
    query: RequestInit['query'],
    accept: string,
    contentType: string | undefined,
  ): Promise<RequestOptions> {
    const url = new URL(this.server + path)
    for (const [k, v] of Object.entries(query ?? {}))
      if (v !== undefined) url.searchParams.append(k, String(v))
    const opts: RequestOptions & { headers: Record<string, string> } = {
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      headers: { Accept: accept, 'User-Agent': 'slipway/0.1 (kube)' },
      timeout: requestTimeoutMs,
    }
    if (contentType) opts.headers['Content-Type'] = contentType
    if (url.protocol === 'http:') {
      // plain HTTP (a local proxy or test server): only a bearer token can apply
      const token = this.kc.getCurrentUser()?.token
      if (token) opts.headers.Authorization = `Bearer ${token}`
      return opts
    }
    await this.kc.applyToHTTPSOptions(opts)
    return opts
  }

  private async raw(
    method: string,
    path: string,
    init: RequestInit,
  ): Promise<{ status: number; body: Buffer; contentType: string }> {
    const payload =
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body)
    const contentType = payload === undefined ? undefined : (init.contentType ?? 'application/json')
    const opts = await this.options(
      method,
      path,
      init.query,
      init.accept ?? 'application/json',
      contentType,
    )
    return new Promise((resolve, reject) => {
      const req = (this.server.startsWith('https:') ? httpsRequest : httpRequest)(opts, (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (c: Buffer) => {
          size += c.length
          if (size > maxResponseBytes) {
            req.destroy(
              new Error(`response of ${method} ${path} is larger than ${maxResponseBytes} bytes`),
            )
            return
          }
          chunks.push(c)
        })
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks),
            contentType: String(res.headers['content-type'] ?? ''),
          }),
        )
        res.on('error', reject)
      })
      req.on('timeout', () =>
        req.destroy(new Error(`${method} ${path} timed out after ${requestTimeoutMs} ms`)),
      )
      req.on('error', reject)
      req.end(payload)
    })
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function apiError(
  status: number,
  json: unknown,
  text: string,
  method: string,
  path: string,
): KubeError {
  const s = (json && typeof json === 'object' ? json : {}) as {
    message?: string
    reason?: string
    details?: { causes?: Array<{ field?: string; message: string; reason?: string }> }
  }
  const message = s.message ?? (text.trim() || `${method} ${path}: HTTP ${status}`)
  return new KubeError('API', message, { status, reason: s.reason, causes: s.details?.causes })
}
