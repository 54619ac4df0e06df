import { encodeYaml } from '@slipway/gotemplate'
import type { Chart, ChartDependency, ChartFile, ChartMetadata } from './types.ts'
import { utf8 } from './text.ts'

/** What `show` prints, as Helm's `helm show` sub-commands. */
export type ShowKind = 'chart' | 'values' | 'readme' | 'crds' | 'all'

const readmeNames = ['readme.md', 'readme.txt', 'readme']

// sigs.k8s.io/yaml marshals through JSON: only set fields, keys in alphabetical order.
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key]
      if (v !== undefined) out[key] = sortKeys(v)
    }
    return out
  }
  return value
}

function dependencyJson(d: ChartDependency): Record<string, unknown> {
  const out: Record<string, unknown> = { name: d.name, repository: d.repository ?? '' }
  if (d.version) out['version'] = d.version
  if (d.condition) out['condition'] = d.condition
  if (d.tags?.length) out['tags'] = d.tags
  if (d.enabled) out['enabled'] = d.enabled
  if (d['import-values']?.length) out['import-values'] = d['import-values']
  if (d.alias) out['alias'] = d.alias
  return out
}

/**
 * Chart.yaml as Helm marshals chart.Metadata (omitting empty fields, keys sorted), which is
 * what `helm show chart` prints and what `helm package` writes into the archive.
 */
export function metadataToYaml(md: ChartMetadata): string {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(md)) {
    if (value === undefined || value === '' || value === false) continue
    if (Array.isArray(value) && value.length === 0) continue
    if (key === 'dependencies') out[key] = (value as ChartDependency[]).map(dependencyJson)
    else if (key === 'maintainers') {
      out[key] = (value as Array<Record<string, unknown>>).map((m) =>
        Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined && v !== '')),
      )
    } else if (key === 'annotations' && Object.keys(value as object).length === 0) continue
    else out[key] = value
  }
  return encodeYaml(sortKeys(out))
}

/** The README Helm shows: the first root file named readme.md, readme.txt or readme (any case). */
export function findReadme(files: readonly ChartFile[]): ChartFile | undefined {
  return files.find((f) => readmeNames.includes(f.name.toLowerCase()))
}

/** The CRD files of a chart and of its subcharts, as Helm's CRDObjects lists them. */
export function crdFiles(chart: Chart): ChartFile[] {
  const own = chart.files.filter(
    (f) => f.name.startsWith('crds/') && /\.(ya?ml|json)$/i.test(f.name),
  )
  return [...own, ...chart.dependencies.flatMap(crdFiles)]
}

/**
 * The text `helm show KIND` prints for a chart, byte for byte: values.yaml and README as
 * shipped plus a newline, Chart.yaml as Helm re-marshals it, `all` joined by `---` lines.
 */
export function showChart(chart: Chart, kind: ShowKind): string {
  let out = ''
  if (kind === 'chart' || kind === 'all') out += `${metadataToYaml(chart.metadata)}\n`
  if ((kind === 'values' || kind === 'all') && chart.rawValues !== undefined) {
    if (kind === 'all') out += '---\n'
    out += `${utf8(chart.rawValues)}\n`
  }
  if (kind === 'readme' || kind === 'all') {
    const readme = findReadme(chart.files)
    if (readme) {
      if (kind === 'all') out += '---\n'
      out += `${utf8(readme.data)}\n`
    }
  }
  if (kind === 'crds' || kind === 'all') {
    const crds = crdFiles(chart)
    if (crds.length > 0) {
      const first = utf8(crds[0]!.data)
      if (kind === 'all' && !first.startsWith('---')) out += '---\n'
      for (const crd of crds) out += `${utf8(crd.data)}\n`
    }
  }
  return out
}
