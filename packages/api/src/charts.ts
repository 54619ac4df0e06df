/** What the user typed to find a chart: a repository, a chart path in it, and a version. */
export interface ChartQuery {
  /** `oci://host[:port]/namespace` or an `http(s)://` Helm repository URL. */
  repository: string
  /** The chart's path under the repository (`demo`, `team/demo`). */
  path: string
  /** A version, tag or semver range; empty means the newest. */
  version?: string
}

/** The versions a repository offers for one chart, newest first. */
export interface VersionList {
  repository: string
  path: string
  versions: string[]
}

/** Chart.yaml fields the UI shows. */
export interface ChartMetadataView {
  name: string
  version: string
  appVersion?: string
  description?: string
  icon?: string
  home?: string
  keywords?: string[]
  deprecated?: boolean
  type?: string
}

/** A JSON Schema object, as loaded from values.schema.json or inferred from values.yaml. */
export type JsonSchema = { [key: string]: unknown }

/** A loaded chart version, ready to become a form. */
export interface ChartView {
  /** The query, with the version resolved to the one that was loaded. */
  ref: Required<ChartQuery>
  /** The full reference that was pulled (`oci://host/ns/demo:1.0.0`). */
  reference: string
  /** The digest of the chart archive (`sha256:…`). */
  digest: string
  metadata: ChartMetadataView
  /** The chart's default values, keys in values.yaml order. */
  values: { [key: string]: unknown }
  /** values.yaml as shipped. */
  valuesYaml: string
  /** values.schema.json, or a schema inferred from values.yaml. */
  schema: JsonSchema
  /** True when the chart has no values.schema.json and `schema` was inferred. */
  schemaInferred: boolean
  /** README.md, when the chart has one. */
  readme?: string
}
