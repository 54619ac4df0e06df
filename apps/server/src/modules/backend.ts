import type { ApplyPhase, ChartQuery, EventView, ModuleStatus, ResourceAction } from '@slipway/api'
import type { Chart } from '@slipway/chart'

/** A progress event of an operation, as the release layer reports it. */
export interface ReleaseEvent {
  phase: ApplyPhase
  action: ResourceAction
  kind?: string
  name?: string
  namespace?: string
  message?: string
}

/** One release, as listed. */
export interface ReleaseRow {
  name: string
  namespace: string
  revision: number
  updated: string
  status: ModuleStatus
  chartName: string
  chartVersion: string
  appVersion: string
  description: string
}

/** One revision in full. */
export interface ReleaseRecord extends ReleaseRow {
  notes: string
  values: { [key: string]: unknown }
  manifest: string
  source?: Partial<ChartQuery> & { digest?: string }
}

/** A live object of a release. */
export interface ReleaseResource {
  apiVersion: string
  kind: string
  name: string
  namespace?: string
  health: 'ready' | 'progressing' | 'failed' | 'missing'
  message: string
}

/** What Save deploys. */
export interface DeployInput {
  name: string
  namespace: string
  chart: Chart
  values: { [key: string]: unknown }
  source: ChartQuery & { digest?: string }
}

/**
 * The releases of one cluster, in Helm's storage format: the server's only way to the cluster
 * (implemented over `@slipway/kube`).
 */
export interface ReleaseBackend {
  /** The API server URL. */
  readonly server: string
  list(): Promise<ReleaseRow[]>
  get(namespace: string, name: string): Promise<ReleaseRecord>
  history(namespace: string, name: string): Promise<ReleaseRow[]>
  resources(namespace: string, name: string): Promise<ReleaseResource[]>
  /** Kubernetes Events about the release's objects. */
  events(namespace: string, name: string): Promise<EventView[]>
  /** Install, or upgrade when the release exists. */
  deploy(input: DeployInput, onEvent: (e: ReleaseEvent) => void): Promise<ReleaseRow>
  rollback(
    namespace: string,
    name: string,
    revision: number | undefined,
    onEvent: (e: ReleaseEvent) => void,
  ): Promise<ReleaseRow>
  uninstall(namespace: string, name: string, onEvent: (e: ReleaseEvent) => void): Promise<void>
}

/** Connects to the cluster when asked; throws a `NO_CLUSTER` error saying how to connect one. */
export type BackendProvider = () => Promise<ReleaseBackend>
