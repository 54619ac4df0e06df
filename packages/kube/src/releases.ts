/**
 * Releases: install, upgrade, rollback, uninstall, recover, list, history and live resources of
 * Helm releases, with records Helm itself reads and writes.
 */
import type { Chart, Values } from '@slipway/chart'
import {
  mergeUserValues,
  renderChart,
  type RenderOptions,
  type RenderResult,
} from '@slipway/render'
import { applyAll, deleteAll, prepare, validateAll, type PreparedObject } from './apply.ts'
import type { KubeClient } from './client.ts'
import { KubeError, isStatus } from './errors.ts'
import { health } from './health.ts'
import { runHooks, type HookEventName } from './hooks.ts'
import { defaultHistoryMax, defaultTimeoutMs, maxReleaseNameLength } from './limits.ts'
import {
  formatManifest,
  parseCrdFiles,
  parseManifest,
  resourcePolicyAnnotation,
  sortForInstall,
  type ParsedObject,
} from './manifest.ts'
import { LiveLookup } from './lookup.ts'
import { Mapper } from './mapper.ts'
import { chartJson, helmTime, isPending, type HelmHook, type HelmRelease } from './record.ts'
import { ReleaseStorage } from './storage.ts'
import type {
  KubeObject,
  OnApplyEvent,
  ReleaseDetail,
  ReleaseEvent,
  ReleaseInput,
  ReleaseStatus,
  ReleaseSummary,
  ResourceStatus,
} from './types.ts'
import { waitGone, waitReady } from './wait.ts'

/** The renderer: `@slipway/render`'s renderChart unless another is given. */
export type RenderFn = (chart: Chart, values: Values, options: RenderOptions) => RenderResult

/** Options of rollback. */
export interface RollbackOptions {
  wait?: boolean
  timeoutMs?: number
  noHooks?: boolean
  historyMax?: number
}

/** Options of uninstall. */
export interface UninstallOptions {
  /** Keep the records with status `uninstalled` (`--keep-history`). */
  keepHistory?: boolean
  /** Wait until the deleted resources are gone (`--wait`). */
  wait?: boolean
  noHooks?: boolean
  timeoutMs?: number
}

/** Options of list. */
export interface ListOptions {
  /** Every status (`-a`). */
  all?: boolean
  /** The statuses to show; deployed, failed and pending ones by default (`helm list` shows deployed and failed). */
  statuses?: ReleaseStatus[]
}

const releaseNameRegex = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

/** Throws when a release name is not one Helm accepts. */
export function validateReleaseName(name: string): void {
  if (!name || name.length > maxReleaseNameLength || !releaseNameRegex.test(name)) {
    throw new KubeError(
      'INVALID_MANIFEST',
      `invalid release name "${name}": names must be at most ${maxReleaseNameLength} characters of lower case letters, digits, "-" and ".", starting and ending with a letter or digit`,
    )
  }
}

/** A release's row for list/history. */
export function summarize(rel: HelmRelease): ReleaseSummary {
  const md = (rel.chart?.metadata ?? undefined) as
    { name?: string; version?: string; appVersion?: string } | undefined
  return {
    name: rel.name,
    namespace: rel.namespace,
    revision: rel.version,
    updated: rel.info.last_deployed,
    status: rel.info.status,
    chart: md ? `${md.name ?? ''}-${md.version ?? ''}` : 'MISSING',
    chartName: md?.name ?? '',
    chartVersion: md?.version ?? '',
    appVersion: md?.appVersion ?? '',
    description: rel.info.description ?? '',
  }
}

/** A release revision in full. */
export function detail(rel: HelmRelease): ReleaseDetail {
  return {
    ...summarize(rel),
    firstDeployed: rel.info.first_deployed,
    deleted: rel.info.deleted,
    notes: rel.info.notes ?? '',
    values: rel.config ?? {},
    manifest: rel.manifest,
    hooks: (rel.hooks ?? []).map((h) => ({
      name: String(h.name ?? ''),
      kind: String(h.kind ?? ''),
      path: String(h.path ?? ''),
      events: h.events ?? [],
      weight: h.weight ?? 0,
      deletePolicies: h.delete_policies ?? [],
      lastRun: {
        startedAt: h.last_run?.started_at ?? '',
        completedAt: h.last_run?.completed_at ?? '',
        phase: h.last_run?.phase ?? '',
      },
    })),
    ...(rel.slipway?.source ? { source: rel.slipway.source } : {}),
  }
}

/** Values as JSON carries them: `--set` integers arrive as bigint. */
function jsonSafe(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v)
  if (Array.isArray(v)) return v.map(jsonSafe)
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonSafe(x)]))
  return v
}

const resourceKey = (p: PreparedObject): string =>
  `${p.info.group}/${p.info.resource}/${p.namespace ?? ''}/${p.name}`

/** The high-level release API the CLI and the server use. */
export class Releases {
  readonly storage: ReleaseStorage
  readonly mapper: Mapper
  private readonly render: RenderFn

  constructor(
    readonly kube: KubeClient,
    options: { render?: RenderFn } = {},
  ) {
    this.storage = new ReleaseStorage(kube)
    this.mapper = new Mapper(kube)
    this.render = options.render ?? renderChart
  }

  /** The latest revision of every release (in one namespace, or all when `namespace` is undefined). */
  async list(namespace: string | undefined, options: ListOptions = {}): Promise<ReleaseSummary[]> {
    const latest = new Map<string, HelmRelease>()
    for (const rel of await this.storage.list(namespace)) {
      const key = `${rel.namespace}/${rel.name}`
      const seen = latest.get(key)
      if (!seen || seen.version < rel.version) latest.set(key, rel)
    }
    const shown: ReleaseStatus[] = options.statuses ?? [
      'deployed',
      'failed',
      'pending-install',
      'pending-upgrade',
      'pending-rollback',
    ]
    return [...latest.values()]
      .filter((r) => options.all || shown.includes(r.info.status))
      .map(summarize)
  }

  /** One revision (the latest when `revision` is absent). */
  async get(name: string, namespace: string, revision?: number): Promise<ReleaseDetail> {
    return detail(await this.storage.get(name, namespace, revision))
  }

  /** Every revision, oldest first. */
  async history(name: string, namespace: string): Promise<ReleaseSummary[]> {
    const all = await this.storage.history(name, namespace)
    if (!all.length)
      throw new KubeError(
        'RELEASE_NOT_FOUND',
        `release "${name}" not found in namespace "${namespace}"`,
        { release: `${namespace}/${name}` },
      )
    return all.map(summarize)
  }

  private async renderRelease(
    input: ReleaseInput,
    revision: number,
    isUpgrade: boolean,
    onEvent?: OnApplyEvent,
  ) {
    const [kubeVersion, apiVersions] = await Promise.all([
      this.mapper.kubeVersion(),
      this.mapper.apiVersions(),
    ])
    const live = await LiveLookup.create(this.kube, this.mapper)
    let result: RenderResult
    try {
      result = this.render(input.chart, input.values ?? {}, {
        releaseName: input.name,
        namespace: input.namespace,
        revision,
        isUpgrade,
        kubeVersion,
        clusterApiVersions: apiVersions,
        lookup: live.lookup,
      })
    } finally {
      await live.close()
    }
    const crds = parseCrdFiles(result.crdFiles)
    onEvent?.({
      phase: 'render',
      action: 'succeeded',
      message: `${result.manifests.length} resources, ${result.hooks.length} hooks, ${crds.length} CRDs`,
    })
    // test hooks are kept in the record (for `helm test`) but never run by Slipway
    const hooks: HelmHook[] = result.hooks.map((h) => ({
      name: h.name,
      kind: h.kind,
      path: h.path,
      manifest: h.manifest,
      events: h.events,
      last_run: { started_at: '', completed_at: '', phase: '' },
      weight: h.weight,
      delete_policies: h.deletePolicies,
    }))
    return { manifest: formatManifest(result.manifests), hooks, crds, notes: result.notes }
  }

  private newRecord(
    input: ReleaseInput,
    revision: number,
    rendered: { manifest: string; hooks: HelmHook[]; notes?: string },
    status: ReleaseStatus,
    description: string,
    firstDeployed?: string,
  ): HelmRelease {
    const now = helmTime()
    return {
      name: input.name,
      info: {
        first_deployed: firstDeployed ?? now,
        last_deployed: now,
        deleted: '',
        description,
        status,
        ...(rendered.notes ? { notes: rendered.notes } : {}),
      },
      chart: chartJson(input.chart),
      config: jsonSafe(input.values ?? {}) as Values,
      manifest: rendered.manifest,
      hooks: rendered.hooks,
      version: revision,
      namespace: input.namespace,
      ...(input.source ? { slipway: { source: input.source } } : {}),
    }
  }

  private async prepareLoose(
    manifest: string,
    rel: { name: string; namespace: string },
  ): Promise<PreparedObject[]> {
    const out: PreparedObject[] = []
    for (const item of parseManifest(manifest)) {
      try {
        out.push(...(await prepare(this.mapper, [item], rel)))
      } catch (err) {
        if (!(err instanceof KubeError && err.code === 'UNKNOWN_KIND')) throw err
      }
    }
    return out
  }

  private async ensureNamespace(
    namespace: string,
    create: boolean,
    dryRun: boolean,
  ): Promise<void> {
    try {
      await this.kube.request('GET', `/api/v1/namespaces/${encodeURIComponent(namespace)}`)
      return
    } catch (err) {
      if (!isStatus(err, 404)) throw err
    }
    if (!create) {
      throw new KubeError(
        'API',
        `namespace "${namespace}" does not exist: create it first or pass --create-namespace`,
        { status: 404, reason: 'NotFound' },
      )
    }
    if (dryRun) return
    await this.kube.request('POST', '/api/v1/namespaces', {
      body: {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: namespace, labels: { name: namespace } },
      },
    })
  }

  /**
   * Creates the chart's missing CRDs (from crds/) and waits until they are established, before
   * the chart is rendered for real, so `.Capabilities` and the kind mapping see them, as Helm's
   * install does. Existing CRDs are never changed or deleted (as Helm). Returns whether any was created.
   */
  private async installCrds(
    crds: ParsedObject[],
    id: { name: string; namespace: string },
    timeoutMs: number,
    onEvent?: OnApplyEvent,
  ): Promise<boolean> {
    if (!crds.length) return false
    const prepared = await prepare(this.mapper, crds, id, false)
    const missing: PreparedObject[] = []
    for (const p of prepared) {
      try {
        await this.kube.request('GET', p.path)
      } catch (err) {
        if (isStatus(err, 404)) missing.push(p)
        else throw err
      }
    }
    if (!missing.length) return false
    await validateAll(this.kube, missing, id, onEvent, {
      owned: new Set(missing.map((p) => p.path)),
    })
    await applyAll(this.kube, missing, onEvent, 'crd')
    await waitReady(this.kube, missing, timeoutMs, onEvent, 'crd')
    this.mapper.reset()
    return true
  }

  /** Renders; when the chart brings CRDs the cluster lacks, creates them and renders again. */
  private async renderWithCrds(
    input: ReleaseInput,
    revision: number,
    isUpgrade: boolean,
    onEvent?: OnApplyEvent,
  ) {
    const first = await this.renderRelease(input, revision, isUpgrade, onEvent)
    if (input.dryRun) return first
    const created = await this.installCrds(
      first.crds,
      { name: input.name, namespace: input.namespace },
      input.timeoutMs ?? defaultTimeoutMs,
      onEvent,
    )
    return created ? this.renderRelease(input, revision, isUpgrade, onEvent) : first
  }

  /** Applies a revision: dry run, pre hooks, apply, prune, wait, post hooks. */
  private async deploy(
    rel: HelmRelease,
    previous: HelmRelease | undefined,
    event: 'install' | 'upgrade' | 'rollback',
    opts: { wait?: boolean; timeoutMs?: number; noHooks?: boolean },
    onEvent?: OnApplyEvent,
  ): Promise<void> {
    const id = { name: rel.name, namespace: rel.namespace }
    const timeoutMs = opts.timeoutMs ?? defaultTimeoutMs
    const items = sortForInstall(parseManifest(rel.manifest))
    const prepared = await prepare(this.mapper, items, id)
    const old = previous ? await this.prepareLoose(previous.manifest, id) : []
    await validateAll(this.kube, prepared, id, onEvent, { owned: new Set(old.map((p) => p.path)) })
    if (!opts.noHooks)
      await runHooks(
        this.kube,
        this.mapper,
        rel.hooks ?? [],
        `pre-${event}` as HookEventName,
        id,
        timeoutMs,
        onEvent,
      )
    await applyAll(this.kube, prepared, onEvent)
    if (old.length) {
      const keep = new Set(prepared.map(resourceKey))
      await deleteAll(
        this.kube,
        old.filter((p) => !keep.has(resourceKey(p))),
        id,
        onEvent,
        'prune',
      )
    }
    if (opts.wait) await waitReady(this.kube, prepared, timeoutMs, onEvent)
    if (!opts.noHooks)
      await runHooks(
        this.kube,
        this.mapper,
        rel.hooks ?? [],
        `post-${event}` as HookEventName,
        id,
        timeoutMs,
        onEvent,
      )
  }

  private async setStatus(
    rel: HelmRelease,
    status: ReleaseStatus,
    description: string,
    onEvent?: OnApplyEvent,
  ): Promise<void> {
    rel.info.status = status
    rel.info.description = description
    await this.storage.update(rel)
    onEvent?.({
      phase: 'release',
      action: 'status',
      name: rel.name,
      namespace: rel.namespace,
      message: `revision ${rel.version} ${status}: ${description}`,
    })
  }

  private async trimHistory(
    name: string,
    namespace: string,
    historyMax: number | undefined,
  ): Promise<void> {
    const max = historyMax ?? defaultHistoryMax
    if (max <= 0) return
    const all = await this.storage.history(name, namespace)
    const removable = all.filter((r) => r.info.status !== 'deployed')
    let excess = all.length - max
    for (const r of removable) {
      if (excess <= 0) break
      await this.storage.delete(name, namespace, r.version)
      excess--
    }
  }

  /** Installs a chart as a new release (revision 1). */
  async install(input: ReleaseInput, onEvent?: OnApplyEvent): Promise<ReleaseDetail> {
    validateReleaseName(input.name)
    const history = await this.storage.history(input.name, input.namespace)
    const last = history[history.length - 1]
    if (last && isPending(last.info.status)) throw this.busy(last)
    if (last && last.info.status !== 'uninstalled') {
      throw new KubeError(
        'RELEASE_EXISTS',
        `cannot re-use a name that is still in use: release "${input.name}" exists in namespace "${input.namespace}" (use upgrade)`,
        { release: `${input.namespace}/${input.name}` },
      )
    }
    await this.ensureNamespace(
      input.namespace,
      input.createNamespace ?? false,
      input.dryRun ?? false,
    )
    const revision = last ? last.version + 1 : 1
    const rendered = await this.renderWithCrds(input, revision, false, onEvent)
    const rel = this.newRecord(
      input,
      revision,
      rendered,
      'pending-install',
      'Initial install underway',
    )
    if (input.dryRun) return this.dryRun(rel, onEvent)
    await this.storage.create(rel)
    try {
      await this.deploy(rel, undefined, 'install', input, onEvent)
    } catch (err) {
      await this.setStatus(
        rel,
        'failed',
        `Release "${rel.name}" failed: ${(err as Error).message}`,
        onEvent,
      )
      throw err
    }
    await this.setStatus(rel, 'deployed', input.description ?? 'Install complete', onEvent)
    return detail(rel)
  }

  private async dryRun(rel: HelmRelease, onEvent?: OnApplyEvent): Promise<ReleaseDetail> {
    const id = { name: rel.name, namespace: rel.namespace }
    const prepared = await this.prepareLoose(rel.manifest, id)
    await validateAll(this.kube, prepared, id, onEvent, { pendingNamespaces: [rel.namespace] })
    rel.info.description = 'Dry run complete'
    return detail(rel)
  }

  private busy(last: HelmRelease): KubeError {
    return new KubeError(
      'RELEASE_BUSY',
      `another operation (install/upgrade/rollback) is in progress for release "${last.name}" in namespace "${last.namespace}": revision ${last.version} is ${last.info.status}. If no operation is running any more (the process died), recover the release first`,
      { release: `${last.namespace}/${last.name}` },
    )
  }

  /** Upgrades a release to a new chart or values (installs with `input.install`). */
  async upgrade(input: ReleaseInput, onEvent?: OnApplyEvent): Promise<ReleaseDetail> {
    validateReleaseName(input.name)
    const history = await this.storage.history(input.name, input.namespace)
    const last = history[history.length - 1]
    if (!last || last.info.status === 'uninstalled') {
      if (input.install) return this.install(input, onEvent)
      throw new KubeError(
        'RELEASE_NOT_FOUND',
        `"${input.name}" has no deployed releases in namespace "${input.namespace}"`,
        { release: `${input.namespace}/${input.name}` },
      )
    }
    if (isPending(last.info.status)) throw this.busy(last)
    const current = [...history].reverse().find((r) => r.info.status === 'deployed') ?? last
    const revision = last.version + 1
    if (input.reuseValues)
      input = {
        ...input,
        values: mergeUserValues([(current.config ?? {}) as Values, input.values ?? {}]),
      }
    const rendered = await this.renderWithCrds(input, revision, true, onEvent)
    const rel = this.newRecord(
      input,
      revision,
      rendered,
      'pending-upgrade',
      'Preparing upgrade',
      current.info.first_deployed || undefined,
    )
    if (input.dryRun) return this.dryRun(rel, onEvent)
    await this.storage.create(rel)
    try {
      await this.deploy(rel, current, 'upgrade', input, onEvent)
    } catch (err) {
      await this.setStatus(
        rel,
        'failed',
        `Upgrade "${rel.name}" failed: ${(err as Error).message}`,
        onEvent,
      )
      throw err
    }
    await this.supersede(history)
    await this.setStatus(rel, 'deployed', input.description ?? 'Upgrade complete', onEvent)
    await this.trimHistory(input.name, input.namespace, input.historyMax)
    return detail(rel)
  }

  private async supersede(history: HelmRelease[]): Promise<void> {
    for (const r of history) {
      if (r.info.status === 'deployed') {
        r.info.status = 'superseded'
        await this.storage.update(r)
      }
    }
  }

  /** Rolls back to `revision` (the previous one when absent or 0) as a new revision, as Helm. */
  async rollback(
    name: string,
    namespace: string,
    revision?: number,
    options: RollbackOptions = {},
    onEvent?: OnApplyEvent,
  ): Promise<ReleaseDetail> {
    const history = await this.storage.history(name, namespace)
    const last = history[history.length - 1]
    if (!last)
      throw new KubeError(
        'RELEASE_NOT_FOUND',
        `release "${name}" not found in namespace "${namespace}"`,
        { release: `${namespace}/${name}` },
      )
    if (isPending(last.info.status)) throw this.busy(last)
    const current = [...history].reverse().find((r) => r.info.status === 'deployed') ?? last
    const targetVersion = revision && revision > 0 ? revision : current.version - 1
    const target = history.find((r) => r.version === targetVersion)
    if (!target)
      throw new KubeError(
        'REVISION_NOT_FOUND',
        `release "${name}" has no revision ${targetVersion}`,
        { release: `${namespace}/${name}` },
      )
    const now = helmTime()
    const rel: HelmRelease = {
      name,
      info: {
        first_deployed: current.info.first_deployed,
        last_deployed: now,
        deleted: '',
        description: `Rollback to ${targetVersion}`,
        status: 'pending-rollback',
        ...(target.info.notes ? { notes: target.info.notes } : {}),
      },
      chart: target.chart,
      config: target.config,
      manifest: target.manifest,
      hooks: (target.hooks ?? []).map((h) => ({
        ...h,
        last_run: { started_at: '', completed_at: '', phase: '' },
      })),
      version: last.version + 1,
      namespace,
      ...(target.slipway ? { slipway: target.slipway } : {}),
    }
    await this.storage.create(rel)
    try {
      await this.deploy(rel, current, 'rollback', options, onEvent)
    } catch (err) {
      await this.setStatus(
        rel,
        'failed',
        `Rollback "${name}" failed: ${(err as Error).message}`,
        onEvent,
      )
      throw err
    }
    await this.supersede(history)
    await this.setStatus(rel, 'deployed', `Rollback to ${targetVersion}`, onEvent)
    await this.trimHistory(name, namespace, options.historyMax)
    return detail(rel)
  }

  /** Uninstalls: delete hooks, the release's resources (except `keep`), then the records. */
  async uninstall(
    name: string,
    namespace: string,
    options: UninstallOptions = {},
    onEvent?: OnApplyEvent,
  ): Promise<ReleaseDetail> {
    const history = await this.storage.history(name, namespace)
    const last = history[history.length - 1]
    if (!last || last.info.status === 'uninstalled') {
      throw new KubeError(
        'RELEASE_NOT_FOUND',
        `release "${name}" not found in namespace "${namespace}"`,
        { release: `${namespace}/${name}` },
      )
    }
    const id = { name, namespace }
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs
    last.info.deleted = helmTime()
    await this.setStatus(last, 'uninstalling', 'Deletion in progress (or silently failed)', onEvent)
    if (!options.noHooks)
      await runHooks(this.kube, this.mapper, last.hooks ?? [], 'pre-delete', id, timeoutMs, onEvent)
    const objects = await this.prepareLoose(last.manifest, id)
    await deleteAll(this.kube, objects, id, onEvent, 'delete', false)
    if (options.wait) {
      const kept = (p: PreparedObject): boolean =>
        p.object.metadata?.annotations?.[resourcePolicyAnnotation] === 'keep'
      await waitGone(
        this.kube,
        objects.filter((p) => !kept(p)).map((p) => p.path),
        timeoutMs,
      )
    }
    if (!options.noHooks)
      await runHooks(
        this.kube,
        this.mapper,
        last.hooks ?? [],
        'post-delete',
        id,
        timeoutMs,
        onEvent,
      )
    if (options.keepHistory) {
      await this.setStatus(last, 'uninstalled', 'Uninstallation complete', onEvent)
    } else {
      for (const r of history) await this.storage.delete(name, namespace, r.version)
      last.info.status = 'uninstalled'
      last.info.description = 'Uninstallation complete'
      onEvent?.({
        phase: 'release',
        action: 'deleted',
        name,
        namespace,
        message: `release "${name}" uninstalled`,
      })
    }
    return detail(last)
  }

  /**
   * Recovers a release left `pending-*` by a process that died: that revision becomes `failed`,
   * so the next upgrade or rollback can run. A release that is not pending is returned as is.
   */
  async recover(name: string, namespace: string): Promise<ReleaseDetail> {
    const last = await this.storage.get(name, namespace)
    if (!isPending(last.info.status)) return detail(last)
    const was = last.info.status
    await this.setStatus(
      last,
      'failed',
      `Interrupted while ${was}; recovered (the operation did not finish)`,
    )
    return detail(last)
  }

  /** Recent Events about the latest revision's objects and their pods, newest last. */
  async events(name: string, namespace: string): Promise<ReleaseEvent[]> {
    const rel = await this.storage.get(name, namespace)
    const objects = parseManifest(rel.manifest).map((p) => p.object)
    const names = new Set(objects.map((o) => String(o.metadata?.name ?? '')))
    const namespaces = new Set(objects.map((o) => o.metadata?.namespace ?? namespace))
    const out: ReleaseEvent[] = []
    for (const ns of namespaces) {
      const list = await this.kube.request<{ items: KubeObject[] }>(
        'GET',
        `/api/v1/namespaces/${encodeURIComponent(ns)}/events`,
      )
      for (const e of list.items) {
        const io = (e.involvedObject ?? {}) as { kind?: string; name?: string; namespace?: string }
        if (!io.name || !relatedName(names, io.name)) continue
        out.push({
          type: e.type === 'Warning' ? 'Warning' : 'Normal',
          reason: String(e.reason ?? ''),
          message: String(e.message ?? ''),
          kind: String(io.kind ?? ''),
          name: io.name,
          namespace: io.namespace ?? ns,
          time: String(e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? ''),
          count: typeof e.count === 'number' ? e.count : 1,
        })
      }
    }
    return out.sort((a, b) => a.time.localeCompare(b.time))
  }

  /** The latest revision's resources with their live health. */
  async resources(name: string, namespace: string): Promise<ResourceStatus[]> {
    const rel = await this.storage.get(name, namespace)
    const out: ResourceStatus[] = []
    for (const p of await this.prepareLoose(rel.manifest, { name, namespace })) {
      let live: KubeObject | undefined
      try {
        live = await this.kube.request('GET', p.path)
      } catch (err) {
        if (!isStatus(err, 404)) throw err
      }
      const h = live
        ? health(live)
        : { health: 'missing' as const, message: 'not found in the cluster' }
      out.push({
        apiVersion: String(p.object.apiVersion),
        kind: p.info.kind,
        name: p.name,
        ...(p.namespace ? { namespace: p.namespace } : {}),
        health: h.health,
        message: h.message,
        ...(live ? { object: live } : {}),
      })
    }
    return out
  }
}

/** Events are matched to a release's workloads by name: `web` owns ReplicaSet `web-5d4f…` and Pod `web-5d4f…-x7k2p`. */
function relatedName(resourceNames: Set<string>, name: string): boolean {
  if (resourceNames.has(name)) return true
  for (const n of resourceNames) if (name.startsWith(`${n}-`)) return true
  return false
}

/** Recovers a release stuck in a pending state (see {@link Releases.recover}). */
export function recoverRelease(
  releases: Releases,
  name: string,
  namespace: string,
): Promise<ReleaseDetail> {
  return releases.recover(name, namespace)
}
