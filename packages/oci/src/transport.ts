import { readFileSync } from 'node:fs'
import type * as Undici from 'undici'
import type { Agent } from 'undici'
import { OciError } from './errors.ts'
import { retryBaseDelayMs } from './limits.ts'

/** What {@link Transport} needs to know to send one request. */
export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  url: string
  headers?: Record<string, string>
  body?: Uint8Array
  /** Largest body read; a longer one fails with TOO_LARGE. */
  maxBytes: number
  /** The reference named in errors. */
  reference: string
  /** What is being fetched, for error messages ("manifest", "blob sha256:…"). */
  what: string
  /** Follow redirects (blob storage); Authorization is dropped on another host. */
  followRedirects?: boolean
}

/** A response read in full. */
export interface HttpResponse {
  status: number
  headers: Headers
  body: Uint8Array
  /** The URL that answered, after redirects. */
  url: string
}

/** TLS and connection settings of a {@link Transport}. */
export interface TransportOptions {
  insecureSkipTlsVerify?: boolean
  caFile?: string
  certFile?: string
  keyFile?: string
  timeoutMs: number
  retries: number
  maxRetryAfterMs: number
  maxRedirects: number
  fetch?: typeof fetch
  userAgent: string
}

const tlsCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
])

function causeCode(err: unknown): string | undefined {
  let e: unknown = err
  for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}

function describe(err: unknown): string {
  const parts: string[] = []
  let e: unknown = err
  for (let i = 0; i < 5 && e instanceof Error; i++) {
    if (!parts.includes(e.message)) parts.push(e.message)
    e = e.cause
  }
  return parts.join(': ')
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Sends requests to a registry: one timeout per exchange (headers and body), bounded retries
 * with exponential backoff on 429, 5xx and network errors (honouring `Retry-After` up to a
 * cap), body size limits, and redirects followed by hand so credentials never reach another host.
 * A timeout is not retried: the timeout is the bound a caller asked for.
 */
let undiciModule: Promise<typeof Undici> | undefined
const loadUndici = () => (undiciModule ??= import('undici'))

export class Transport {
  readonly #options: TransportOptions
  // TLS settings for a dispatcher of our own; undici itself loads on the first request, so
  // commands that never reach a registry don't pay for it at start-up
  readonly #connect?: { rejectUnauthorized: boolean; ca?: Buffer; cert?: Buffer; key?: Buffer }
  #dispatcher?: Agent

  constructor(options: TransportOptions) {
    this.#options = options
    if (options.insecureSkipTlsVerify || options.caFile || options.certFile || options.keyFile) {
      const read = (path: string | undefined, what: string) => {
        if (!path) return undefined
        try {
          return readFileSync(path)
        } catch (err) {
          throw new OciError(
            'TLS',
            path,
            `cannot read ${what} ${path}: ${(err as Error).message}`,
            { cause: err },
          )
        }
      }
      const ca = read(options.caFile, 'CA file')
      const cert = read(options.certFile, 'certificate file')
      const key = read(options.keyFile, 'key file')
      this.#connect = {
        rejectUnauthorized: !options.insecureSkipTlsVerify,
        ...(ca ? { ca } : {}),
        ...(cert ? { cert } : {}),
        ...(key ? { key } : {}),
      }
    }
  }

  /** Sends `req`, retrying where it is safe, and reads the whole body. */
  async send(req: HttpRequest): Promise<HttpResponse> {
    let attempt = 0
    for (;;) {
      let res: HttpResponse
      try {
        res = await this.#follow(req)
      } catch (err) {
        if (
          err instanceof OciError &&
          err.code === 'UNREACHABLE' &&
          attempt < this.#options.retries
        ) {
          await sleep(retryBaseDelayMs * 2 ** attempt++)
          continue
        }
        throw err
      }
      if ((res.status === 429 || res.status >= 500) && attempt < this.#options.retries) {
        await sleep(this.#retryDelay(res.headers.get('retry-after'), attempt++))
        continue
      }
      return res
    }
  }

  /** Closes pooled connections. */
  async close(): Promise<void> {
    await this.#dispatcher?.close()
  }

  #retryDelay(retryAfter: string | null, attempt: number): number {
    const backoff = retryBaseDelayMs * 2 ** attempt
    if (!retryAfter) return backoff
    let ms = Number(retryAfter) * 1000
    if (!Number.isFinite(ms)) ms = Date.parse(retryAfter) - Date.now()
    if (!Number.isFinite(ms) || ms < 0) return backoff
    return Math.min(ms, this.#options.maxRetryAfterMs)
  }

  async #follow(req: HttpRequest): Promise<HttpResponse> {
    let url = req.url
    let headers = { ...req.headers }
    const origin = new URL(url).origin
    for (let hop = 0; ; hop++) {
      const res = await this.#once(req, url, headers)
      const location = res.headers.get('location')
      if (!req.followRedirects || ![301, 302, 303, 307, 308].includes(res.status) || !location)
        return res
      if (hop >= this.#options.maxRedirects) {
        throw new OciError(
          'REGISTRY_ERROR',
          req.reference,
          `too many redirects fetching ${req.what} of ${req.reference}`,
        )
      }
      url = new URL(location, url).toString()
      // a redirect to blob storage must not carry the registry's credentials
      if (new URL(url).origin !== origin) {
        headers = Object.fromEntries(
          Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'),
        )
      }
    }
  }

  async #once(
    req: HttpRequest,
    url: string,
    headers: Record<string, string>,
  ): Promise<HttpResponse> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), this.#options.timeoutMs)
    const host = new URL(url).host
    try {
      const undici = await loadUndici()
      if (this.#connect && !this.#dispatcher) {
        this.#dispatcher = new undici.Agent({ connect: this.#connect })
      }
      const init = {
        method: req.method,
        headers: { 'User-Agent': this.#options.userAgent, ...headers },
        body: req.body,
        redirect: 'manual' as const,
        signal: controller.signal,
        ...(this.#dispatcher ? { dispatcher: this.#dispatcher } : {}),
      }
      const doFetch = (this.#options.fetch ?? undici.fetch) as (
        u: string,
        i: typeof init,
      ) => Promise<Response>
      const res = await doFetch(url, init)
      const body = req.method === 'HEAD' ? new Uint8Array() : await readBody(res, req, controller)
      return { status: res.status, headers: res.headers, body, url }
    } catch (err) {
      if (err instanceof OciError) throw err
      if (controller.signal.aborted) {
        throw new OciError(
          'TIMEOUT',
          req.reference,
          `timed out after ${this.#options.timeoutMs} ms fetching ${req.what} of ${req.reference} from ${host}`,
          { cause: err },
        )
      }
      const code = causeCode(err)
      if (
        code &&
        (tlsCodes.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL'))
      ) {
        throw new OciError(
          'TLS',
          req.reference,
          `TLS error talking to ${host} for ${req.reference}: ${describe(err)} (use --ca-file, or --insecure-skip-tls-verify, or --plain-http for a plain HTTP registry)`,
          { cause: err },
        )
      }
      throw new OciError(
        'UNREACHABLE',
        req.reference,
        `cannot reach ${host} for ${req.reference}: ${describe(err)}`,
        { cause: err },
      )
    } finally {
      clearTimeout(timer)
    }
  }
}

async function readBody(
  res: Response,
  req: HttpRequest,
  controller: AbortController,
): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN)
  const tooLarge = () =>
    new OciError(
      'TOO_LARGE',
      req.reference,
      `${req.what} of ${req.reference} is larger than the ${req.maxBytes}-byte limit`,
    )
  // only successful bodies matter; error bodies are read but capped
  if (Number.isFinite(declared) && declared > req.maxBytes) {
    controller.abort()
    throw tooLarge()
  }
  if (!res.body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = res.body.getReader()
  for (;;) {
    let step: Awaited<ReturnType<typeof reader.read>>
    try {
      step = await reader.read()
    } catch (err) {
      if (controller.signal.aborted) throw err
      throw new OciError(
        'UNREACHABLE',
        req.reference,
        `connection closed after ${total} bytes while reading ${req.what} of ${req.reference}: ${describe(err)}`,
        { cause: err },
      )
    }
    const { done, value } = step
    if (done) break
    total += value.byteLength
    if (total > req.maxBytes) {
      controller.abort()
      await reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const c of chunks) {
    out.set(c, offset)
    offset += c.byteLength
  }
  return out
}
