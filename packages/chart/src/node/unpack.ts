import { constants } from 'node:fs'
import { lstat, mkdir, open, realpath } from 'node:fs/promises'
import { dirname, join, sep } from 'node:path'
import { ChartError } from '../errors.ts'
import { resolveLimits } from '../limits.ts'
import { parseChartYaml } from '../metadata.ts'
import { readArchiveFiles } from './archive.ts'
import { LoadBudget } from './budget.ts'
import type { LoadArchiveOptions } from './load.ts'

// Refuses to go through a symbolic link that is already on disk inside the destination.
async function ensureNoLinks(root: string, path: string): Promise<void> {
  const rel = path.slice(root.length + 1).split(sep)
  let cur = root
  for (const part of rel) {
    cur = join(cur, part)
    const info = await lstat(cur).catch(() => undefined)
    if (!info) return
    if (info.isSymbolicLink()) {
      throw new ChartError(
        'LINK_NOT_ALLOWED',
        `refusing to write through the symbolic link ${cur}`,
        { file: cur },
      )
    }
  }
}

/**
 * `helm pull --untar`: writes the archive's files into `destDir/NAME/` (NAME from its
 * Chart.yaml) and returns that directory. Every entry is checked before anything is
 * written (no `..`, absolute paths, links, size or count excess), and no write follows a
 * symbolic link, so nothing lands outside `destDir`.
 */
export async function unpackArchive(
  data: Uint8Array,
  destDir: string,
  options: LoadArchiveOptions = {},
): Promise<string> {
  const budget = new LoadBudget(resolveLimits(options.limits), options.source ?? 'chart archive')
  const files = await readArchiveFiles(data, budget)
  const chartYaml = files.find((f) => f.name === 'Chart.yaml')
  if (!chartYaml)
    throw new ChartError('CHART_YAML_MISSING', 'chart name not specified', {
      file: 'Chart.yaml',
      source: budget.source,
    })
  const name = parseChartYaml(new TextDecoder().decode(chartYaml.data)).name
  await mkdir(destDir, { recursive: true })
  const root = await realpath(destDir)
  const chartDir = join(root, name)
  if (!chartDir.startsWith(root + sep)) {
    throw new ChartError(
      'PATH_TRAVERSAL',
      `chart name ${JSON.stringify(name)} leaves the destination`,
      { field: 'name' },
    )
  }
  for (const f of files) {
    const out = join(chartDir, ...f.name.split('/'))
    if (!out.startsWith(chartDir + sep)) {
      throw new ChartError(
        'PATH_TRAVERSAL',
        `entry ${JSON.stringify(f.name)} leaves the destination`,
        { file: f.name },
      )
    }
    await ensureNoLinks(root, dirname(out))
    await mkdir(dirname(out), { recursive: true })
    await ensureNoLinks(root, out)
    const handle = await open(
      out,
      constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
      0o644,
    )
    try {
      await handle.writeFile(f.data)
    } finally {
      await handle.close()
    }
  }
  return chartDir
}
