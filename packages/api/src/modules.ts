import type { ChartQuery } from './charts.ts'
import type { ApiErrorBody } from './errors.ts'

/** Deploy (install or upgrade) a module: a release of a chart with values. */
export interface ModuleRequest {
  name: string
  namespace: string
  chart: ChartQuery & { version: string; digest?: string }
  /** The values the user chose (only these are stored, as Helm stores `config`). */
  values: { [key: string]: unknown }
  /** Render and dry-run only; nothing is written. */
  dryRun?: boolean
}

/** Release states, as Helm names them. */
export type ModuleStatus =
  | 'unknown'
  | 'deployed'
  | 'uninstalled'
  | 'superseded'
  | 'failed'
  | 'uninstalling'
  | 'pending-install'
  | 'pending-upgrade'
  | 'pending-rollback'

/** One row of the modules list: a release, deployed by Slipway or by Helm. */
export interface ModuleSummary {
  name: string
  namespace: string
  chart: string
  chartVersion: string
  appVersion?: string
  status: ModuleStatus
  revision: number
  /** ISO 8601. */
  updated: string
  /** Where the chart came from, when Slipway deployed it. */
  source?: ChartQuery
}

/** A Kubernetes object of a module, with its live state. */
export interface ResourceView {
  apiVersion: string
  kind: string
  name: string
  namespace?: string
  /** `ready`, `progressing`, `failed`, `missing` or `unknown`. */
  status: 'ready' | 'progressing' | 'failed' | 'missing' | 'unknown'
  message?: string
}

/** One revision of a module. */
export interface RevisionView {
  revision: number
  status: ModuleStatus
  chartVersion: string
  appVersion?: string
  updated: string
  description?: string
}

/** A Kubernetes Event about one of a module's objects (or the Pods they own). */
export interface EventView {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
  kind: string
  name: string
  namespace: string
  /** RFC 3339. */
  time: string
  count: number
}

/** A module in full, for its page. */
export interface ModuleView extends ModuleSummary {
  notes?: string
  values: { [key: string]: unknown }
  manifest: string
  resources: ResourceView[]
  history: RevisionView[]
  /** Recent Events of its objects, newest first (empty when they cannot be read). */
  events: EventView[]
}

/** A step of Save, rollback or delete. */
export type ApplyPhase =
  | 'validate'
  | 'render'
  | 'dry-run'
  | 'crd'
  | 'apply'
  | 'prune'
  | 'hook'
  | 'wait'
  | 'delete'
  | 'release'

/** What happened to one object (or to the release, for phase `release`). */
export type ResourceAction =
  | 'created'
  | 'configured'
  | 'unchanged'
  | 'failed'
  | 'deleted'
  | 'kept'
  | 'validated'
  | 'waiting'
  | 'ready'
  | 'started'
  | 'succeeded'
  | 'status'

/** One line of the progress stream of Save, rollback or delete (NDJSON: one JSON event a line). */
export type ApplyEvent =
  | {
      type: 'progress'
      phase: ApplyPhase
      action: ResourceAction
      kind?: string
      name?: string
      namespace?: string
      message?: string
    }
  | { type: 'done'; module: ModuleSummary }
  | { type: 'error'; error: ApiErrorBody }

/** Roll a module back (`POST /api/modules/:namespace/:name/rollback`). */
export interface RollbackRequest {
  /** The revision to go back to; the previous one when absent. */
  revision?: number
}

/** Whether the dashboard can reach a cluster, and how to connect one when it can't. */
export interface ClusterView {
  connected: boolean
  /** The server or context name, when connected. */
  server?: string
  message?: string
}

/** One rendered object of a preview. */
export interface PreviewManifest {
  /** The template it came from (`demo/templates/service.yaml`). */
  template: string
  apiVersion: string
  kind: string
  name: string
  /** The YAML document. */
  content: string
}

/** What Save would apply, rendered without a cluster (`POST /api/modules/preview`). */
export interface PreviewView {
  manifests: PreviewManifest[]
  /** Rendered NOTES.txt. */
  notes?: string
}
