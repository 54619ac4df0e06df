import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseReference, RegistryClient, type RegistryClientOptions } from '@slipway/oci'
import { ChartError } from '../errors.ts'
import type { Chart } from '../types.ts'
import { normalizeVersion, resolveVersion, sortVersions } from '../version.ts'
import { httpGet, type RepoConnectOptions } from './http.ts'
import { loadChartArchive, loadChartDir, type LoadOptions } from './load.ts'
import {
  findChartVersion,
  resolveChartUrl,
  sharedIndexCache,
  type RepoIndexCache,
} from './repo-index.ts'
import { resolveLimits } from '../limits.ts'
import { sharedArchiveCache, type ArchiveCache } from './archive-cache.ts'

/**
 * Where a chart comes from:
 * - a string: `oci://host/path/name[:tag|@sha256:…]`, a chart directory, a `.tgz` file, or an
 *   `http(s)://` URL of a `.tgz`;
 * - `{ repo, name }`: a chart of a classic Helm repository (`--repo URL NAME`);
 * - `{ repository, path }`: the dashboard's form, where `repository` is `oci://host/ns` or an
 *   `http(s)://` Helm repository and `path` the chart's name in it.
 * `version` may be a version, an OCI tag or a constraint (`^1.2`); empty means the newest.
 */
export type ChartSource =
  | string
  | { repo: string; name: string; version?: string }
  | { repository: string; path: string; version?: string }

/** The part of `@slipway/oci`'s RegistryClient the chart loader uses (tests may pass another). */
export interface ChartRegistryClient {
  pullChart(
    ref: string,
    options?: { version?: string; devel?: boolean },
  ): Promise<{
    archive: Uint8Array
    manifestDigest: string
    contentDigest: string
    ref: string
  }>
  listTags(ref: string): Promise<string[]>
}

/** Options of {@link loadChartFromSource} and {@link listChartVersions}. */
export interface ChartSourceOptions extends RepoConnectOptions, LoadOptions {
  /** Helm's `--repo URL`: a string source is then the chart's name in that repository. */
  repo?: string
  /** Directory that relative paths are resolved against (default: the process's). */
  cwd?: string
  /** The version, tag or constraint (Helm's `--version`); wins over the source's own. */
  version?: string
  /** Consider prereleases when no version is given (Helm's `--devel`). */
  devel?: boolean
  /** OCI: plain HTTP (default: only for loopback registries, as Helm). */
  plainHttp?: boolean
  /** OCI: a registry client to use instead of a new `RegistryClient`. */
  registryClient?: ChartRegistryClient
  /** OCI: options for the `RegistryClient` made when none is given. */
  registryOptions?: RegistryClientOptions
  /** Helm repositories: the index cache (default: one shared by the process). */
  indexCache?: RepoIndexCache
  /** Helm repositories: archives by digest (default: one shared by the process; `null`: none). */
  archiveCache?: ArchiveCache | null
}

/** A chart fetched and loaded from a {@link ChartSource}. */
export interface LoadedChartSource {
  chart: Chart
  /** The archive bytes, unless the source is a directory. */
  archive?: Uint8Array
  /** `sha256:…` of the archive, unless the source is a directory. */
  digest?: string
  /** OCI only: the manifest digest. */
  manifestDigest?: string
  /** What was loaded: `oci://host/path/name:tag`, the chart URL, or the absolute path. */
  ref: string
  /** The chart's version as loaded. */
  version: string
}

type Resolved =
  | { kind: 'oci'; ref: string; version?: string }
  | { kind: 'repo'; repo: string; name: string; version?: string }
  | { kind: 'url'; url: string }
  | { kind: 'path'; path: string }

function resolveSource(source: ChartSource, version: string | undefined): Resolved {
  if (typeof source === 'string') {
    if (/^oci:\/\//i.test(source))
      return { kind: 'oci', ref: source, ...(version ? { version } : {}) }
    if (/^https?:\/\//i.test(source)) return { kind: 'url', url: source }
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(source)) {
      throw new ChartError(
        'INVALID_SOURCE',
        `unsupported chart source ${JSON.stringify(source)}: use oci://, http(s):// or a path`,
        { source },
      )
    }
    return { kind: 'path', path: source }
  }
  if ('repo' in source) {
    const v = version || source.version
    return { kind: 'repo', repo: source.repo, name: source.name, ...(v ? { version: v } : {}) }
  }
  const v = version || source.version
  const repository = source.repository.trim().replace(/\/+$/, '')
  const path = source.path.trim().replace(/^\/+|\/+$/g, '')
  if (!repository || !path) {
    throw new ChartError('INVALID_SOURCE', 'a chart needs both a repository and a path', {
      source: `${repository}/${path}`,
    })
  }
  if (/^oci:\/\//i.test(repository))
    return { kind: 'oci', ref: `${repository}/${path}`, ...(v ? { version: v } : {}) }
  if (/^https?:\/\//i.test(repository))
    return { kind: 'repo', repo: repository, name: path, ...(v ? { version: v } : {}) }
  throw new ChartError(
    'INVALID_SOURCE',
    `repository ${JSON.stringify(repository)} must start with oci://, https:// or http://`,
    {
      source: repository,
    },
  )
}

// `--repo URL NAME`: the string is a chart name in that repository
function withRepo(source: ChartSource, options: ChartSourceOptions): ChartSource {
  if (typeof source !== 'string' || !options.repo) return source
  return { repo: options.repo, name: source }
}

const sha256 = (data: Uint8Array) => `sha256:${createHash('sha256').update(data).digest('hex')}`

function registryClient(options: ChartSourceOptions): ChartRegistryClient {
  if (options.registryClient) return options.registryClient
  const opts: RegistryClientOptions = { ...options.registryOptions }
  if (options.plainHttp !== undefined) opts.plainHttp = options.plainHttp
  if (options.insecureSkipTlsVerify !== undefined)
    opts.insecureSkipTlsVerify = options.insecureSkipTlsVerify
  if (options.caFile !== undefined) opts.caFile = options.caFile
  if (options.certFile !== undefined) opts.certFile = options.certFile
  if (options.keyFile !== undefined) opts.keyFile = options.keyFile
  if (options.username !== undefined) opts.username = options.username
  if (options.password !== undefined) opts.password = options.password
  if (options.timeoutMs !== undefined) opts.timeoutMs = options.timeoutMs
  return new RegistryClient(opts) as unknown as ChartRegistryClient
}

// Helm (registry.Client.ValidateReference) uses anything that parses as a version, even a
// partial `1.1`, as the tag itself; only constraints are resolved against the tag list.
const isExactVersion = (v: string) => normalizeVersion(v) !== undefined

async function loadOci(
  r: Extract<Resolved, { kind: 'oci' }>,
  options: ChartSourceOptions,
): Promise<LoadedChartSource> {
  const parsed = parseReference(r.ref)
  const base = `${parsed.registry}/${parsed.repository}`
  if (
    r.version &&
    parsed.tag &&
    r.version !== parsed.tag &&
    r.version.replaceAll('+', '_') !== parsed.tag
  ) {
    throw new ChartError(
      'INVALID_SOURCE',
      `chart reference and version mismatch: ${r.version} is not ${parsed.tag}`,
      { source: r.ref },
    )
  }
  const client = registryClient(options)
  let pullRef: string
  if (parsed.digest) pullRef = `${base}${parsed.tag ? `:${parsed.tag}` : ''}@${parsed.digest}`
  else if (parsed.tag) pullRef = `${base}:${parsed.tag}`
  else if (r.version && isExactVersion(r.version))
    pullRef = `${base}:${r.version.replaceAll('+', '_')}`
  else {
    const tags = await client.listTags(`oci://${base}`)
    const tag = resolveVersion(tags, r.version, {
      tags: true,
      ...(options.devel ? { devel: true } : {}),
    })
    if (tag === undefined) {
      throw new ChartError(
        'VERSION_NOT_FOUND',
        `could not locate a version matching provided version string ${r.version ?? ''} for oci://${base}`.trim(),
        { source: `oci://${base}`, field: 'version' },
      )
    }
    pullRef = `${base}:${tag}`
  }
  const pulled = await client.pullChart(`oci://${pullRef}`)
  const chart = await loadChartArchive(pulled.archive, { ...options, source: `oci://${pullRef}` })
  return {
    chart,
    archive: pulled.archive,
    digest: pulled.contentDigest,
    manifestDigest: pulled.manifestDigest,
    ref: `oci://${pulled.ref.replace(/^oci:\/\//, '')}`,
    version: chart.metadata.version,
  }
}

async function download(
  url: string,
  options: ChartSourceOptions,
  credentialsHost?: string,
): Promise<Uint8Array> {
  const limits = resolveLimits(options.limits)
  const sameHost = credentialsHost === undefined || new URL(url).host === credentialsHost
  const connect: RepoConnectOptions = { ...options }
  if (!sameHost && !options.passCredentialsAll) {
    delete connect.username
    delete connect.password
  }
  const res = await httpGet(url, { ...connect, maxBytes: limits.maxArchiveSize })
  if (res.status < 200 || res.status >= 300) {
    throw new ChartError('REPOSITORY_ERROR', `failed to fetch ${url} : ${res.status}`, {
      source: url,
    })
  }
  return res.body
}

async function loadRepo(
  r: Extract<Resolved, { kind: 'repo' }>,
  options: ChartSourceOptions,
): Promise<LoadedChartSource> {
  const cache = options.indexCache ?? sharedIndexCache
  const index = await cache.get(r.repo, options)
  const entry = findChartVersion(index, r.name, r.version, {
    repoUrl: r.repo,
    ...(options.devel ? { devel: true } : {}),
  })
  const first = entry.urls[0]
  if (!first) {
    throw new ChartError(
      'INVALID_INDEX',
      `chart ${JSON.stringify(r.name)} version ${entry.version} has no download URL in ${r.repo}`,
      {
        source: r.repo,
      },
    )
  }
  const url = resolveChartUrl(r.repo, first)
  const archives = options.archiveCache === undefined ? sharedArchiveCache : options.archiveCache
  const listed =
    entry.digest && /^[a-f0-9]{64}$/.test(entry.digest) ? `sha256:${entry.digest}` : undefined
  let archive = listed ? archives?.get(listed) : undefined
  if (!archive) {
    archive = await download(url, options, new URL(r.repo).host)
    if (listed && sha256(archive) !== listed) {
      throw new ChartError(
        'INVALID_ARCHIVE',
        `${url}: digest ${sha256(archive)} does not match ${listed} of the repository index`,
        {
          source: url,
        },
      )
    }
    if (listed) archives?.set(listed, archive)
  }
  const digest = listed ?? sha256(archive)
  const chart = await loadChartArchive(archive, { ...options, source: url })
  return { chart, archive, digest, ref: url, version: chart.metadata.version }
}

/**
 * Fetches (if remote) and loads a chart from any source Helm accepts, resolving versions and
 * constraints as Helm does (exact match first, else the newest satisfying version; OCI tags
 * listed when a constraint is given).
 *
 * @example
 * await loadChartFromSource('oci://127.0.0.1:5000/charts/demo', { version: '^1' })
 * await loadChartFromSource({ repo: 'https://charts.example.com', name: 'demo' })
 * await loadChartFromSource('./charts/demo')
 */
export async function loadChartFromSource(
  source: ChartSource,
  options: ChartSourceOptions = {},
): Promise<LoadedChartSource> {
  const r = resolveSource(withRepo(source, options), options.version)
  switch (r.kind) {
    case 'oci':
      return loadOci(r, options)
    case 'repo':
      return loadRepo(r, options)
    case 'url': {
      const archive = await download(r.url, options)
      const chart = await loadChartArchive(archive, { ...options, source: r.url })
      return {
        chart,
        archive,
        digest: sha256(archive),
        ref: r.url,
        version: chart.metadata.version,
      }
    }
    case 'path': {
      const path = resolve(options.cwd ?? '.', r.path)
      const info = await stat(path).catch((err: unknown) => {
        throw new ChartError(
          'NOT_FOUND',
          `path ${JSON.stringify(r.path)} not found`,
          { source: r.path },
          { cause: err },
        )
      })
      if (info.isDirectory()) {
        const chart = await loadChartDir(path, options)
        return { chart, ref: path, version: chart.metadata.version }
      }
      const archive = new Uint8Array(await readFile(path))
      const chart = await loadChartArchive(archive, { ...options, source: r.path })
      return { chart, archive, digest: sha256(archive), ref: path, version: chart.metadata.version }
    }
  }
}

/**
 * The versions of a chart, newest first: the OCI repository's tags that are versions
 * (`_` read as `+`), or the versions a Helm repository's index lists. A local chart has its
 * one version.
 */
export async function listChartVersions(
  source: ChartSource,
  options: ChartSourceOptions = {},
): Promise<string[]> {
  const r = resolveSource(withRepo(source, options), undefined)
  switch (r.kind) {
    case 'oci': {
      const parsed = parseReference(r.ref)
      const tags = await registryClient(options).listTags(
        `oci://${parsed.registry}/${parsed.repository}`,
      )
      return sortVersions(tags, { tags: true }).map((t) => t.replaceAll('_', '+'))
    }
    case 'repo': {
      const index = await (options.indexCache ?? sharedIndexCache).get(r.repo, options)
      const list = index.entries[r.name]
      if (!list)
        throw new ChartError(
          'CHART_NOT_FOUND',
          `chart ${JSON.stringify(r.name)} not found in ${r.repo} repository`,
          { source: r.repo },
        )
      return [...new Set(list.map((v) => v.version))]
    }
    default: {
      const loaded = await loadChartFromSource(source, options)
      return [loaded.version]
    }
  }
}
