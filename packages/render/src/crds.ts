import { chartFullPath, type RenderChart } from './chart-tree.ts'
import { decodeUtf8 } from './text.ts'

/** A file of a chart's `crds/` directory, printed whole by `helm template --include-crds`. */
export interface CrdFile {
  /** `CHART/crds/x.yaml` (`CHART/charts/SUB/crds/x.yaml` for a subchart's). */
  name: string
  content: string
}

const manifestExtensions = ['.yaml', '.yml', '.json']

/** Helm's CRDObjects: the chart's `crds/*.{yaml,yml,json}` files, then each subchart's. */
export function crdFiles(chart: RenderChart): CrdFile[] {
  const out: CrdFile[] = []
  const base = chartFullPath(chart)
  for (const f of chart.files) {
    if (!f.name.startsWith('crds/')) continue
    const dot = f.name.lastIndexOf('.')
    if (dot < 0 || !manifestExtensions.includes(f.name.slice(dot))) continue
    out.push({ name: `${base}/${f.name}`, content: decodeUtf8(f.data) })
  }
  for (const d of chart.dependencies) out.push(...crdFiles(d))
  return out
}
