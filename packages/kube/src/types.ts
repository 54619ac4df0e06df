/**
 * The shapes other packages see: events during an operation, release summaries and details, live
 * resource status, and what an install or upgrade needs. JSON-safe (the server sends them as is).
 */
import type { ApplyPhase as ModuleApplyPhase, ResourceAction } from '@slipway/api'
import type { Chart, Values } from '@slipway/chart'

/** Object metadata, as far as Slipway reads it. */
export interface ObjectMeta {
  name?: string
  generateName?: string
  namespace?: string
  uid?: string
  resourceVersion?: string
  generation?: number
  creationTimestamp?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: Array<{
    apiVersion: string
    kind: string
    name: string
    uid: string
    controller?: boolean
  }>
  [key: string]: unknown
}

/** Any Kubernetes object. */
export interface KubeObject {
  apiVersion?: string
  kind?: string
  metadata?: ObjectMeta
  [key: string]: unknown
}

/** Helm's release statuses. */
export type ReleaseStatus =
  | 'unknown'
  | 'deployed'
  | 'uninstalled'
  | 'superseded'
  | 'failed'
  | 'uninstalling'
  | 'pending-install'
  | 'pending-upgrade'
  | 'pending-rollback'

/**
 * A step of an operation, reported as it happens: the steps of the dashboard's progress stream
 * (the JSON contract), less `validate`, which the server does before calling in here.
 */
export type ApplyPhase = Exclude<ModuleApplyPhase, 'validate'>

/** What happened to one resource (or to the release, for phase `release`). */
export type ApplyAction = ResourceAction

/** One progress event of install, upgrade, rollback or uninstall. */
export interface ApplyEvent {
  phase: ApplyPhase
  action: ApplyAction
  /** The resource concerned (absent for release-level events). */
  kind?: string
  name?: string
  namespace?: string
  /** A human sentence: the API server's error, why a resource is not ready, the new status. */
  message?: string
}

/** Receives {@link ApplyEvent}s. */
export type OnApplyEvent = (event: ApplyEvent) => void

/** Where the chart of a revision came from (Slipway's own record; Helm ignores it). */
export interface ChartSourceRecord {
  /** `oci://host/path` or an `https://` Helm repository, or a local path. */
  repository?: string
  /** The chart's name within the repository. */
  path?: string
  version?: string
  /** `sha256:…` of the chart archive. */
  digest?: string
}

/** One row of `list` and `history`. */
export interface ReleaseSummary {
  name: string
  namespace: string
  revision: number
  /** `info.last_deployed`, RFC 3339. */
  updated: string
  status: ReleaseStatus
  /** `NAME-VERSION`, as `helm list` prints it. */
  chart: string
  chartName: string
  chartVersion: string
  appVersion: string
  description: string
}

/** A hook as stored in the release (Helm's release.Hook). */
export interface HookSummary {
  name: string
  kind: string
  path: string
  events: string[]
  weight: number
  deletePolicies: string[]
  lastRun: { startedAt: string; completedAt: string; phase: string }
}

/** One revision in full. */
export interface ReleaseDetail extends ReleaseSummary {
  firstDeployed: string
  deleted: string
  notes: string
  /** The user-supplied values (`helm get values`). */
  values: Values
  /** The rendered manifest (`helm get manifest`). */
  manifest: string
  hooks: HookSummary[]
  source?: ChartSourceRecord
}

/** Readiness of a resource of a release. */
export type ResourceHealth = 'ready' | 'progressing' | 'failed' | 'missing'

/** A live resource of a release with its health. */
export interface ResourceStatus {
  apiVersion: string
  kind: string
  name: string
  namespace?: string
  health: ResourceHealth
  message: string
  /** The live object (absent when missing). */
  object?: KubeObject
}

/** What install and upgrade need. */
export interface ReleaseInput {
  name: string
  namespace: string
  chart: Chart
  /** User-supplied values (`-f`/`--set` merged): stored as the release's config. */
  values?: Values
  source?: ChartSourceRecord
  /** Create the namespace when missing (`--create-namespace`). */
  createNamespace?: boolean
  /** Wait until every resource is ready (`--wait`). */
  wait?: boolean
  /** Bound of waits and hooks; Helm's 5 minutes when absent. */
  timeoutMs?: number
  /** Render and validate with a server-side dry run; change nothing (`--dry-run=server`). */
  dryRun?: boolean
  /** Skip hooks (`--no-hooks`). */
  noHooks?: boolean
  /** Upgrade only: merge `values` over the current revision's user values (`--reuse-values`). */
  reuseValues?: boolean
  /** Upgrade only: install when the release does not exist (`--install`). */
  install?: boolean
  /** Revisions to keep (`--history-max`, 10; 0 keeps all). */
  historyMax?: number
  /** A description instead of Helm's "Install complete" / "Upgrade complete". */
  description?: string
}

/** A Kubernetes Event about one of a release's objects (or the ReplicaSets and Pods they own). */
export interface ReleaseEvent {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
  /** The object the event is about. */
  kind: string
  name: string
  namespace: string
  /** `lastTimestamp` (or `eventTime`), RFC 3339. */
  time: string
  count: number
}
