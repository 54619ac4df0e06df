/** Parsing rendered manifests into objects, identity keys, and Helm's ownership metadata. */
import { decodeYaml, decodeYamlDocuments } from '@slipway/gotemplate'
import { sortByKind, splitManifests, installOrder, uninstallOrder } from '@slipway/render'
import { KubeError } from './errors.ts'
import type { KubeObject } from './types.ts'

/** A parsed document of a release. */
export interface ParsedObject {
  /** `# Source:` path (the template it came from). */
  source: string
  object: KubeObject
}

/** Helm's ownership label and annotations. */
export const managedByLabel = 'app.kubernetes.io/managed-by'
export const releaseNameAnnotation = 'meta.helm.sh/release-name'
export const releaseNamespaceAnnotation = 'meta.helm.sh/release-namespace'
export const resourcePolicyAnnotation = 'helm.sh/resource-policy'

/**
 * Parses the object of a manifest document as Kubernetes' sigs.k8s.io/yaml reads it (go-yaml:
 * YAML 1.1 booleans, `<<` merges, bounded aliases), with the decoder the templates' `fromYaml`
 * uses. A document that is empty (comments only) gives undefined.
 */
export function parseObject(text: string, source: string): KubeObject | undefined {
  let v: unknown
  try {
    v = decodeYaml(text)
    // an empty first document leaves the rest of the text to decide
    if (v === null) v = decodeYamlDocuments(text).find((d) => d !== null) ?? null
  } catch (err) {
    throw new KubeError(
      'INVALID_MANIFEST',
      `YAML parse error on ${source}: ${(err as Error).message}`,
      { resource: source },
    )
  }
  if (v === null) return undefined
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw new KubeError(
      'INVALID_MANIFEST',
      `${source}: a manifest must be a YAML map, not ${Array.isArray(v) ? 'a list' : typeof v}`,
      { resource: source },
    )
  }
  const obj = v as KubeObject
  if (!obj.apiVersion || !obj.kind) {
    throw new KubeError(
      'INVALID_MANIFEST',
      `${source}: the object has no ${obj.apiVersion ? 'kind' : 'apiVersion'}`,
      { resource: source },
    )
  }
  return obj
}

/**
 * The objects of a chart's `crds/` files, as an install reads them (`helm template` never
 * parses these files: CRDs can be megabytes, and only installing needs their objects).
 */
export function parseCrdFiles(files: { name: string; content: string }[]): ParsedObject[] {
  const out: ParsedObject[] = []
  for (const f of files) {
    for (const doc of splitManifests(f.content)) {
      const object = parseObject(doc, f.name)
      if (object) out.push({ source: f.name, object })
    }
  }
  return out
}

/** Parses a release manifest (`---\n# Source: …\n…` documents). */
export function parseManifest(text: string): ParsedObject[] {
  const out: ParsedObject[] = []
  for (const doc of splitManifests(text)) {
    const m = /^# Source: (.*)$/m.exec(doc)
    const source = m?.[1]?.trim() ?? '<manifest>'
    const object = parseObject(doc, source)
    if (object) out.push({ source, object })
  }
  return out
}

/** `---\n# Source: PATH\nDOC\n` for each document, as Helm writes a release manifest. */
export function formatManifest(docs: Array<{ name: string; content: string }>): string {
  return docs.map((d) => `---\n# Source: ${d.name}\n${d.content}\n`).join('')
}

/** Identity of an object within a release: `group/Kind/namespace/name`. */
export function objectKey(obj: KubeObject, defaultNamespace: string, namespaced = true): string {
  const group = String(obj.apiVersion ?? '').includes('/')
    ? String(obj.apiVersion).split('/')[0]
    : ''
  const ns = namespaced ? (obj.metadata?.namespace ?? defaultNamespace) : ''
  return `${group}/${String(obj.kind)}/${ns}/${String(obj.metadata?.name ?? '')}`
}

/** `Kind/name` or `Kind/namespace/name`: how messages name an object. */
export function describe(obj: KubeObject, namespace?: string): string {
  const ns = obj.metadata?.namespace ?? namespace
  return ns
    ? `${String(obj.kind)} "${String(obj.metadata?.name)}" in namespace "${ns}"`
    : `${String(obj.kind)} "${String(obj.metadata?.name)}"`
}

/** Sorts objects in Helm's install order. */
export function sortForInstall<T extends { object: KubeObject }>(items: T[]): T[] {
  return sortByKind(items, (i) => String(i.object.kind), installOrder)
}

/** Sorts objects in Helm's uninstall order. */
export function sortForUninstall<T extends { object: KubeObject }>(items: T[]): T[] {
  return sortByKind(items, (i) => String(i.object.kind), uninstallOrder)
}

/** Stamps Helm's ownership label and annotations (setMetadataVisitor). */
export function stampOwnership(obj: KubeObject, release: string, namespace: string): KubeObject {
  const md = { ...(obj.metadata ?? {}) }
  md.labels = { ...(md.labels ?? {}), [managedByLabel]: 'Helm' }
  md.annotations = {
    ...(md.annotations ?? {}),
    [releaseNameAnnotation]: release,
    [releaseNamespaceAnnotation]: namespace,
  }
  return { ...obj, metadata: md }
}

/** Why a live object cannot be taken over by the release (Helm's wording), or undefined. */
export function ownershipProblem(
  live: KubeObject,
  release: string,
  namespace: string,
): string | undefined {
  const problems: string[] = []
  const labels = live.metadata?.labels ?? {}
  const ann = live.metadata?.annotations ?? {}
  if (labels[managedByLabel] !== 'Helm') {
    problems.push(
      labels[managedByLabel] === undefined
        ? `label validation error: missing key "${managedByLabel}": must be set to "Helm"`
        : `label validation error: key "${managedByLabel}" must equal "Helm": current value is "${labels[managedByLabel]}"`,
    )
  }
  for (const [key, want] of [
    [releaseNameAnnotation, release],
    [releaseNamespaceAnnotation, namespace],
  ] as const) {
    if (ann[key] === undefined)
      problems.push(`annotation validation error: missing key "${key}": must be set to "${want}"`)
    else if (ann[key] !== want)
      problems.push(
        `annotation validation error: key "${key}" must equal "${want}": current value is "${ann[key]}"`,
      )
  }
  return problems.length ? `invalid ownership metadata; ${problems.join('; ')}` : undefined
}
