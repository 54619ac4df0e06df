import { ChartError } from '../errors.ts'
import { APIVersionV1, parseChartYaml, parseLock, parseRequirements } from '../metadata.ts'
import type { Chart, ChartFile, ChartLock, ChartMetadata, Values } from '../types.ts'
import { decodeValues } from '../values.ts'
import { readArchiveFiles } from './archive.ts'
import type { LoadBudget } from './budget.ts'

const decoder = new TextDecoder('utf-8')
const text = (f: ChartFile) => decoder.decode(f.data)

/** Where a chart being loaded sits: how deep, and the budget it draws from. */
export interface LoadContext {
  budget: LoadBudget
  /** 0 for the top chart, 1 for its subcharts, and so on. */
  depth: number
}

const byName = (a: ChartFile, b: ChartFile) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

/**
 * Builds a chart from its files (names relative to the chart root), as Helm's LoadFiles:
 * Chart.yaml, values.yaml, values.schema.json, Chart.lock, requirements.yaml/.lock for v1,
 * templates/, charts/ (directories and .tgz archives, loaded recursively; names starting with
 * `_` or `.` skipped; `.prov` files kept as files), and every other file in `files`.
 *
 * @throws ChartError for a missing or invalid Chart.yaml, unparsable values or lock files,
 *   and `TOO_DEEP` when subcharts nest deeper than the limit.
 */
export async function loadFiles(input: readonly ChartFile[], ctx: LoadContext): Promise<Chart> {
  const files = [...input].sort(byName)
  const chartYaml = files.find((f) => f.name === 'Chart.yaml')
  if (!chartYaml) {
    throw new ChartError('CHART_YAML_MISSING', 'Chart.yaml file is missing', {
      file: 'Chart.yaml',
      source: ctx.budget.source,
    })
  }
  const metadata: ChartMetadata = parseChartYaml(text(chartYaml))
  const chart: Chart = {
    metadata,
    templates: [],
    values: {},
    files: [],
    raw: files.map((f) => ({ name: f.name, data: f.data })),
    dependencies: [],
  }
  let values: Values | undefined
  let lock: ChartLock | undefined
  const subcharts = new Map<string, ChartFile[]>()
  for (const f of files) {
    const n = f.name
    if (n === 'Chart.yaml') continue
    if (n === 'Chart.lock') lock = parseLock(text(f), n)
    else if (n === 'values.yaml') {
      values = decodeValues(f.data, n)
      chart.rawValues = f.data
    } else if (n === 'values.schema.json') chart.schema = f.data
    else if (n === 'requirements.yaml') {
      const deps = parseRequirements(text(f), n)
      if (deps.length) metadata.dependencies = deps
      else delete metadata.dependencies
      if (metadata.apiVersion === APIVersionV1) chart.files.push(f)
    } else if (n === 'requirements.lock') {
      lock = parseLock(text(f), n)
      if (metadata.apiVersion === APIVersionV1) chart.files.push(f)
    } else if (n.startsWith('templates/')) chart.templates.push(f)
    else if (n.startsWith('charts/')) {
      if (n.endsWith('.prov')) {
        chart.files.push(f)
        continue
      }
      const rest = n.slice('charts/'.length)
      const slash = rest.indexOf('/')
      const dir = slash < 0 ? rest : rest.slice(0, slash)
      const list = subcharts.get(dir) ?? []
      list.push({ name: rest, data: f.data })
      subcharts.set(dir, list)
    } else chart.files.push(f)
  }
  if (values !== undefined) chart.values = values
  if (lock !== undefined) chart.lock = lock

  for (const [dir, subFiles] of [...subcharts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (dir.startsWith('_') || dir.startsWith('.')) continue
    if (ctx.depth + 1 > ctx.budget.limits.maxDepth) {
      throw new ChartError(
        'TOO_DEEP',
        `subcharts are nested deeper than the maximum of ${ctx.budget.limits.maxDepth}`,
        {
          file: `charts/${dir}`,
          source: ctx.budget.source,
        },
      )
    }
    const sub = { ...ctx, depth: ctx.depth + 1 }
    try {
      if (dir.endsWith('.tgz')) {
        const archive = subFiles[0]!
        if (archive.name !== dir || subFiles.length > 1) {
          throw new ChartError(
            'INVALID_ARCHIVE',
            `error unpacking subchart tar in ${metadata.name}: expected ${dir}, got ${archive.name}`,
            {
              file: `charts/${dir}`,
            },
          )
        }
        const inner = await readArchiveFiles(archive.data, ctx.budget)
        chart.dependencies.push(await loadFiles(inner, sub))
      } else {
        const inner = subFiles
          .filter((f) => f.name.includes('/'))
          .map((f) => ({ name: f.name.slice(f.name.indexOf('/') + 1), data: f.data }))
        chart.dependencies.push(await loadFiles(inner, sub))
      }
    } catch (err) {
      if (
        err instanceof ChartError &&
        err.code !== 'TOO_DEEP' &&
        err.code !== 'CHART_TOO_LARGE' &&
        err.code !== 'TOO_MANY_FILES'
      ) {
        throw err.inSubchart(dir, metadata.name)
      }
      throw err
    }
  }
  return chart
}
