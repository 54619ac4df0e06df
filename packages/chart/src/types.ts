/**
 * The chart model, shared by loader, renderer, server and web. Browser-safe: no I/O here.
 * Mirrors Helm's chart.Chart so that rendering and release records can follow Helm exactly.
 */

/** A value as Helm's template engine sees it: what sigs.k8s.io/yaml decodes into interface{}. */
export type Values = { [key: string]: unknown }

/** A file of the chart; `name` is the slash-separated path relative to the chart root. */
export interface ChartFile {
  name: string
  data: Uint8Array
}

/** A maintainer of the chart, as Chart.yaml lists them. */
export interface ChartMaintainer {
  name?: string
  email?: string
  url?: string
}

/** One entry of `dependencies` in Chart.yaml (or requirements.yaml for apiVersion v1). */
export interface ChartDependency {
  name: string
  version?: string
  repository?: string
  condition?: string
  tags?: string[]
  enabled?: boolean
  'import-values'?: unknown[]
  alias?: string
}

/** Chart.yaml, with the field names Chart.yaml uses. */
export interface ChartMetadata {
  apiVersion: string
  name: string
  version: string
  kubeVersion?: string
  description?: string
  type?: string
  keywords?: string[]
  home?: string
  sources?: string[]
  dependencies?: ChartDependency[]
  maintainers?: ChartMaintainer[]
  icon?: string
  appVersion?: string
  deprecated?: boolean
  annotations?: Record<string, string>
}

/** Chart.lock (or requirements.lock). */
export interface ChartLock {
  generated?: string
  digest?: string
  dependencies: Array<{ name: string; version: string; repository: string }>
}

/** A loaded chart: immutable after load. */
export interface Chart {
  metadata: ChartMetadata
  lock?: ChartLock
  /** Files under templates/, in the order Helm's loader yields them (sorted by path). */
  templates: ChartFile[]
  /** values.yaml decoded as Helm decodes it (YAML 1.1, every number a float64 = JS number). */
  values: Values
  /** values.yaml exactly as shipped (for `show values`), if present. */
  rawValues?: Uint8Array
  /** values.schema.json bytes, if present. */
  schema?: Uint8Array
  /** Every other file: README, crds/, files read through .Files, and so on. */
  files: ChartFile[]
  /** Every file as loaded (for packaging and release records). */
  raw: ChartFile[]
  /** Subcharts found in charts/, loaded recursively, in path order. */
  dependencies: Chart[]
}
