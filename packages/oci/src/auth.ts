import { OciError } from './errors.ts'

/** One parsed `WWW-Authenticate` challenge. */
export interface AuthChallenge {
  scheme: 'bearer' | 'basic' | string
  params: Record<string, string>
}

/**
 * Parses a `WWW-Authenticate` header: `Bearer realm="…",service="…",scope="…"` or
 * `Basic realm="…"`. Quoted values may hold commas.
 */
export function parseChallenge(header: string): AuthChallenge | undefined {
  const m = /^\s*([A-Za-z][A-Za-z0-9_-]*)\s*(.*)$/s.exec(header)
  if (!m) return undefined
  const params: Record<string, string> = {}
  const re = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*,?\s*/gy
  const rest = m[2] ?? ''
  let p: RegExpExecArray | null
  while (re.lastIndex < rest.length && (p = re.exec(rest))) {
    params[p[1]!.toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '')
  }
  return { scheme: m[1]!.toLowerCase(), params }
}

interface CachedToken {
  token: string
  expiresAt: number
}

/** Tokens are renewed this long before the server says they expire. */
const tokenExpiryMarginMs = 10_000
/** Lifetime assumed when the token server names none (the distribution spec's default). */
const defaultTokenLifetimeS = 60

/**
 * Bearer tokens cached per registry and scope until shortly before they expire, and the
 * scheme each registry asked for, so later requests carry credentials up front.
 */
export class TokenCache {
  readonly #tokens = new Map<string, CachedToken>()
  readonly #schemes = new Map<string, AuthChallenge>()
  readonly #now: () => number

  constructor(now: () => number = Date.now) {
    this.#now = now
  }

  /** Remembers the challenge a registry answered with. */
  setChallenge(registry: string, challenge: AuthChallenge): void {
    this.#schemes.set(registry, challenge)
  }

  /** The last challenge `registry` answered with. */
  challenge(registry: string): AuthChallenge | undefined {
    return this.#schemes.get(registry)
  }

  /** A live token for `registry` and `scope`. */
  get(registry: string, scope: string): string | undefined {
    const key = `${registry} ${scope}`
    const hit = this.#tokens.get(key)
    if (!hit) return undefined
    if (hit.expiresAt <= this.#now()) {
      this.#tokens.delete(key)
      return undefined
    }
    return hit.token
  }

  /** Stores a token; `expiresIn` in seconds as the token server sent it. */
  set(registry: string, scope: string, token: string, expiresIn?: number, issuedAt?: string): void {
    const lifetimeMs = (expiresIn && expiresIn > 0 ? expiresIn : defaultTokenLifetimeS) * 1000
    const issued = issuedAt ? Date.parse(issuedAt) : NaN
    const start = Number.isFinite(issued) ? Math.min(issued, this.#now()) : this.#now()
    this.#tokens.set(`${registry} ${scope}`, {
      token,
      expiresAt: start + lifetimeMs - tokenExpiryMarginMs,
    })
  }

  /** Forgets a token the registry refused. */
  delete(registry: string, scope: string): void {
    this.#tokens.delete(`${registry} ${scope}`)
  }
}

/** The scope string for a repository, as the distribution token spec writes it. */
export function repositoryScope(repository: string, actions: readonly string[]): string {
  return `repository:${repository}:${actions.join(',')}`
}

/** Reads a token-server answer: `{token}` or `{access_token}`, with `expires_in`, `issued_at`. */
export function parseTokenResponse(
  body: Uint8Array,
  reference: string,
  realm: string,
): { token: string; expiresIn?: number; issuedAt?: string } {
  let json: Record<string, unknown>
  try {
    json = JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>
  } catch (err) {
    throw new OciError(
      'REGISTRY_ERROR',
      reference,
      `token server ${realm} sent an unreadable answer for ${reference}`,
      { cause: err },
    )
  }
  const token = typeof json.token === 'string' ? json.token : json.access_token
  if (typeof token !== 'string' || !token) {
    throw new OciError(
      'REGISTRY_ERROR',
      reference,
      `token server ${realm} sent no token for ${reference}`,
    )
  }
  const out: { token: string; expiresIn?: number; issuedAt?: string } = { token }
  if (typeof json.expires_in === 'number') out.expiresIn = json.expires_in
  if (typeof json.issued_at === 'string') out.issuedAt = json.issued_at
  return out
}
