import semver from 'semver'
import { BlobCache, defaultCacheDir } from './cache.ts'
import { CredentialStore } from './credentials.ts'
import { matchesDigest, sha256Digest } from './digest.ts'
import { OciError } from './errors.ts'
import { defaultLimits, defaultRetries, defaultTimeoutMs, type OciLimits } from './limits.ts'
import {
  chartLayers,
  helmAnnotations,
  helmConfigJson,
  helmManifestJson,
  parseManifest,
  type OciDescriptor,
  type OciManifest,
} from './manifest.ts'
import {
  HelmChartContentMediaType,
  HelmConfigMediaType,
  HelmProvenanceMediaType,
  manifestAccept,
  OciManifestMediaType,
} from './media-types.ts'
import { makeReference, parseReference, type OciReference } from './reference.ts'
import { RegistrySession } from './session.ts'
import { tagToVersion, versionToTag } from './tag.ts'
import { Transport } from './transport.ts'

/** How a {@link RegistryClient} connects, authenticates and caches. */
export interface RegistryClientOptions {
  /**
   * true: plain HTTP; false: HTTPS even for loopback. Default: plain HTTP for loopback
   * registries only (as Helm), unless a TLS option (CA, client certificate, skip-verify) is given.
   */
  plainHttp?: boolean
  insecureSkipTlsVerify?: boolean
  caFile?: string
  certFile?: string
  keyFile?: string
  /** Credentials for every registry this client talks to (like `--username`/`--password`). */
  username?: string
  password?: string
  /** Where to look credentials up; default: Helm's and Docker's config files. */
  credentials?: CredentialStore
  /** Content-addressed cache directory; default `$XDG_CACHE_HOME/slipway` or `~/.cache/slipway`. */
  cacheDir?: string
  /** Time allowed for one HTTP exchange; default 30 s. */
  timeoutMs?: number
  /** Retries after a 429, a 5xx or a network error; default 3. */
  retries?: number
  /** A fetch implementation (default: undici's). */
  fetch?: typeof fetch
  userAgent?: string
  /** Overrides of {@link defaultLimits}. */
  limits?: Partial<OciLimits>
}

/** A chart pulled from a registry, verified against its digests. */
export interface PulledChart {
  /** `registry/repository:tag` or `registry/repository@digest`. */
  ref: string
  manifestDigest: string
  contentDigest: string
  /** The chart archive (.tgz) bytes. */
  archive: Uint8Array
  /** The config blob: Chart.yaml as JSON. */
  config: Record<string, unknown>
  provenance?: Uint8Array
}

/** What {@link RegistryClient.pushChart} did. */
export interface PushResult {
  /** `registry/repository:tag`, as `helm push` prints it. */
  ref: string
  manifestDigest: string
  contentDigest: string
}

/** Chart.yaml fields, as JSON; name and version are required. */
export interface ChartMetadataJson {
  name: string
  version: string
  [key: string]: unknown
}

/** A resolved manifest. */
export interface ResolvedManifest {
  digest: string
  manifest: OciManifest
}

// Downloads in flight, shared by every client in the process with the same cache directory.
const blobsInFlight = new Map<string, Promise<Uint8Array>>()

/**
 * Pulls and pushes Helm charts in OCI registries, as Helm does: same media types, same
 * manifest, `+` in versions written `_` in tags. Blobs and manifests are cached on disk by
 * digest; tags are always asked of the registry (one manifest request), digests never are.
 *
 * @example
 * const client = new RegistryClient()
 * const chart = await client.pullChart('oci://127.0.0.1:5000/charts/demo', { version: '1.0.0' })
 */
export class RegistryClient {
  readonly #session: RegistrySession
  readonly #transport: Transport
  readonly #cache: BlobCache
  readonly #limits: OciLimits
  readonly #pullsInFlight = new Map<string, Promise<PulledChart>>()

  constructor(options: RegistryClientOptions = {}) {
    this.#limits = { ...defaultLimits, ...options.limits }
    this.#transport = new Transport({
      ...(options.insecureSkipTlsVerify !== undefined
        ? { insecureSkipTlsVerify: options.insecureSkipTlsVerify }
        : {}),
      ...(options.caFile ? { caFile: options.caFile } : {}),
      ...(options.certFile ? { certFile: options.certFile } : {}),
      ...(options.keyFile ? { keyFile: options.keyFile } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
      retries: options.retries ?? defaultRetries,
      maxRetryAfterMs: this.#limits.maxRetryAfterMs,
      maxRedirects: this.#limits.maxRedirects,
      userAgent: options.userAgent ?? 'slipway',
    })
    let store: CredentialStore | undefined = options.credentials
    this.#session = new RegistrySession(
      this.#transport,
      {
        ...(options.username !== undefined ? { username: options.username } : {}),
        ...(options.password !== undefined ? { password: options.password } : {}),
        store: () => (store ??= CredentialStore.fromDefaultLocations()),
      },
      this.#limits,
      options.plainHttp ??
        (options.insecureSkipTlsVerify || options.caFile || options.certFile ? false : undefined),
    )
    this.#cache = new BlobCache(options.cacheDir ?? defaultCacheDir())
  }

  /** Checks that `registry` speaks the OCI distribution API (`GET /v2/`). */
  async ping(registry: string): Promise<void> {
    await this.#session.ping(registry)
  }

  /**
   * Resolves a reference to its manifest. A digest reference is served from the cache without
   * any request when it can be; a tag costs one manifest request.
   */
  async resolve(ref: OciReference | string): Promise<ResolvedManifest> {
    const r = toRef(ref)
    const { digest, bytes, contentType } = await this.#manifestBytes(r)
    return { digest, manifest: parseManifest(bytes, r.toString(), contentType) }
  }

  /**
   * Pulls a chart. `version` is a chart version (mapped to a tag, `+` → `_`) or a semver
   * range resolved against the repository's tags; without it, the tag or digest in `ref`, or
   * else the newest stable version. Concurrent pulls of one reference share one download.
   */
  async pullChart(
    ref: OciReference | string,
    options: { version?: string; devel?: boolean } = {},
  ): Promise<PulledChart> {
    const r = toRef(ref)
    const key = `${r.toString()}|${options.version ?? ''}|${options.devel ? 'devel' : ''}`
    let pending = this.#pullsInFlight.get(key)
    if (!pending) {
      pending = this.#pull(r, options).finally(() => this.#pullsInFlight.delete(key))
      this.#pullsInFlight.set(key, pending)
    }
    return pending
  }

  /**
   * Pushes a chart archive as Helm does. `ref` is either the parent path
   * (`oci://host/charts` → `host/charts/NAME:VERSION`, like `helm push`) or a full reference
   * with a tag, which must be the chart's version.
   */
  async pushChart(
    ref: OciReference | string,
    archive: Uint8Array,
    chart: ChartMetadataJson,
    options: { provenance?: Uint8Array; created?: string } = {},
  ): Promise<PushResult> {
    const given = toRef(ref)
    if (
      typeof chart.name !== 'string' ||
      !chart.name ||
      typeof chart.version !== 'string' ||
      !chart.version
    ) {
      throw new OciError(
        'INVALID_REFERENCE',
        given.toString(),
        `cannot push to ${given}: the chart has no name or version`,
      )
    }
    const tag = versionToTag(chart.version)
    let target: OciReference
    if (given.digest) {
      throw new OciError(
        'INVALID_REFERENCE',
        given.toString(),
        `cannot push to ${given}: push to a tag, not a digest`,
      )
    } else if (given.tag) {
      if (given.tag !== tag && given.tag !== chart.version) {
        throw new OciError(
          'INVALID_REFERENCE',
          given.toString(),
          `cannot push ${chart.name} ${chart.version} to ${given}: the tag must be the chart version (${tag})`,
        )
      }
      target = makeReference({ registry: given.registry, repository: given.repository, tag })
    } else {
      target = makeReference({
        registry: given.registry,
        repository: `${given.repository}/${chart.name}`,
        tag,
      })
    }
    if (archive.byteLength > this.#limits.maxChartBytes) {
      throw new OciError(
        'TOO_LARGE',
        target.toString(),
        `${target}: the chart archive is ${archive.byteLength} bytes, over the ${this.#limits.maxChartBytes}-byte limit`,
      )
    }
    const configBytes = new TextEncoder().encode(helmConfigJson(chart))
    const describe = (mediaType: string, bytes: Uint8Array): OciDescriptor => ({
      mediaType,
      digest: sha256Digest(bytes),
      size: bytes.byteLength,
    })
    const config = describe(HelmConfigMediaType, configBytes)
    const content = describe(HelmChartContentMediaType, archive)
    const layers = [content]
    await this.#uploadBlob(target, config, configBytes)
    await this.#uploadBlob(target, content, archive)
    if (options.provenance) {
      const prov = describe(HelmProvenanceMediaType, options.provenance)
      layers.push(prov)
      await this.#uploadBlob(target, prov, options.provenance)
    }
    const created = options.created ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z')
    const manifestBytes = new TextEncoder().encode(
      helmManifestJson(config, layers, helmAnnotations(chart, created)),
    )
    const manifestDigest = sha256Digest(manifestBytes)
    const res = await this.#session.send(target.registry, {
      method: 'PUT',
      path: `/v2/${target.repository}/manifests/${tag}`,
      headers: { 'Content-Type': OciManifestMediaType },
      body: manifestBytes,
      repository: target.repository,
      actions: ['pull', 'push'],
      maxBytes: this.#limits.maxAuxResponseBytes,
      reference: target.toString(),
      what: 'manifest upload',
    })
    const answered = res.headers.get('docker-content-digest')
    if (answered && answered.startsWith('sha256:') && answered !== manifestDigest) {
      throw new OciError(
        'DIGEST_MISMATCH',
        target.toString(),
        `${target}: the registry stored the manifest as ${answered}, but it hashes to ${manifestDigest}`,
      )
    }
    await this.#cache.put(manifestDigest, manifestBytes)
    await this.#cache.put(config.digest, configBytes)
    await this.#cache.put(content.digest, archive)
    return { ref: target.toString(), manifestDigest, contentDigest: content.digest }
  }

  /** Every tag of the reference's repository, following `Link` pages, in the registry's order. */
  async listTags(
    ref: OciReference | string,
    options: { pageSize?: number } = {},
  ): Promise<string[]> {
    const r = toRef(ref)
    const tags: string[] = []
    let path = `/v2/${r.repository}/tags/list${options.pageSize ? `?n=${options.pageSize}` : ''}`
    for (let page = 0; ; page++) {
      if (page >= this.#limits.maxTagPages) {
        throw new OciError(
          'TOO_LARGE',
          r.toString(),
          `${r}: more than ${this.#limits.maxTagPages} pages of tags`,
        )
      }
      const res = await this.#session.send(r.registry, {
        method: 'GET',
        path,
        repository: r.repository,
        actions: ['pull'],
        maxBytes: this.#limits.maxManifestBytes,
        reference: r.toString(),
        what: 'tag list',
      })
      let json: { tags?: unknown }
      try {
        json = JSON.parse(new TextDecoder().decode(res.body)) as { tags?: unknown }
      } catch (err) {
        throw new OciError('REGISTRY_ERROR', r.toString(), `${r}: the tag list is not JSON`, {
          cause: err,
        })
      }
      if (Array.isArray(json.tags))
        for (const t of json.tags) if (typeof t === 'string') tags.push(t)
      const next = nextLink(res.headers.get('link'))
      if (!next) return tags
      path = new URL(next, res.url).toString()
    }
  }

  /**
   * The chart versions in a repository, newest first, as Helm lists them: tags that are
   * semantic versions, `_` read back as `+`.
   */
  async listVersions(ref: OciReference | string): Promise<string[]> {
    const versions = (await this.listTags(ref))
      .map(tagToVersion)
      .filter((v) => semver.valid(v) !== null)
    return versions.sort((a, b) => semver.rcompare(a, b) || (a < b ? -1 : a > b ? 1 : 0))
  }

  /** Closes pooled connections (only needed with TLS options). */
  async close(): Promise<void> {
    await this.#transport.close()
  }

  async #pull(
    given: OciReference,
    options: { version?: string; devel?: boolean },
  ): Promise<PulledChart> {
    const r = await this.#pinTag(given, options)
    const { digest, bytes, contentType } = await this.#manifestBytes(r)
    const name = r.toString()
    const manifest = parseManifest(bytes, name, contentType)
    const layers = chartLayers(manifest, name)
    const configBytes = await this.#blob(r, layers.config, this.#limits.maxConfigBytes, 'config')
    let config: Record<string, unknown>
    try {
      config = JSON.parse(new TextDecoder().decode(configBytes)) as Record<string, unknown>
    } catch (err) {
      throw new OciError(
        'NOT_A_CHART',
        name,
        `${name} is not a Helm chart: its config blob is not JSON`,
        { cause: err },
      )
    }
    const archive = await this.#blob(r, layers.content, this.#limits.maxChartBytes, 'chart archive')
    const pulled: PulledChart = {
      ref: name,
      manifestDigest: digest,
      contentDigest: layers.content.digest,
      archive,
      config,
    }
    if (layers.provenance) {
      pulled.provenance = await this.#blob(
        r,
        layers.provenance,
        this.#limits.maxProvenanceBytes,
        'provenance',
      )
    }
    return pulled
  }

  /** The reference with the tag a version (or range) names. */
  async #pinTag(
    r: OciReference,
    options: { version?: string; devel?: boolean },
  ): Promise<OciReference> {
    const version = options.version?.trim()
    if (r.digest) return r
    if (version) {
      if (r.tag && r.tag !== version && r.tag !== versionToTag(version)) {
        throw new OciError(
          'INVALID_REFERENCE',
          r.toString(),
          `chart reference and version mismatch: ${r} has tag ${r.tag}, but version ${version} was asked for`,
        )
      }
      if (semver.valid(version) || r.tag) {
        return makeReference({
          registry: r.registry,
          repository: r.repository,
          tag: versionToTag(version),
        })
      }
    } else if (r.tag) {
      return makeReference({
        registry: r.registry,
        repository: r.repository,
        tag: versionToTag(r.tag),
      })
    }
    const range = version || '*'
    if (!semver.validRange(range)) {
      throw new OciError(
        'INVALID_REFERENCE',
        r.toString(),
        `${r}: "${range}" is neither a version nor a version range`,
      )
    }
    const tags = await this.listTags(r)
    const byVersion = new Map<string, string>()
    for (const t of tags) {
      const v = semver.valid(tagToVersion(t))
      if (v) byVersion.set(v, t)
    }
    const best = semver.maxSatisfying([...byVersion.keys()], range, {
      includePrerelease: !!options.devel,
    })
    if (!best) {
      throw new OciError(
        'NOT_FOUND',
        r.toString(),
        `${r}: no tag matches version ${range} (tags: ${tags.slice(0, 20).join(', ') || 'none'})`,
      )
    }
    return makeReference({
      registry: r.registry,
      repository: r.repository,
      tag: byVersion.get(best)!,
    })
  }

  async #manifestBytes(
    r: OciReference,
  ): Promise<{ digest: string; bytes: Uint8Array; contentType?: string | null }> {
    const name = r.toString()
    if (r.digest) {
      const cached = await this.#cache.get(r.digest)
      if (cached) return { digest: r.digest, bytes: cached }
    }
    const res = await this.#session.send(r.registry, {
      method: 'GET',
      path: `/v2/${r.repository}/manifests/${r.digest ?? versionToTag(r.tag ?? 'latest')}`,
      headers: { Accept: manifestAccept },
      repository: r.repository,
      actions: ['pull'],
      maxBytes: this.#limits.maxManifestBytes,
      reference: name,
      what: 'manifest',
    })
    const digest = sha256Digest(res.body)
    const expected = r.digest ?? res.headers.get('docker-content-digest')
    if (expected && expected.startsWith('sha256:') && expected !== digest) {
      throw new OciError(
        'DIGEST_MISMATCH',
        name,
        `${name}: the manifest should have digest ${expected} but hashes to ${digest}`,
      )
    }
    if (r.digest && !r.digest.startsWith('sha256:')) {
      throw new OciError('DIGEST_MISMATCH', name, `${name}: only sha256 digests can be verified`)
    }
    await this.#cache.put(digest, res.body)
    return { digest, bytes: res.body, contentType: res.headers.get('content-type') }
  }

  async #blob(
    r: OciReference,
    d: OciDescriptor,
    maxBytes: number,
    what: string,
  ): Promise<Uint8Array> {
    const name = r.toString()
    if (d.size > maxBytes) {
      throw new OciError(
        'TOO_LARGE',
        name,
        `${name}: the ${what} is ${d.size} bytes, over the ${maxBytes}-byte limit`,
      )
    }
    if (!d.digest.startsWith('sha256:')) {
      throw new OciError(
        'DIGEST_MISMATCH',
        name,
        `${name}: the ${what} has a ${d.digest.split(':')[0]} digest; only sha256 can be verified`,
      )
    }
    const cached = await this.#cache.get(d.digest)
    if (cached && cached.byteLength === d.size) return cached
    const key = `${this.#cache.dir}|${r.registry}/${r.repository}|${d.digest}`
    let pending = blobsInFlight.get(key)
    if (!pending) {
      pending = this.#download(r, d, maxBytes, what).finally(() => blobsInFlight.delete(key))
      blobsInFlight.set(key, pending)
    }
    return pending
  }

  async #download(
    r: OciReference,
    d: OciDescriptor,
    maxBytes: number,
    what: string,
  ): Promise<Uint8Array> {
    const name = r.toString()
    const res = await this.#session.send(r.registry, {
      method: 'GET',
      path: `/v2/${r.repository}/blobs/${d.digest}`,
      repository: r.repository,
      actions: ['pull'],
      maxBytes,
      reference: name,
      what: `${what} ${d.digest}`,
      followRedirects: true,
    })
    if (res.body.byteLength !== d.size) {
      throw new OciError(
        'SIZE_MISMATCH',
        name,
        `${name}: the ${what} ${d.digest} should be ${d.size} bytes but ${res.body.byteLength} arrived`,
      )
    }
    if (!matchesDigest(res.body, d.digest)) {
      throw new OciError(
        'DIGEST_MISMATCH',
        name,
        `${name}: the ${what} should have digest ${d.digest} but hashes to ${sha256Digest(res.body)}`,
      )
    }
    await this.#cache.put(d.digest, res.body)
    return res.body
  }

  async #uploadBlob(target: OciReference, d: OciDescriptor, bytes: Uint8Array): Promise<void> {
    const base = {
      repository: target.repository,
      actions: ['pull', 'push'] as const,
      maxBytes: this.#limits.maxAuxResponseBytes,
      reference: target.toString(),
    }
    const head = await this.#session.send(target.registry, {
      ...base,
      method: 'HEAD',
      path: `/v2/${target.repository}/blobs/${d.digest}`,
      what: `blob ${d.digest}`,
      accept: [404],
    })
    if (head.status === 200) return
    const start = await this.#session.send(target.registry, {
      ...base,
      method: 'POST',
      path: `/v2/${target.repository}/blobs/uploads/`,
      what: 'blob upload',
    })
    const location = start.headers.get('location')
    if (!location) {
      throw new OciError(
        'REGISTRY_ERROR',
        target.toString(),
        `${target.registry} started a blob upload for ${target} without a Location`,
      )
    }
    const url = new URL(location, start.url)
    url.searchParams.set('digest', d.digest)
    await this.#session.send(target.registry, {
      ...base,
      method: 'PUT',
      path: url.toString(),
      headers: { 'Content-Type': 'application/octet-stream' },
      body: bytes,
      what: `blob upload ${d.digest}`,
    })
  }
}

function toRef(ref: OciReference | string): OciReference {
  return typeof ref === 'string' ? parseReference(ref) : ref
}

/** The `rel="next"` target of a `Link` header. */
export function nextLink(link: string | null): string | undefined {
  if (!link) return undefined
  for (const part of link.split(',')) {
    const m = /<([^>]*)>\s*;(.*)/.exec(part.trim())
    if (m && /rel="?next"?/.test(m[2]!)) return m[1]
  }
  return undefined
}
