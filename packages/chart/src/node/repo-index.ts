import { CORE_SCHEMA, load } from 'js-yaml'
import { ChartError } from '../errors.ts'
import { resolveLimits, type ChartLimits } from '../limits.ts'
import { APIVersionV1, validateMetadata } from '../metadata.ts'
import type { ChartMetadata } from '../types.ts'
import { parseVersionRange, resolveVersion, sortVersions } from '../version.ts'
import { httpGet, type RepoConnectOptions } from './http.ts'

/** One chart version of a repository index: Chart.yaml fields plus where to download it. */
export interface RepoChartVersion extends ChartMetadata {
  urls: string[]
  digest?: string
  created?: string
  removed?: boolean
}

/** A classic Helm repository's index.yaml, entries sorted newest first. */
export interface RepoIndex {
  apiVersion: string
  generated?: string
  entries: Record<string, RepoChartVersion[]>
}

/**
 * Parses index.yaml (YAML or JSON) as Helm's loadIndex: entries without apiVersion get v1,
 * entries that fail Chart.yaml validation are skipped, versions are sorted newest first.
 *
 * @throws ChartError `INVALID_INDEX` for an empty or malformed index, or one without apiVersion.
 */
export function parseRepoIndex(text: string, source: string): RepoIndex {
  if (text.trim() === '')
    throw new ChartError('INVALID_INDEX', `${source}: empty index.yaml file`, { source })
  let raw: unknown
  try {
    // indexes reach tens of megabytes: JSON and js-yaml parse them many times faster than a
    // full YAML document model would
    raw = /^\s*\{/.test(text)
      ? JSON.parse(text)
      : load(text, { schema: CORE_SCHEMA, json: true, filename: source })
  } catch (err) {
    throw new ChartError(
      'INVALID_INDEX',
      `${source}: ${(err as Error).message.split('\n')[0]}`,
      { source },
      { cause: err },
    )
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ChartError('INVALID_INDEX', `${source}: index.yaml must be a map`, { source })
  }
  const obj = raw as Record<string, unknown>
  const apiVersion = typeof obj['apiVersion'] === 'string' ? obj['apiVersion'] : ''
  if (!apiVersion)
    throw new ChartError('INVALID_INDEX', `${source}: no API version specified`, {
      source,
      field: 'apiVersion',
    })
  const entries: Record<string, RepoChartVersion[]> = {}
  const rawEntries = obj['entries']
  if (rawEntries !== null && typeof rawEntries === 'object' && !Array.isArray(rawEntries)) {
    for (const [name, list] of Object.entries(rawEntries as Record<string, unknown>)) {
      if (!Array.isArray(list)) continue
      const valid: RepoChartVersion[] = []
      for (const item of list) {
        const v = toChartVersion(item)
        if (v) valid.push(v)
      }
      const order = sortVersions(valid.map((v) => v.version))
      const byVersion = new Map<string, RepoChartVersion[]>()
      for (const v of valid) byVersion.set(v.version, [...(byVersion.get(v.version) ?? []), v])
      entries[name] = [...new Set(order)].flatMap((ver) => byVersion.get(ver) ?? [])
    }
  }
  const index: RepoIndex = { apiVersion, entries }
  if (typeof obj['generated'] === 'string') index.generated = obj['generated']
  return index
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v instanceof Date) return v.toISOString()
  return undefined
}

function toChartVersion(item: unknown): RepoChartVersion | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined
  const o = item as Record<string, unknown>
  const urls = Array.isArray(o['urls']) ? o['urls'].map(str).filter((u): u is string => !!u) : []
  const v: RepoChartVersion = {
    apiVersion: str(o['apiVersion']) || APIVersionV1,
    name: str(o['name']) ?? '',
    version: str(o['version']) ?? '',
    urls,
  }
  for (const key of [
    'description',
    'appVersion',
    'kubeVersion',
    'home',
    'icon',
    'type',
    'digest',
    'created',
  ] as const) {
    const s = str(o[key])
    if (s !== undefined) (v as unknown as Record<string, string>)[key] = s
  }
  if (o['deprecated'] === true) v.deprecated = true
  if (o['removed'] === true) v.removed = true
  if (Array.isArray(o['keywords']))
    v.keywords = o['keywords'].map(str).filter((s): s is string => s !== undefined)
  try {
    validateMetadata(v, undefined, 'index.yaml')
  } catch {
    return undefined
  }
  return v
}

/**
 * Finds a chart version in an index as Helm's IndexFile.Get: an exact version string first,
 * then the newest version satisfying `version` as a constraint; no version means the newest
 * stable one (or newest of all with `devel`).
 *
 * @throws ChartError `CHART_NOT_FOUND` or `VERSION_NOT_FOUND` with Helm's wording.
 */
export function findChartVersion(
  index: RepoIndex,
  name: string,
  version: string | undefined,
  options: { devel?: boolean; repoUrl?: string } = {},
): RepoChartVersion {
  const list = index.entries[name]
  const where = options.repoUrl ? ` in ${options.repoUrl} repository` : ''
  if (!list || list.length === 0) {
    throw new ChartError('CHART_NOT_FOUND', `chart ${JSON.stringify(name)} not found${where}`, {
      ...(options.repoUrl ? { source: options.repoUrl } : {}),
    })
  }
  if (version) parseVersionRange(version)
  const picked = resolveVersion(
    list.map((v) => v.version),
    version || undefined,
    options.devel === undefined ? {} : { devel: options.devel },
  )
  const found = picked === undefined ? undefined : list.find((v) => v.version === picked)
  if (!found) {
    const what = version
      ? `chart ${JSON.stringify(name)} version ${JSON.stringify(version)}`
      : `chart ${JSON.stringify(name)}`
    throw new ChartError('VERSION_NOT_FOUND', `${what} not found${where}`, {
      ...(options.repoUrl ? { source: options.repoUrl } : {}),
      field: 'version',
    })
  }
  return found
}

/**
 * Resolves a chart URL of an index against the repository URL as Helm does: absolute URLs
 * stay, relative ones are joined to the repository URL (with a trailing slash), keeping the
 * repository URL's query.
 */
export function resolveChartUrl(repoUrl: string, chartUrl: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(chartUrl)) return chartUrl
  const base = new URL(repoUrl)
  base.pathname = `${base.pathname.replace(/\/$/, '')}/`
  const query = base.search
  const resolved = new URL(chartUrl, base)
  resolved.search = query
  return resolved.toString()
}

/** The index.yaml URL of a repository URL. */
export function indexUrl(repoUrl: string): string {
  const u = new URL(repoUrl)
  u.pathname = `${u.pathname.replace(/\/$/, '')}/index.yaml`
  return u.toString()
}

interface CachedIndex {
  index: RepoIndex
  fetchedAt: number
  etag?: string
  lastModified?: string
}

/** Options of a {@link RepoIndexCache} fetch. */
export interface FetchIndexOptions extends RepoConnectOptions {
  limits?: Partial<ChartLimits>
}

/**
 * Fetches repository indexes and keeps them in memory for `ttlMs`; after that a conditional
 * request (ETag / Last-Modified) revalidates them, so unchanged large indexes are not
 * downloaded and parsed again.
 */
export class RepoIndexCache {
  readonly #entries = new Map<string, CachedIndex>()
  readonly #inFlight = new Map<string, Promise<RepoIndex>>()

  constructor(readonly ttlMs = 60_000) {}

  /**
   * The index of the repository at `repoUrl`.
   *
   * @throws ChartError `REPOSITORY_ERROR` (with Helm's "is not a valid chart repository or
   *   cannot be reached" wording) or `INVALID_INDEX`.
   */
  async get(repoUrl: string, options: FetchIndexOptions = {}): Promise<RepoIndex> {
    const key = `${indexUrl(repoUrl)}|${options.username ?? ''}`
    // concurrent requests for one index share one download
    let pending = this.#inFlight.get(key)
    if (!pending) {
      pending = this.#fetch(repoUrl, key, options).finally(() => this.#inFlight.delete(key))
      this.#inFlight.set(key, pending)
    }
    return pending
  }

  async #fetch(repoUrl: string, key: string, options: FetchIndexOptions): Promise<RepoIndex> {
    const url = indexUrl(repoUrl)
    const cached = this.#entries.get(key)
    const now = Date.now()
    if (cached && now - cached.fetchedAt < this.ttlMs) return cached.index
    const headers: Record<string, string> = {}
    if (cached?.etag) headers['If-None-Match'] = cached.etag
    if (cached?.lastModified) headers['If-Modified-Since'] = cached.lastModified
    const limits = resolveLimits(options.limits)
    let res
    try {
      res = await httpGet(url, { ...options, maxBytes: limits.maxIndexSize, headers })
    } catch (err) {
      const e = err as ChartError
      throw new ChartError(
        'REPOSITORY_ERROR',
        `looks like ${JSON.stringify(repoUrl)} is not a valid chart repository or cannot be reached: ${e.message}`,
        { source: repoUrl },
        { cause: err },
      )
    }
    if (res.status === 304 && cached) {
      cached.fetchedAt = now
      return cached.index
    }
    if (res.status < 200 || res.status >= 300) {
      throw new ChartError(
        'REPOSITORY_ERROR',
        `looks like ${JSON.stringify(repoUrl)} is not a valid chart repository or cannot be reached: failed to fetch ${url} : ${res.status} ${statusText(res.status)}`,
        { source: repoUrl },
      )
    }
    const index = parseRepoIndex(new TextDecoder().decode(res.body), url)
    const entry: CachedIndex = { index, fetchedAt: now }
    const etag = res.headers['etag']
    const lastModified = res.headers['last-modified']
    if (typeof etag === 'string') entry.etag = etag
    if (typeof lastModified === 'string') entry.lastModified = lastModified
    this.#entries.set(key, entry)
    return index
  }

  /** Forgets every cached index. */
  clear(): void {
    this.#entries.clear()
  }
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    500: 'Internal Server Error',
  }
  return texts[status] ?? ''
}

/** The process-wide index cache used when callers do not pass their own. */
export const sharedIndexCache = new RepoIndexCache()
