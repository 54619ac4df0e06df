import type { Chart, ChartDependency, ChartFile, ChartMetadata, Values } from '@slipway/chart'
import { deepCopy } from './values/copy.ts'

/**
 * A chart as the render pipeline works on it: a private copy of a loaded {@link Chart}, so
 * dependency processing can rename (alias), drop (conditions, tags) and re-value
 * (import-values) subcharts as Helm does, without touching the caller's chart.
 */
export interface RenderChart {
  metadata: ChartMetadata & { dependencies?: ChartDependency[] }
  values: Values
  templates: ChartFile[]
  files: ChartFile[]
  schema?: Uint8Array
  dependencies: RenderChart[]
  parent?: RenderChart
}

/** Copies a loaded chart (and its subcharts) into a {@link RenderChart}. */
export function toRenderChart(chart: Chart, parent?: RenderChart): RenderChart {
  const rc: RenderChart = {
    metadata: {
      ...chart.metadata,
      ...(chart.metadata.dependencies
        ? { dependencies: chart.metadata.dependencies.map((d) => ({ ...d })) }
        : {}),
    },
    values: deepCopy(chart.values ?? {}),
    templates: chart.templates,
    files: chart.files,
    dependencies: [],
    ...(chart.schema ? { schema: chart.schema } : {}),
    ...(parent ? { parent } : {}),
  }
  rc.dependencies = chart.dependencies.map((d) => toRenderChart(d, rc))
  return rc
}

/** A copy of a subchart under another parent and, for an alias, another name. */
export function cloneRenderChart(c: RenderChart, name?: string): RenderChart {
  const out: RenderChart = {
    ...c,
    metadata: { ...c.metadata, ...(name ? { name } : {}) },
    values: deepCopy(c.values),
    dependencies: [],
  }
  out.dependencies = c.dependencies.map((d) => cloneRenderChart(d))
  for (const d of out.dependencies) d.parent = out
  return out
}

/** Replaces a chart's subcharts, setting their parent (Helm's SetDependencies). */
export function setDependencies(c: RenderChart, deps: RenderChart[]): void {
  c.dependencies = deps
  for (const d of deps) d.parent = c
}

/** Helm's ChartFullPath: `root/charts/sub/charts/subsub`. */
export function chartFullPath(c: RenderChart): string {
  return c.parent ? `${chartFullPath(c.parent)}/charts/${c.metadata.name}` : c.metadata.name
}

/** How many levels below the root a chart is. */
export function chartDepth(c: RenderChart): number {
  return c.parent ? chartDepth(c.parent) + 1 : 0
}
