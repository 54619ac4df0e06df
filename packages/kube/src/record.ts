/**
 * Helm 3's release record (pkg/release) as JSON, and its storage encoding:
 * base64(gzip(JSON)) in a Secret `sh.helm.release.v1.NAME.vREV`.
 */
import { gunzipSync, gzipSync } from 'node:zlib'
import type { Chart } from '@slipway/chart'
import type { ChartSourceRecord, ReleaseStatus } from './types.ts'

/** Helm's release.Info. */
export interface HelmInfo {
  first_deployed: string
  last_deployed: string
  deleted: string
  description?: string
  status: ReleaseStatus
  notes?: string
}

/** Helm's chart.File in JSON: data is base64. */
export interface HelmFile {
  name: string
  data: string
}

/** Helm's chart.Chart in JSON (subcharts are not serialized). */
export interface HelmChart {
  metadata: Record<string, unknown> | null
  lock: Record<string, unknown> | null
  templates: HelmFile[] | null
  values: Record<string, unknown> | null
  schema: string | null
  files: HelmFile[] | null
}

/** Helm's release.Hook. */
export interface HelmHook {
  name?: string
  kind?: string
  path?: string
  manifest?: string
  events?: string[]
  last_run: { started_at: string; completed_at: string; phase: string }
  weight?: number
  delete_policies?: string[]
}

/** Helm's release.Release; `slipway` is Slipway's own field, which Helm's decoder ignores. */
export interface HelmRelease {
  name: string
  info: HelmInfo
  chart: HelmChart | null
  config: Record<string, unknown> | null
  manifest: string
  hooks: HelmHook[] | null
  version: number
  namespace: string
  slipway?: { source?: ChartSourceRecord }
}

/** The Helm storage type prefix of record names. */
export const storageType = 'sh.helm.release.v1'

/** `sh.helm.release.v1.NAME.vREV`. */
export function recordName(name: string, revision: number): string {
  return `${storageType}.${name}.v${revision}`
}

const b64 = (d: Uint8Array): string => Buffer.from(d).toString('base64')

/** Chart.yaml fields in Helm's JSON order (omitempty). */
function metadataJson(chart: Chart): Record<string, unknown> {
  const m = chart.metadata
  const out: Record<string, unknown> = {}
  const put = (k: string, v: unknown): void => {
    if (
      v === undefined ||
      v === null ||
      v === '' ||
      v === false ||
      (Array.isArray(v) && v.length === 0)
    )
      return
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0) return
    out[k] = v
  }
  put('name', m.name)
  put('home', m.home)
  put('sources', m.sources)
  put('version', m.version)
  put('description', m.description)
  put('keywords', m.keywords)
  put('maintainers', m.maintainers)
  put('icon', m.icon)
  put('apiVersion', m.apiVersion)
  put('condition', (m as { condition?: string }).condition)
  put('tags', (m as { tags?: string }).tags)
  put('appVersion', m.appVersion)
  put('deprecated', m.deprecated)
  put('annotations', m.annotations)
  put('kubeVersion', m.kubeVersion)
  put('dependencies', m.dependencies)
  put('type', m.type)
  return out
}

/** The chart as Helm stores it in a release. */
export function chartJson(chart: Chart): HelmChart {
  return {
    metadata: metadataJson(chart),
    lock: chart.lock ? (chart.lock as unknown as Record<string, unknown>) : null,
    templates: chart.templates.map((f) => ({ name: f.name, data: b64(f.data) })),
    values: chart.values,
    schema: chart.schema ? b64(chart.schema) : null,
    files: chart.files.map((f) => ({ name: f.name, data: b64(f.data) })),
  }
}

/** base64(gzip(JSON)), as Helm's encodeRelease. */
export function encodeRelease(rel: HelmRelease): string {
  return gzipSync(Buffer.from(JSON.stringify(rel)), { level: 9 }).toString('base64')
}

/** Decodes Helm's stored form (gzip or, for old records, plain JSON). */
export function decodeRelease(stored: string): HelmRelease {
  const bytes = Buffer.from(stored, 'base64')
  const json =
    bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08 ? gunzipSync(bytes) : bytes
  return JSON.parse(json.toString('utf8')) as HelmRelease
}

/** Helm's time format (RFC 3339 with fractional seconds, UTC). */
export function helmTime(d = new Date()): string {
  return d.toISOString()
}

/** True for statuses that mean an operation is under way. */
export function isPending(status: ReleaseStatus): boolean {
  return (
    status === 'pending-install' || status === 'pending-upgrade' || status === 'pending-rollback'
  )
}
