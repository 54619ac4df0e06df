import { OciError } from './errors.ts'
import {
  DockerManifestListMediaType,
  DockerManifestMediaType,
  HelmChartContentMediaType,
  HelmConfigMediaType,
  HelmProvenanceMediaType,
  LegacyChartLayerMediaType,
  OciIndexMediaType,
  OciManifestMediaType,
} from './media-types.ts'

/** An OCI content descriptor. */
export interface OciDescriptor {
  mediaType: string
  digest: string
  size: number
  annotations?: Record<string, string>
  [key: string]: unknown
}

/** An OCI image manifest (or an index, which is never a chart). */
export interface OciManifest {
  schemaVersion: number
  mediaType?: string
  artifactType?: string
  config?: OciDescriptor
  layers?: OciDescriptor[]
  manifests?: OciDescriptor[]
  annotations?: Record<string, string>
}

/** The descriptors of a chart's blobs, taken from its manifest. */
export interface ChartLayers {
  config: OciDescriptor
  content: OciDescriptor
  provenance?: OciDescriptor
}

const digestRe = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/

function isDescriptor(d: unknown): d is OciDescriptor {
  if (!d || typeof d !== 'object') return false
  const o = d as Record<string, unknown>
  return (
    typeof o.mediaType === 'string' &&
    typeof o.digest === 'string' &&
    digestRe.test(o.digest) &&
    typeof o.size === 'number' &&
    Number.isSafeInteger(o.size) &&
    o.size >= 0
  )
}

/** Parses and shape-checks manifest bytes; `contentType` is the response's Content-Type. */
export function parseManifest(
  bytes: Uint8Array,
  reference: string,
  contentType?: string | null,
): OciManifest {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(bytes))
  } catch (err) {
    throw new OciError('INVALID_MANIFEST', reference, `the manifest of ${reference} is not JSON`, {
      cause: err,
    })
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new OciError(
      'INVALID_MANIFEST',
      reference,
      `the manifest of ${reference} is not a JSON object`,
    )
  }
  const m = json as OciManifest
  if (m.schemaVersion !== 2) {
    throw new OciError(
      'INVALID_MANIFEST',
      reference,
      `the manifest of ${reference} has schemaVersion ${String(m.schemaVersion)}, want 2`,
    )
  }
  if (!m.mediaType && contentType) m.mediaType = contentType.split(';')[0]!.trim()
  const bad = (field: string) =>
    new OciError(
      'INVALID_MANIFEST',
      reference,
      `the manifest of ${reference} has an invalid ${field}`,
    )
  if (m.config !== undefined && !isDescriptor(m.config)) throw bad('config descriptor')
  if (m.layers !== undefined && (!Array.isArray(m.layers) || !m.layers.every(isDescriptor)))
    throw bad('layers')
  if (
    m.manifests !== undefined &&
    (!Array.isArray(m.manifests) || !m.manifests.every(isDescriptor))
  ) {
    throw bad('manifests list')
  }
  return m
}

/**
 * The chart's config, content and provenance descriptors; NOT_A_CHART for anything else
 * (a container image, an index, another artifact), saying what it is instead.
 */
export function chartLayers(manifest: OciManifest, reference: string): ChartLayers {
  const notChart = (what: string) =>
    new OciError(
      'NOT_A_CHART',
      reference,
      `${reference} is not a Helm chart: ${what} (a chart has config media type ${HelmConfigMediaType})`,
    )
  if (
    manifest.mediaType === OciIndexMediaType ||
    manifest.mediaType === DockerManifestListMediaType ||
    manifest.manifests
  ) {
    throw notChart('it is an image index (a multi-platform container image)')
  }
  if (
    manifest.mediaType &&
    manifest.mediaType !== OciManifestMediaType &&
    manifest.mediaType !== DockerManifestMediaType
  ) {
    throw notChart(`its manifest media type is ${manifest.mediaType}`)
  }
  const config = manifest.config
  if (!config) throw notChart('its manifest has no config')
  if (config.mediaType !== HelmConfigMediaType) {
    const image = /image\.config|container\.image/.test(config.mediaType)
      ? 'a container image, '
      : ''
    throw notChart(`${image}config media type ${config.mediaType}`)
  }
  const layers = manifest.layers ?? []
  const contents = layers.filter(
    (l) => l.mediaType === HelmChartContentMediaType || l.mediaType === LegacyChartLayerMediaType,
  )
  if (contents.length !== 1) {
    throw notChart(`its manifest has ${contents.length} chart content layers, want exactly 1`)
  }
  const provs = layers.filter((l) => l.mediaType === HelmProvenanceMediaType)
  if (provs.length > 1)
    throw notChart(`its manifest has ${provs.length} provenance layers, want at most 1`)
  const out: ChartLayers = { config, content: contents[0]! }
  if (provs[0]) out.provenance = provs[0]
  return out
}

interface Maintainer {
  name?: string
  email?: string
}

/** OCI annotation keys Helm fills in from Chart.yaml. */
export const OciAnnotation = {
  created: 'org.opencontainers.image.created',
  authors: 'org.opencontainers.image.authors',
  url: 'org.opencontainers.image.url',
  source: 'org.opencontainers.image.source',
  version: 'org.opencontainers.image.version',
  title: 'org.opencontainers.image.title',
  description: 'org.opencontainers.image.description',
} as const

/**
 * The manifest annotations Helm writes on push: description, title (name), version, url
 * (home), created, source (first of sources), authors (maintainers as `name (email)`), then
 * the chart's own annotations, which may not override title or version.
 */
export function helmAnnotations(
  chart: Record<string, unknown>,
  created: string,
): Record<string, string> {
  const out: Record<string, string> = {}
  const add = (key: string, value: unknown) => {
    if (typeof value === 'string' && value.trim() !== '') out[key] = value
  }
  add(OciAnnotation.description, chart.description)
  add(OciAnnotation.title, chart.name)
  add(OciAnnotation.version, chart.version)
  add(OciAnnotation.url, chart.home)
  add(OciAnnotation.created, created)
  if (Array.isArray(chart.sources) && chart.sources.length > 0)
    add(OciAnnotation.source, chart.sources[0])
  if (Array.isArray(chart.maintainers) && chart.maintainers.length > 0) {
    out[OciAnnotation.authors] = (chart.maintainers as Maintainer[])
      .map((m) => `${m?.name ?? ''}${m?.email ? ` (${m.email})` : ''}`)
      .join(', ')
  }
  const own = chart.annotations
  if (own && typeof own === 'object') {
    for (const [k, v] of Object.entries(own as Record<string, unknown>)) {
      if (k === OciAnnotation.title || k === OciAnnotation.version) continue
      if (typeof v === 'string') out[k] = v
    }
  }
  return sortKeys(out)
}

// Go's encoding/json writes map keys sorted; Helm's bytes do too.
function sortKeys(o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

// Helm's chart.Metadata field order and omitempty rules, so the config blob reads as Helm's.
const metadataOrder = [
  'name',
  'home',
  'sources',
  'version',
  'description',
  'keywords',
  'maintainers',
  'icon',
  'apiVersion',
  'condition',
  'tags',
  'appVersion',
  'deprecated',
  'annotations',
  'kubeVersion',
  'dependencies',
  'type',
] as const

function isEmpty(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    v === '' ||
    v === false ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0)
  )
}

/** JSON as Go's encoding/json writes it: `<`, `>`, `&`, U+2028 and U+2029 escaped. */
export function goJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** Chart.yaml metadata as the JSON config blob Helm pushes (its field order, empty fields left out). */
export function helmConfigJson(chart: Record<string, unknown>): string {
  const out: Record<string, unknown> = {}
  for (const key of metadataOrder) {
    // name and version are never omitted by Helm
    if (key === 'name' || key === 'version' || !isEmpty(chart[key])) out[key] = chart[key] ?? ''
  }
  if (out.annotations) out.annotations = sortKeys(out.annotations as Record<string, string>)
  return goJson(out)
}

/** The manifest bytes Helm pushes: schema 2, config, layers, annotations, in that order. */
export function helmManifestJson(
  config: OciDescriptor,
  layers: OciDescriptor[],
  annotations: Record<string, string>,
): string {
  const desc = (d: OciDescriptor) => ({ mediaType: d.mediaType, digest: d.digest, size: d.size })
  return goJson({
    schemaVersion: 2,
    config: desc(config),
    layers: layers.map(desc),
    annotations,
  })
}
