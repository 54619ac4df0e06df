import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { gzip } from 'node:zlib'
import { promisify } from 'node:util'
import { pack } from 'tar-stream'
import { encodeYaml } from '@slipway/gotemplate'
import { checkDependencies } from '../dependencies.ts'
import { ChartError } from '../errors.ts'
import { APIVersionV1, APIVersionV2, validateMetadata } from '../metadata.ts'
import { metadataToYaml } from '../show.ts'
import type { Chart, ChartLock } from '../types.ts'
import { loadChartDir, type LoadOptions } from './load.ts'

const gzipAsync = promisify(gzip)
const encoder = new TextEncoder()

/** Options of {@link packageChart}. */
export interface PackageOptions extends LoadOptions {
  /** Directory to write the archive to (created if missing); default: the current directory. */
  destination?: string
  /** Replaces the chart's version (`helm package --version`). */
  version?: string
  /** Replaces the chart's appVersion (`helm package --app-version`). */
  appVersion?: string
}

function lockToYaml(lock: ChartLock): string {
  const out: Record<string, unknown> = {
    dependencies: lock.dependencies.map((d) => ({
      name: d.name,
      repository: d.repository,
      version: d.version,
    })),
    digest: lock.digest ?? '',
    // Go marshals time.Time as RFC 3339 with trailing zeros of the fraction dropped
    generated: (lock.generated ?? '0001-01-01T00:00:00Z').replace(
      /\.(\d*?)0+(?=Z|[+-]\d\d:\d\d$)/,
      (_m, d: string) => (d ? `.${d}` : ''),
    ),
  }
  return encodeYaml(out)
}

/**
 * The files of a chart archive in the order `helm package` writes them, under `NAME/`:
 * Chart.yaml (re-marshalled, as Helm does), Chart.lock (v2), values.yaml and
 * values.schema.json as shipped, templates, other files, then each subchart under
 * `NAME/charts/SUBNAME/` (archived subcharts are written unpacked, as Helm does).
 */
export function chartArchiveEntries(
  chart: Chart,
  prefix = '',
): Array<{ name: string; data: Uint8Array }> {
  const md = chart.metadata
  if (md.name.includes('/') || md.name.includes('\\') || md.name === '.' || md.name === '..') {
    throw new ChartError(
      'INVALID_METADATA',
      `chart name ${JSON.stringify(md.name)} is not a valid file name`,
      { field: 'name' },
    )
  }
  const base = `${prefix}${md.name}`
  const entries: Array<{ name: string; data: Uint8Array }> = []
  const meta = md.apiVersion === APIVersionV1 ? { ...md, dependencies: undefined } : md
  entries.push({ name: `${base}/Chart.yaml`, data: encoder.encode(metadataToYaml(meta)) })
  if (md.apiVersion === APIVersionV2 && chart.lock) {
    entries.push({ name: `${base}/Chart.lock`, data: encoder.encode(lockToYaml(chart.lock)) })
  }
  if (chart.rawValues) entries.push({ name: `${base}/values.yaml`, data: chart.rawValues })
  if (chart.schema) {
    try {
      JSON.parse(new TextDecoder().decode(chart.schema))
    } catch (err) {
      throw new ChartError(
        'PARSE_ERROR',
        'Invalid JSON in values.schema.json',
        { file: 'values.schema.json' },
        { cause: err },
      )
    }
    entries.push({ name: `${base}/values.schema.json`, data: chart.schema })
  }
  for (const f of chart.templates) entries.push({ name: `${base}/${f.name}`, data: f.data })
  for (const f of chart.files) entries.push({ name: `${base}/${f.name}`, data: f.data })
  for (const dep of chart.dependencies) entries.push(...chartArchiveEntries(dep, `${base}/charts/`))
  return entries
}

/** A gzipped tar of `entries` (regular files, mode 0644). */
export async function writeChartArchive(
  entries: ReadonlyArray<{ name: string; data: Uint8Array }>,
  mtime = new Date(),
): Promise<Uint8Array> {
  const p = pack()
  const chunks: Buffer[] = []
  const done = new Promise<void>((ok, fail) => {
    p.on('data', (c: unknown) => chunks.push(c as Buffer))
    p.on('end', () => ok())
    p.on('error', fail)
  })
  for (const e of entries) {
    await new Promise<void>((ok, fail) => {
      p.entry(
        { name: e.name, size: e.data.length, mode: 0o644, mtime, type: 'file' },
        Buffer.from(e.data),
        (err) => (err ? fail(err) : ok()),
      )
    })
  }
  p.finalize()
  await done
  return new Uint8Array(await gzipAsync(Buffer.concat(chunks)))
}

/**
 * Packages a loaded chart into archive bytes, as `helm package` would write them.
 *
 * @throws ChartError `MISSING_DEPENDENCY`, `INVALID_METADATA`, `PARSE_ERROR`.
 */
export async function packChart(chart: Chart): Promise<Uint8Array> {
  validateMetadata(chart.metadata)
  if (chart.metadata.dependencies?.length) checkDependencies(chart)
  return writeChartArchive(chartArchiveEntries(chart))
}

/**
 * `helm package DIR`: loads the directory (honouring .helmignore), applies `version` and
 * `appVersion`, checks dependencies, and writes `NAME-VERSION.tgz` into `destination`.
 * Returns the path written.
 *
 * @example const path = await packageChart('charts/demo', { destination: 'dist' }) // dist/demo-1.0.0.tgz
 */
export async function packageChart(dir: string, options: PackageOptions = {}): Promise<string> {
  const chart = await loadChartDir(dir, options)
  if (options.version) chart.metadata.version = options.version
  if (options.appVersion) chart.metadata.appVersion = options.appVersion
  const data = await packChart(chart)
  const destination = resolve(options.destination ?? '.')
  try {
    const info = await stat(destination).catch(() => undefined)
    if (info && !info.isDirectory()) throw new Error(`is not a directory: ${destination}`)
    await mkdir(destination, { recursive: true })
    const path = join(destination, `${chart.metadata.name}-${chart.metadata.version}.tgz`)
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`
    try {
      await writeFile(tmp, data, { flag: 'wx' })
      await rename(tmp, path)
    } catch (err) {
      await rm(tmp, { force: true })
      throw err
    }
    return path
  } catch (err) {
    throw new ChartError(
      'WRITE_ERROR',
      `failed to save: ${(err as Error).message}`,
      { source: destination },
      { cause: err },
    )
  }
}
