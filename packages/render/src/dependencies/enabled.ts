import type { ChartDependency } from '@slipway/chart'
import type { GoMap } from '@slipway/gotemplate'
import { cloneRenderChart, setDependencies, type RenderChart } from '../chart-tree.ts'
import { coalesceValues, type WarnFn } from '../values/coalesce.ts'
import { pathValue, table } from '../values/table.ts'
import { isCompatibleRange } from './version-range.ts'

/**
 * Helm's processDependencyEnabled: applies `alias`, `tags` and `condition` to the subcharts of
 * `chart`, recursively, removing disabled ones. `values` are the user's values; `path` is the
 * dotted values prefix of `chart` below the root.
 */
export function processDependencyEnabled(
  chart: RenderChart,
  values: GoMap,
  path: string,
  warn: WarnFn,
): void {
  const reqs = chart.metadata.dependencies
  if (!reqs) return

  const kept: RenderChart[] = []
  // subcharts that no Chart.yaml entry matches (by name and version) are kept as they are
  for (const existing of chart.dependencies) {
    const listed = reqs.some(
      (r) =>
        existing.metadata.name === r.name &&
        isCompatibleRange(r.version ?? '', existing.metadata.version),
    )
    if (!listed) kept.push(existing)
  }
  for (const req of reqs) {
    const dep = aliasDependency(chart.dependencies, req)
    if (dep) kept.push(dep)
    if (req.alias) req.name = req.alias
  }
  setDependencies(chart, kept)

  for (const r of reqs) r.enabled = true
  const cvals = coalesceValues(chart, values, warn)
  processTags(reqs, cvals, warn)
  processConditions(reqs, cvals, path, warn)

  const removed = new Set(reqs.filter((r) => !r.enabled).map((r) => r.name))
  const deps = chart.dependencies.filter((d) => !removed.has(d.metadata.name))
  const meta = reqs.filter((r) => !removed.has(r.name))
  for (const d of deps) processDependencyEnabled(d, cvals, `${path}${d.metadata.name}.`, warn)
  chart.metadata.dependencies = meta
  setDependencies(chart, deps)
}

function aliasDependency(charts: RenderChart[], dep: ChartDependency): RenderChart | undefined {
  for (const c of charts) {
    if (c.metadata.name !== dep.name) continue
    if (!isCompatibleRange(dep.version ?? '', c.metadata.version)) continue
    return cloneRenderChart(c, dep.alias || undefined)
  }
  return undefined
}

function processTags(reqs: ChartDependency[], cvals: GoMap, warn: WarnFn): void {
  const tags = table(cvals, 'tags')
  if (!tags) return
  for (const r of reqs) {
    let hasTrue = false
    let hasFalse = false
    for (const k of r.tags ?? []) {
      if (!Object.hasOwn(tags, k)) continue
      const b = tags[k]
      if (typeof b === 'boolean') {
        if (b) hasTrue = true
        else hasFalse = true
      } else {
        warn(`Warning: Tag '${k}' for chart ${r.name} returned non-bool value`)
      }
    }
    if (!hasTrue && hasFalse) r.enabled = false
    else r.enabled = true
  }
}

function processConditions(
  reqs: ChartDependency[],
  cvals: GoMap,
  cpath: string,
  warn: WarnFn,
): void {
  for (const r of reqs) {
    // elements are not trimmed: "a, b" makes Helm look up " b"
    for (const c of (r.condition ?? '').trim().split(',')) {
      if (c.length === 0) continue
      const v = pathValue(cvals, cpath + c)
      if (!v.found) continue
      if (typeof v.value === 'boolean') {
        r.enabled = v.value
        break
      }
      warn(`Warning: Condition path '${c}' for chart ${r.name} returned non-bool value`)
    }
  }
}
