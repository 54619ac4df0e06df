import { decodeSimpleYaml, decodeYaml, isGoMap } from '@slipway/gotemplate'
import { isMap, isScalar, parseDocument } from 'yaml'

/** The fields Helm reads from every rendered document (releaseutil.SimpleHead). */
export interface ManifestHead {
  apiVersion: string
  kind: string
  metadata?: {
    name: string
    annotations?: Record<string, string>
  }
}

/** A document that Helm's YAML → SimpleHead step rejects; `message` is Go's wording. */
export class HeadParseError extends Error {}

function asString(v: unknown, field: string): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  // sigs.k8s.io/yaml turns scalars into strings when the target field is a string
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v)
  throw new HeadParseError(
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(v) ? 'array' : 'object'} into Go struct field ${field} of type string`,
  )
}

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number' || typeof v === 'bigint') return 'number'
  if (typeof v === 'boolean') return 'bool'
  if (Array.isArray(v)) return 'array'
  return 'object'
}

/**
 * Reads apiVersion, kind, metadata.name and metadata.annotations of a document as Helm's
 * sortManifests does. Throws {@link HeadParseError} with Go's text when Helm would fail.
 */
export function parseHead(doc: string): ManifestHead {
  const hit = headCache.get(doc)
  if (hit) return copyHead(hit)
  const head = parseHeadUncached(doc)
  if (doc.length <= maxCachedChars / 4) {
    while (
      headCache.size > 0 &&
      (headCache.size >= maxCachedHeads || cachedChars + doc.length > maxCachedChars)
    ) {
      const oldest = headCache.keys().next().value as string
      headCache.delete(oldest)
      cachedChars -= oldest.length
    }
    headCache.set(doc, head)
    cachedChars += doc.length
  }
  return copyHead(head)
}

function copyHead(h: ManifestHead): ManifestHead {
  const out: ManifestHead = { apiVersion: h.apiVersion, kind: h.kind }
  if (h.metadata) {
    out.metadata = { name: h.metadata.name }
    if (h.metadata.annotations) out.metadata.annotations = { ...h.metadata.annotations }
  }
  return out
}

// Re-rendering a chart (live previews, repeated installs) yields mostly the same documents:
// their heads are kept, bounded, so the YAML of each is parsed once
const headCache = new Map<string, ManifestHead>()
const maxCachedHeads = 4096
const maxCachedChars = 32 * 1024 * 1024
let cachedChars = 0

/**
 * The document decoded just enough for its head: valid YAML (1.1) whose top level is a map
 * gives the three fields Helm reads. Anything unusual (errors, warnings, merge keys, a
 * non-map top level) returns undefined, and the full Go-faithful decoder decides, with Go's
 * wording. Documents can be large (CRDs); building only the head keeps cold renders fast.
 */
function fastDecode(doc: string): { value: unknown } | undefined {
  try {
    const d = parseDocument(doc, { version: '1.1', uniqueKeys: true })
    if (d.errors.length > 0 || d.warnings.length > 0) return undefined
    const root = d.contents
    if (root === null) return { value: null }
    if (!isMap(root)) return undefined
    const out: Record<string, unknown> = {}
    for (const pair of root.items) {
      if (!isScalar(pair.key)) return undefined
      const k = pair.key.value
      // merge keys (`<<`, a symbol in the parser's model) are left to the full decoder
      if (
        k === '<<' ||
        (k !== null && typeof k !== 'string' && typeof k !== 'number' && typeof k !== 'boolean')
      ) {
        return undefined
      }
      if (k !== 'apiVersion' && k !== 'kind' && k !== 'metadata') continue
      const v = pair.value
      out[k] = v === null ? null : (v as { toJS(doc: unknown): unknown }).toJS(d)
    }
    return { value: out }
  } catch {
    return undefined
  }
}

function parseHeadUncached(doc: string): ManifestHead {
  let v: unknown
  try {
    // plain block YAML (most documents) is read line by line; then the head is built from the
    // YAML library's tree; the Go-faithful decoder has the last word
    const fast = decodeSimpleYaml(doc) ?? fastDecode(doc)
    v = fast ? fast.value : decodeYaml(doc)
  } catch (err) {
    const message = (err as Error).message
    throw new HeadParseError(
      message.startsWith('error converting YAML to JSON')
        ? message
        : `error converting YAML to JSON: ${message}`,
    )
  }
  return headFromDecoded(v)
}

/** The head of a decoded document, typed as sigs.k8s.io/yaml fills releaseutil.SimpleHead. */
export function headFromDecoded(v: unknown): ManifestHead {
  if (v === null || v === undefined) return { apiVersion: '', kind: '' }
  if (!isGoMap(v)) {
    throw new HeadParseError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type releaseutil.SimpleHead`,
    )
  }
  const head: ManifestHead = {
    apiVersion: asString(v.apiVersion, '.apiVersion'),
    kind: asString(v.kind, '.kind'),
  }
  const md = v.metadata
  if (md !== null && md !== undefined) {
    if (!isGoMap(md)) {
      throw new HeadParseError(
        `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(md)} into Go struct field SimpleHead.metadata of type struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }`,
      )
    }
    head.metadata = { name: asString(md.name, '.metadata.name') }
    const ann = md.annotations
    if (ann !== null && ann !== undefined) {
      if (!isGoMap(ann)) {
        throw new HeadParseError(
          `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(ann)} into Go struct field .metadata.annotations of type map[string]string`,
        )
      }
      const out: Record<string, string> = {}
      for (const [k, val] of Object.entries(ann)) out[k] = asString(val, '.metadata.annotations')
      head.metadata.annotations = out
    }
  }
  return head
}
