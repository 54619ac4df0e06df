/** One request as the registry (or a proxy in front of it) saw it. */
export interface LoggedRequest {
  method: string
  /** Path with query string, e.g. `/v2/charts/demo/manifests/1.0.0`. */
  path: string
  status: number
}

/** Which requests to count: a method and/or a path (exact string, or a pattern). */
export interface RequestFilter {
  method?: string
  path?: string | RegExp
}

/** True when a request with `method` and `path` passes `filter`. */
export function matchesFilter(filter: RequestFilter, method: string, path: string): boolean {
  return (
    (!filter.method || method === filter.method.toUpperCase()) &&
    (filter.path === undefined ||
      (typeof filter.path === 'string' ? path === filter.path : filter.path.test(path)))
  )
}

/** Requests counted at a test registry, in arrival order. */
export class RequestLog {
  readonly entries: LoggedRequest[] = []

  /** Adds one request (called by the recording proxy). */
  record(entry: LoggedRequest): void {
    this.entries.push(entry)
  }

  /** Requests matching `filter` (all of them without one). */
  filter(filter: RequestFilter = {}): LoggedRequest[] {
    return this.entries.filter((e) => matchesFilter(filter, e.method, e.path))
  }

  /** How many requests match `filter`. */
  count(filter: RequestFilter = {}): number {
    return this.filter(filter).length
  }

  /** Requests for manifests (by tag or digest) of `repository`, or of any repository. */
  manifests(repository?: string): LoggedRequest[] {
    return this.filter({
      path: new RegExp(`^/v2/${repository ? escape(repository) : '.+'}/manifests/`),
    })
  }

  /** Requests for blobs (downloads and existence checks) of `repository`, or of any repository. */
  blobs(repository?: string): LoggedRequest[] {
    return this.filter({
      path: new RegExp(`^/v2/${repository ? escape(repository) : '.+'}/blobs/sha256:`),
    })
  }

  /** Forgets everything recorded so far. */
  clear(): void {
    this.entries.length = 0
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
