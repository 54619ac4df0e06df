import { posix } from 'node:path'
import { Readable, Transform, pipeline } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { extract } from 'tar-stream'
import { ChartError } from '../errors.ts'
import type { ChartFile } from '../types.ts'
import type { LoadBudget } from './budget.ts'

const drivePathRe = /^[a-zA-Z]:\//
const bom = [0xef, 0xbb, 0xbf]

/** True when `data` starts with the gzip magic bytes (and deflate method). */
export function isGzip(data: Uint8Array): boolean {
  return data.length >= 3 && data[0] === 0x1f && data[1] === 0x8b && data[2] === 0x08
}

/** Drops a UTF-8 byte order mark, as Helm's loader does for every file. */
export function trimBom(data: Uint8Array): Uint8Array {
  return data.length >= 3 && data[0] === bom[0] && data[1] === bom[1] && data[2] === bom[2]
    ? data.subarray(3)
    : data
}

/**
 * The chart-relative name of an archive entry (Helm strips the first path component), or an
 * error for anything that could point outside the chart: `..` components, absolute paths,
 * drive letters, NUL bytes, a Chart.yaml outside a base directory.
 */
export function entryName(raw: string, source: string): string | undefined {
  const fail = (code: 'PATH_TRAVERSAL', message: string): never => {
    throw new ChartError(code, message, { file: raw, source })
  }
  if (raw.includes('\0'))
    fail('PATH_TRAVERSAL', `chart contains illegally named files: ${JSON.stringify(raw)}`)
  const delimiter = raw.includes('\\') ? '\\' : '/'
  const parts = raw.split(delimiter)
  if (raw.startsWith('/') || raw.startsWith('\\') || drivePathRe.test(raw.replaceAll('\\', '/'))) {
    fail('PATH_TRAVERSAL', `chart illegally contains absolute paths: ${JSON.stringify(raw)}`)
  }
  if (parts.includes('..'))
    fail('PATH_TRAVERSAL', `chart illegally references parent directory: ${JSON.stringify(raw)}`)
  if (parts[0] === 'Chart.yaml') fail('PATH_TRAVERSAL', 'chart yaml not in base directory')
  const rest = parts.slice(1).join('/')
  if (posix.isAbsolute(rest)) fail('PATH_TRAVERSAL', 'chart illegally contains absolute paths')
  const clean = posix.normalize(rest)
  if (clean === '.' || clean === './' || rest === '') return undefined
  if (clean.startsWith('..')) fail('PATH_TRAVERSAL', 'chart illegally references parent directory')
  if (drivePathRe.test(clean)) fail('PATH_TRAVERSAL', 'chart contains illegally named files')
  return clean.replace(/\/$/, '')
}

/**
 * Reads a gzipped tar chart archive into its files, streaming: gunzip and tar parsing run
 * incrementally and stop at the first limit hit, so a gzip bomb costs at most the limits.
 * Names lose their first component (`demo/Chart.yaml` → `Chart.yaml`), as in Helm.
 * Links, devices and FIFOs are refused: a chart is regular files only.
 *
 * @throws ChartError `INVALID_ARCHIVE`, `EMPTY_ARCHIVE`, `PATH_TRAVERSAL`, `LINK_NOT_ALLOWED`,
 *   `IRREGULAR_FILE`, `FILE_TOO_LARGE`, `CHART_TOO_LARGE`, `TOO_MANY_FILES`.
 */
export async function readArchiveFiles(data: Uint8Array, budget: LoadBudget): Promise<ChartFile[]> {
  const source = budget.source
  if (!isGzip(data)) {
    throw new ChartError(
      'INVALID_ARCHIVE',
      `file '${source}' does not appear to be a gzipped archive`,
      { source },
    )
  }
  if (data.length > budget.limits.maxArchiveSize) {
    throw new ChartError(
      'CHART_TOO_LARGE',
      `archive is larger than the maximum size ${budget.limits.maxArchiveSize}`,
      {
        source,
      },
    )
  }
  // The tar stream itself (headers included) may not exceed the file budget plus header room.
  let streamLeft = budget.bytesLeft + budget.filesLeft * 1536 + 1024 * 1024
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      streamLeft -= chunk.length
      if (streamLeft < 0) {
        done(
          new ChartError(
            'CHART_TOO_LARGE',
            `decompressed chart is larger than the maximum size ${budget.limits.maxChartSize}`,
            { source },
          ),
        )
      } else done(null, chunk)
    },
  })
  const input = Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)])
  const gunzip = createGunzip()
  const ex = extract()
  let streamError: unknown
  pipeline(input, gunzip, counter, ex as unknown as NodeJS.WritableStream, (err) => {
    if (err) streamError = err
  })
  const files: ChartFile[] = []
  try {
    for await (const entry of ex) {
      const header = entry.header
      budget.takeEntry(header.name)
      const name = entryName(header.name, source)
      switch (header.type) {
        case 'directory':
          entry.resume()
          continue
        case 'file':
        case 'contiguous-file':
          break
        case 'symlink':
        case 'link':
          throw new ChartError(
            'LINK_NOT_ALLOWED',
            `chart archive contains a ${header.type === 'link' ? 'hard' : 'symbolic'} link: ${JSON.stringify(header.name)} -> ${JSON.stringify(header.linkname)}`,
            { file: header.name, source },
          )
        default:
          throw new ChartError(
            'IRREGULAR_FILE',
            `chart archive contains a ${header.type} entry: ${JSON.stringify(header.name)}`,
            {
              file: header.name,
              source,
            },
          )
      }
      budget.checkFileSize(header.name, header.size)
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        size += chunk.length
        budget.takeBytes(header.name, chunk.length)
        if (size > budget.limits.maxFileSize) budget.checkFileSize(header.name, size)
        chunks.push(chunk)
      }
      if (name === undefined) {
        throw new ChartError(
          'PATH_TRAVERSAL',
          `chart illegally contains content outside the base directory: ${JSON.stringify(header.name)}`,
          {
            file: header.name,
            source,
          },
        )
      }
      files.push({ name, data: trimBom(new Uint8Array(Buffer.concat(chunks))) })
    }
  } catch (err) {
    input.destroy()
    gunzip.destroy()
    if (err instanceof ChartError) throw err
    throw wrapStreamError(streamError ?? err, source)
  }
  if (streamError) throw wrapStreamError(streamError, source)
  if (files.length === 0)
    throw new ChartError('EMPTY_ARCHIVE', 'no files in chart archive', { source })
  return files
}

function wrapStreamError(err: unknown, source: string): ChartError {
  if (err instanceof ChartError) return err
  const message = (err as Error)?.message ?? String(err)
  return new ChartError(
    'INVALID_ARCHIVE',
    `cannot read chart archive ${source}: ${message}`,
    { source },
    { cause: err },
  )
}
