import { parseChallenge, parseTokenResponse, repositoryScope, TokenCache } from './auth.ts'
import type { Credential, CredentialStore } from './credentials.ts'
import { OciError } from './errors.ts'
import type { OciLimits } from './limits.ts'
import { isLoopbackRegistry } from './reference.ts'
import type { HttpRequest, HttpResponse, Transport } from './transport.ts'

/** Where credentials come from, in order: explicit ones, then a credential store. */
export interface CredentialSources {
  username?: string
  password?: string
  /** The store, created on first use (reading the user's files only when needed). */
  store: () => CredentialStore | undefined
}

/** One request to a repository's API, before auth is added. */
export interface RegistryRequest extends Omit<HttpRequest, 'url'> {
  /** Path under the registry root, e.g. `/v2/charts/demo/manifests/1.0.0`, or an absolute URL. */
  path: string
  /** Repository whose scope the request needs. */
  repository: string
  /** Scope actions, e.g. `['pull']` or `['pull', 'push']`. */
  actions: readonly string[]
  /** Statuses returned to the caller rather than turned into errors. */
  accept?: readonly number[]
}

interface RegistryErrorBody {
  errors?: { code?: string; message?: string; detail?: unknown }[]
}

/** The registry's own words from an error body (`{errors:[{code,message}]}`), if any. */
export function registryMessage(body: Uint8Array): string {
  try {
    const json = JSON.parse(new TextDecoder().decode(body)) as RegistryErrorBody
    const parts = (json.errors ?? []).map((e) => [e.code, e.message].filter(Boolean).join(': '))
    return parts.filter(Boolean).join('; ')
  } catch {
    return ''
  }
}

/**
 * Talks to registries on behalf of one client: picks http or https, answers auth challenges
 * (anonymous or with credentials, Bearer tokens cached per scope, or Basic), and turns
 * failures into {@link OciError}s naming the reference.
 */
export class RegistrySession {
  readonly #transport: Transport
  readonly #tokens = new TokenCache()
  readonly #pendingTokens = new Map<string, Promise<string>>()
  readonly #plainHttp: boolean | undefined
  readonly #creds: CredentialSources
  readonly #limits: OciLimits

  constructor(
    transport: Transport,
    creds: CredentialSources,
    limits: OciLimits,
    plainHttp?: boolean,
  ) {
    this.#transport = transport
    this.#creds = creds
    this.#limits = limits
    this.#plainHttp = plainHttp
  }

  /** `http://host` for plain-HTTP and loopback registries (as Helm), else `https://host`. */
  baseUrl(registry: string): string {
    const plain = this.#plainHttp ?? isLoopbackRegistry(registry)
    return `${plain ? 'http' : 'https'}://${registry}`
  }

  /** The credential for `registry`, and a description of every source looked at. */
  credential(registry: string): { cred?: Credential; tried: string[] } {
    if (this.#creds.username !== undefined || this.#creds.password !== undefined) {
      return {
        cred: { username: this.#creds.username ?? '', password: this.#creds.password ?? '' },
        tried: ['the given username and password'],
      }
    }
    const store = this.#creds.store()
    const cred = store?.get(registry)
    const tried = store ? store.sources.map((s) => `${s}${cred ? '' : ' (no entry)'}`) : []
    return cred ? { cred, tried } : { tried }
  }

  unauthorized(reference: string, registry: string, status: number, detail: string): OciError {
    const { cred, tried } = this.credential(registry)
    const how = cred
      ? `credentials from ${tried.join(', ')}`
      : `no credentials (anonymous; looked in ${tried.join(', ') || 'nothing'})`
    return new OciError(
      'UNAUTHORIZED',
      reference,
      `unauthorized: registry ${registry} refused access to ${reference}${detail ? ` (${detail})` : ''}; tried ${how}. ` +
        `Log in with "helm registry login ${registry}" or pass --username and --password.`,
      { status },
    )
  }

  /** Pings `/v2/`: resolves when the registry speaks the distribution API (with auth if asked). */
  async ping(registry: string): Promise<void> {
    const res = await this.#transport.send({
      method: 'GET',
      url: `${this.baseUrl(registry)}/v2/`,
      maxBytes: this.#limits.maxAuxResponseBytes,
      reference: registry,
      what: 'API version check',
    })
    if (res.status === 200 || res.status === 401) return
    throw new OciError(
      'REGISTRY_ERROR',
      registry,
      `${registry} does not answer as an OCI registry (GET /v2/ → ${res.status})`,
      { status: res.status },
    )
  }

  /** Sends `req` with whatever auth the registry asks for; errors for non-accepted statuses. */
  async send(registry: string, req: RegistryRequest): Promise<HttpResponse> {
    const scope = repositoryScope(req.repository, req.actions)
    const url = /^https?:\/\//.test(req.path) ? req.path : `${this.baseUrl(registry)}${req.path}`
    const attempt = (authorization?: string) =>
      this.#transport.send({
        ...req,
        url,
        headers: { ...req.headers, ...(authorization ? { Authorization: authorization } : {}) },
      })
    let authorization = this.#knownAuthorization(registry, scope)
    let res = await attempt(authorization)
    if (res.status === 401) {
      const header = res.headers.get('www-authenticate')
      const challenge = header ? parseChallenge(header) : undefined
      if (challenge) this.#tokens.setChallenge(registry, challenge)
      if (challenge?.scheme === 'bearer') {
        this.#tokens.delete(registry, scope)
        authorization = `Bearer ${await this.#token(registry, scope, challenge.params, req.reference)}`
        res = await attempt(authorization)
      } else if (challenge?.scheme === 'basic') {
        const { cred } = this.credential(registry)
        if (cred && authorization === undefined) {
          authorization = basic(cred)
          res = await attempt(authorization)
        }
      }
    }
    if (res.status >= 200 && res.status < 300) return res
    if (req.accept?.includes(res.status)) return res
    const said = registryMessage(res.body)
    if (res.status === 401 || res.status === 403) {
      throw this.unauthorized(
        req.reference,
        registry,
        res.status,
        said || `${req.what}: HTTP ${res.status}`,
      )
    }
    if (res.status === 404) {
      throw new OciError(
        'NOT_FOUND',
        req.reference,
        `${req.reference}: ${req.what} not found in ${registry}${said ? ` (${said})` : ''}`,
        { status: 404 },
      )
    }
    throw new OciError(
      'REGISTRY_ERROR',
      req.reference,
      `${registry} answered ${res.status} for ${req.what} of ${req.reference}${said ? `: ${said}` : ''}`,
      { status: res.status },
    )
  }

  #knownAuthorization(registry: string, scope: string): string | undefined {
    const challenge = this.#tokens.challenge(registry)
    if (!challenge) return undefined
    if (challenge.scheme === 'bearer') {
      const token = this.#tokens.get(registry, scope)
      return token ? `Bearer ${token}` : undefined
    }
    if (challenge.scheme === 'basic') {
      const { cred } = this.credential(registry)
      return cred ? basic(cred) : undefined
    }
    return undefined
  }

  async #token(
    registry: string,
    scope: string,
    params: Record<string, string>,
    reference: string,
  ): Promise<string> {
    const key = `${registry} ${scope}`
    let pending = this.#pendingTokens.get(key)
    if (!pending) {
      pending = this.#fetchToken(registry, scope, params, reference).finally(() =>
        this.#pendingTokens.delete(key),
      )
      this.#pendingTokens.set(key, pending)
    }
    return pending
  }

  async #fetchToken(
    registry: string,
    scope: string,
    params: Record<string, string>,
    reference: string,
  ): Promise<string> {
    const realm = params.realm
    if (!realm) {
      throw new OciError(
        'REGISTRY_ERROR',
        reference,
        `${registry} asked for a Bearer token but named no realm`,
      )
    }
    let url: URL
    try {
      url = new URL(realm)
    } catch (err) {
      throw new OciError(
        'REGISTRY_ERROR',
        reference,
        `${registry} named an invalid token realm "${realm}"`,
        { cause: err },
      )
    }
    if (params.service) url.searchParams.set('service', params.service)
    url.searchParams.append('scope', scope)
    if (params.scope && params.scope !== scope) url.searchParams.append('scope', params.scope)
    const { cred } = this.credential(registry)
    // Docker sends the account too; some token servers want it
    if (cred) url.searchParams.set('account', cred.username)
    const res = await this.#transport.send({
      method: 'GET',
      url: url.toString(),
      headers: cred ? { Authorization: basic(cred) } : {},
      maxBytes: this.#limits.maxAuxResponseBytes,
      reference,
      what: 'token',
    })
    if (res.status === 401 || res.status === 403) {
      throw this.unauthorized(
        reference,
        registry,
        res.status,
        `token server ${url.origin} said ${res.status}`,
      )
    }
    if (res.status !== 200) {
      throw new OciError(
        'REGISTRY_ERROR',
        reference,
        `token server ${url.origin} answered ${res.status} for ${reference}`,
        { status: res.status },
      )
    }
    const { token, expiresIn, issuedAt } = parseTokenResponse(res.body, reference, url.origin)
    this.#tokens.set(registry, scope, token, expiresIn, issuedAt)
    return token
  }
}

function basic(cred: Credential): string {
  return `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`
}
