import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { ChartError } from '../errors.ts'
import type { ChartFile } from '../types.ts'
import { trimBom } from './archive.ts'
import type { LoadBudget } from './budget.ts'
import { HelmIgnore, helmIgnoreFile } from './helmignore.ts'

/**
 * Reads the files of a chart directory as Helm's LoadDir does: .helmignore (plus Helm's
 * default rule) filters paths, symbolic links are followed only while they stay inside the
 * chart, anything but regular files and directories is refused, and every file counts
 * against the limits.
 *
 * The reads are synchronous: a chart is hundreds of small files, and a thread-pool round trip
 * for each of them costs more than the reads themselves (a tenth of a second for ingress-nginx).
 * The limits bound how long the event loop can be held.
 *
 * @throws ChartError `NOT_FOUND`, `INVALID_HELMIGNORE`, `LINK_NOT_ALLOWED`,
 *   `IRREGULAR_FILE`, `FILE_TOO_LARGE`, `CHART_TOO_LARGE`, `TOO_MANY_FILES`.
 */
export async function readChartDirFiles(dir: string, budget: LoadBudget): Promise<ChartFile[]> {
  const top = resolve(dir)
  let root: string
  try {
    root = realpathSync(top)
    if (!statSync(root).isDirectory()) throw new Error('not a directory')
  } catch (err) {
    throw new ChartError(
      'NOT_FOUND',
      `${dir}: no such chart directory`,
      { source: dir },
      { cause: err },
    )
  }
  let rules = HelmIgnore.defaults()
  try {
    rules = HelmIgnore.parse(readFileSync(join(root, helmIgnoreFile), 'utf8'))
  } catch (err) {
    if (err instanceof ChartError) throw err
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  const files: ChartFile[] = []
  const inside = (p: string) => p === root || p.startsWith(root + sep)

  const walk = (abs: string, rel: string, seen: ReadonlySet<string>): void => {
    const entries = readdirSync(abs).sort()
    for (const entry of entries) {
      const path = join(abs, entry)
      const name = rel ? `${rel}/${entry}` : entry
      const link = lstatSync(path)
      let target = path
      if (link.isSymbolicLink()) {
        try {
          target = realpathSync(path)
        } catch (err) {
          throw new ChartError(
            'LINK_NOT_ALLOWED',
            `symbolic link ${name} points to nothing`,
            { file: name, source: dir },
            { cause: err },
          )
        }
        if (!inside(target)) {
          throw new ChartError(
            'LINK_NOT_ALLOWED',
            `symbolic link ${name} points outside the chart`,
            { file: name, source: dir },
          )
        }
      }
      const info = link.isSymbolicLink() ? statSync(target) : link
      budget.takeEntry(name)
      if (info.isDirectory()) {
        if (rules.ignores(name, true)) continue
        // a link back to an ancestor would loop forever
        if (seen.has(target)) {
          throw new ChartError('LINK_NOT_ALLOWED', `symbolic link ${name} makes a loop`, {
            file: name,
            source: dir,
          })
        }
        walk(target, name, new Set([...seen, target]))
        continue
      }
      if (rules.ignores(name, false)) continue
      if (!info.isFile()) {
        throw new ChartError(
          'IRREGULAR_FILE',
          `cannot load irregular file ${name} as it has file mode type bits set`,
          {
            file: name,
            source: dir,
          },
        )
      }
      budget.checkFileSize(name, info.size)
      const data = readFileSync(target)
      budget.takeBytes(name, data.length)
      files.push({ name, data: trimBom(new Uint8Array(data)) })
    }
  }
  walk(root, '', new Set([root]))
  return files
}
