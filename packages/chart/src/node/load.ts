import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { ChartError } from '../errors.ts'
import { resolveLimits, type ChartLimits } from '../limits.ts'
import type { Chart, ChartFile } from '../types.ts'
import { readArchiveFiles } from './archive.ts'
import { LoadBudget } from './budget.ts'
import { readChartDirFiles } from './directory.ts'
import { loadFiles } from './load-files.ts'
import type { LoadedChartCache } from './loaded-chart-cache.ts'

/** Options of the chart loaders. */
export interface LoadOptions {
  /** Limits to apply instead of the defaults (any subset). */
  limits?: Partial<ChartLimits>
  /** Charts loaded before: the same files from the same place give back the same chart. */
  loadedCharts?: LoadedChartCache
}

// what a load depends on besides its files
const place = (kind: string, where: string, options: LoadOptions) =>
  `${kind}:${where}:${JSON.stringify(options.limits ?? {})}`

/** `build()`, unless the cache holds a chart built from exactly `inputs` at `where`. */
async function loadOnce(
  where: string,
  inputs: ChartFile[],
  options: LoadOptions,
  build: () => Promise<Chart>,
): Promise<Chart> {
  const cache = options.loadedCharts
  const hit = cache?.get(where, inputs)
  if (hit) return hit
  const chart = await build()
  cache?.set(where, inputs, chart)
  return chart
}

/** Options of {@link loadChartArchive}. */
export interface LoadArchiveOptions extends LoadOptions {
  /** What the bytes are (a path, URL or reference), for error messages. */
  source?: string
}

/**
 * Loads a chart directory, honouring its .helmignore.
 *
 * @example const chart = await loadChartDir('test/fixtures/charts/demo')
 */
export async function loadChartDir(dir: string, options: LoadOptions = {}): Promise<Chart> {
  const budget = new LoadBudget(resolveLimits(options.limits), dir)
  const files = await readChartDirFiles(dir, budget)
  return loadOnce(place('dir', resolve(dir), options), files, options, () =>
    loadFiles(files, { budget, depth: 0 }),
  )
}

/**
 * Loads a chart from the bytes of a `.tgz` archive (as `helm package` or a registry makes).
 *
 * @example const chart = await loadChartArchive(bytes, { source: 'demo-1.0.0.tgz' })
 */
export async function loadChartArchive(
  data: Uint8Array,
  options: LoadArchiveOptions = {},
): Promise<Chart> {
  const budget = new LoadBudget(resolveLimits(options.limits), options.source ?? 'chart archive')
  // the archive's bytes stand for its files: a cached chart needs no unpacking
  const where = place('archive', options.source ?? '', options)
  return loadOnce(where, [{ name: '', data }], options, async () =>
    loadFiles(await readArchiveFiles(data, budget), { budget, depth: 0 }),
  )
}

/**
 * Loads a chart from a path: a chart directory or a chart archive.
 *
 * @throws ChartError `NOT_FOUND` when nothing is at `path`, else whatever the loader finds.
 */
export async function loadChart(path: string, options: LoadOptions = {}): Promise<Chart> {
  let info
  try {
    info = await stat(path)
  } catch (err) {
    throw new ChartError(
      'NOT_FOUND',
      `path ${JSON.stringify(path)} not found`,
      { source: path },
      { cause: err },
    )
  }
  if (info.isDirectory()) return loadChartDir(path, options)
  const limits = resolveLimits(options.limits)
  if (info.size > limits.maxArchiveSize) {
    throw new ChartError(
      'CHART_TOO_LARGE',
      `${path} is larger than the maximum archive size ${limits.maxArchiveSize}`,
      {
        source: path,
      },
    )
  }
  const data = new Uint8Array(await readFile(path))
  if (/\.ya?ml$/.test(path) && data[0] !== 0x1f) {
    throw new ChartError(
      'INVALID_ARCHIVE',
      `file '${path}' seems to be a YAML file, but expected a gzipped archive`,
      {
        source: path,
      },
    )
  }
  return loadChartArchive(data, { ...options, source: path })
}
