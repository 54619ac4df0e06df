import { isGoMap, type GoMap } from '@slipway/gotemplate'
import type { RenderChart } from '../chart-tree.ts'
import { deepCopy } from '../values/copy.ts'
import { mergeTables, mergeValues, type WarnFn } from '../values/coalesce.ts'
import { pathToMap, table } from '../values/table.ts'

/**
 * Helm's processDependencyImportValues (merge mode): depth first, copies each subchart's
 * `exports.X` (string form) or `child` table (map form) into the parent's values, below the
 * parent's own values. A chart with dependencies ends up with its merged defaults as values.
 */
export function processDependencyImportValues(chart: RenderChart, warn: WarnFn): void {
  for (const d of chart.dependencies) processDependencyImportValues(d, warn)
  processImportValues(chart, warn)
}

function processImportValues(chart: RenderChart, warn: WarnFn): void {
  const reqs = chart.metadata.dependencies
  if (!reqs) return
  let cvals = mergeValues(chart, null, warn)
  let b: GoMap = {}
  for (const r of reqs) {
    const out: unknown[] = []
    for (const riv of r['import-values'] ?? []) {
      if (isGoMap(riv)) {
        const child = String(riv.child ?? '')
        const parent = String(riv.parent ?? '')
        out.push({ child, parent })
        const vv = table(cvals, `${r.name}.${child}`)
        if (!vv) {
          warn(`Warning: ImportValues missing table from chart ${r.name}`)
          continue
        }
        b = mergeTables(b, pathToMap(parent, deepCopy(vv)))
      } else if (typeof riv === 'string') {
        const child = `exports.${riv}`
        out.push({ child, parent: '.' })
        const vm = table(cvals, `${r.name}.${child}`)
        if (!vm) {
          warn(`Warning: ImportValues missing table: ${child}`)
          continue
        }
        b = mergeTables(b, deepCopy(vm))
      }
    }
    r['import-values'] = out
  }
  // imported values rank below the parent's own values (but above nothing the user set)
  cvals = deepCopy(cvals)
  chart.values = mergeTables(cvals, b)
}
