import {
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  mkdirSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isChartError, type ChartErrorCode } from '@slipway/chart'
import { loadChartArchive, loadChartDir, unpackArchive } from '@slipway/chart/node'
import { gzipChunks, minimalChart, rawTar, rawTgz, tarHeader, type RawEntry } from './raw-tar.ts'

const dirs: string[] = []
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'slipway-hostile-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function codeOf(p: Promise<unknown>): Promise<ChartErrorCode | string> {
  try {
    await p
  } catch (err) {
    return isChartError(err) ? err.code : `not a ChartError: ${String(err)}`
  }
  return 'no error'
}

/** Every file under `dir`, relative. */
function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: false }).map(String).sort()
}

describe('hostile archives are refused, and unpacking writes nothing outside the destination', () => {
  const cases: Array<[string, RawEntry[], ChartErrorCode]> = [
    [
      'a ../ entry',
      [...minimalChart(), { name: 'evil/../../escaped.txt', data: 'x' }],
      'PATH_TRAVERSAL',
    ],
    [
      'a leading ../ entry',
      [...minimalChart(), { name: '../escaped.txt', data: 'x' }],
      'PATH_TRAVERSAL',
    ],
    [
      'an absolute path',
      [...minimalChart(), { name: '/tmp/slipway-escaped.txt', data: 'x' }],
      'PATH_TRAVERSAL',
    ],
    [
      'a drive letter',
      [...minimalChart(), { name: 'C:/escaped.txt', data: 'x' }],
      'PATH_TRAVERSAL',
    ],
    [
      'a backslash traversal',
      [...minimalChart(), { name: 'evil\\..\\..\\escaped.txt', data: 'x' }],
      'PATH_TRAVERSAL',
    ],
    [
      'a symlink out',
      [...minimalChart(), { name: 'evil/templates/link', type: '2', linkname: '/etc/passwd' }],
      'LINK_NOT_ALLOWED',
    ],
    [
      'a symlink inside',
      [...minimalChart(), { name: 'evil/templates/link', type: '2', linkname: '../values.yaml' }],
      'LINK_NOT_ALLOWED',
    ],
    [
      'a hard link',
      [...minimalChart(), { name: 'evil/templates/hard', type: '1', linkname: 'evil/values.yaml' }],
      'LINK_NOT_ALLOWED',
    ],
    ['a device', [...minimalChart(), { name: 'evil/dev', type: '3' }], 'IRREGULAR_FILE'],
    ['a FIFO', [...minimalChart(), { name: 'evil/fifo', type: '6' }], 'IRREGULAR_FILE'],
    [
      'Chart.yaml outside a base directory',
      [{ name: 'Chart.yaml', data: 'name: x\nversion: 1.0.0\n' }],
      'PATH_TRAVERSAL',
    ],
    ['an empty archive', [], 'EMPTY_ARCHIVE'],
    [
      'a file over 5 MiB',
      [...minimalChart(), { name: 'evil/big.bin', data: new Uint8Array(5 * 1024 * 1024 + 1) }],
      'FILE_TOO_LARGE',
    ],
  ]

  it.each(cases)('%s', async (_what, entries, code) => {
    const archive = await rawTgz(entries)
    expect(await codeOf(loadChartArchive(archive, { source: 'hostile.tgz' }))).toBe(code)
    const dest = tempDir()
    const inner = join(dest, 'inner')
    mkdirSync(inner)
    expect(await codeOf(unpackArchive(archive, inner))).toBe(code)
    expect(listTree(dest)).toEqual(['inner'])
    expect(existsSync('/tmp/slipway-escaped.txt')).toBe(false)
  })

  it('refuses bytes that are not gzip, naming the source', async () => {
    const err = await loadChartArchive(new TextEncoder().encode('name: x\n'), {
      source: 'x.tgz',
    }).catch((e: unknown) => e)
    expect(isChartError(err, 'INVALID_ARCHIVE')).toBe(true)
    expect((err as Error).message).toContain("x.tgz' does not appear to be a gzipped archive")
  })

  it('refuses a truncated archive', async () => {
    const good = await rawTgz(minimalChart())
    expect(await codeOf(loadChartArchive(good.subarray(0, good.length - 30)))).toBe(
      'INVALID_ARCHIVE',
    )
  })

  it('stops a gzip bomb at the decompressed size limit (100 MiB by default)', async () => {
    // 25 files of 4.5 MiB of zeros: 112 MiB decompressed, about 110 KiB compressed
    const size = 4.5 * 1024 * 1024
    const zeros = Buffer.alloc(size)
    function* chunks(): Generator<Buffer> {
      yield rawTar(minimalChart()).subarray(0, -1024)
      for (let i = 0; i < 25; i++) {
        yield tarHeader({ name: `evil/files/zero-${i}.bin` }, size)
        yield zeros
      }
      yield Buffer.alloc(1024)
    }
    const bomb = await gzipChunks(chunks())
    expect(bomb.length).toBeLessThan(1024 * 1024)
    expect(await codeOf(loadChartArchive(bomb))).toBe('CHART_TOO_LARGE')
    const dest = tempDir()
    expect(await codeOf(unpackArchive(bomb, dest))).toBe('CHART_TOO_LARGE')
    expect(listTree(dest)).toEqual([])
  })

  it('treats an entry whose data overruns its declared size as a corrupt archive', async () => {
    const entries = [...minimalChart(), { name: 'evil/lie.txt', data: 'x'.repeat(2000), size: 10 }]
    expect(await codeOf(loadChartArchive(await rawTgz(entries)))).toBe('INVALID_ARCHIVE')
  })

  it('refuses more than 100k files', async () => {
    function* chunks(): Generator<Buffer> {
      yield rawTar(minimalChart()).subarray(0, -1024)
      const batch: Buffer[] = []
      for (let i = 0; i < 100_000; i++) {
        batch.push(tarHeader({ name: `evil/f/${i}` }, 0))
        if (batch.length === 5000) yield Buffer.concat(batch.splice(0))
      }
      yield Buffer.alloc(1024)
    }
    const archive = await gzipChunks(chunks())
    expect(await codeOf(loadChartArchive(archive))).toBe('TOO_MANY_FILES')
  })

  it('honours lower limits passed by the caller', async () => {
    const archive = await rawTgz([
      ...minimalChart(),
      { name: 'evil/a.txt', data: 'abc' },
      { name: 'evil/b.txt', data: 'def' },
    ])
    expect(await codeOf(loadChartArchive(archive, { limits: { maxFiles: 3 } }))).toBe(
      'TOO_MANY_FILES',
    )
    expect(await codeOf(loadChartArchive(archive, { limits: { maxChartSize: 30 } }))).toBe(
      'CHART_TOO_LARGE',
    )
    expect(await codeOf(loadChartArchive(archive, { limits: { maxFileSize: 2 } }))).toBe(
      'FILE_TOO_LARGE',
    )
    expect((await loadChartArchive(archive)).files.map((f) => f.name)).toEqual(['a.txt', 'b.txt'])
  })

  it('counts nested subchart archives against the same budget as their parent', async () => {
    const inner = await rawTgz([
      { name: 'inner/Chart.yaml', data: 'apiVersion: v2\nname: inner\nversion: 0.1.0\n' },
      { name: 'inner/big.txt', data: 'x'.repeat(900) },
    ])
    const outer = await rawTgz([
      ...minimalChart(),
      { name: 'evil/charts/inner-0.1.0.tgz', data: inner },
    ])
    // each archive's own files fit in 1000 bytes; the chart with its unpacked subchart does not
    expect(inner.length + 100).toBeLessThan(1000)
    expect(await codeOf(loadChartArchive(outer, { limits: { maxChartSize: 1000 } }))).toBe(
      'CHART_TOO_LARGE',
    )
    expect((await loadChartArchive(outer)).dependencies[0]!.metadata.name).toBe('inner')
  })

  it('refuses subcharts nested deeper than the limit', async () => {
    const entries: RawEntry[] = []
    let prefix = 'top'
    for (let depth = 0; depth < 6; depth++) {
      const name = depth === 0 ? 'top' : `c${depth}`
      entries.push({
        name: `${prefix}/Chart.yaml`,
        data: `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`,
      })
      prefix = `${prefix}/charts/c${depth + 1}`
    }
    const archive = await rawTgz(entries)
    expect(await codeOf(loadChartArchive(archive, { limits: { maxDepth: 4 } }))).toBe('TOO_DEEP')
    const chart = await loadChartArchive(archive, { limits: { maxDepth: 5 } })
    expect(chart.dependencies[0]!.dependencies[0]!.metadata.name).toBe('c2')
  })

  it('does not write through a symbolic link already in the destination', async () => {
    const dest = tempDir()
    const outside = tempDir()
    symlinkSync(outside, join(dest, 'evil'))
    const archive = await rawTgz(minimalChart())
    expect(await codeOf(unpackArchive(archive, dest))).toBe('LINK_NOT_ALLOWED')
    expect(listTree(outside)).toEqual([])
  })

  it('unpacks a well-formed archive into DEST/NAME', async () => {
    const dest = tempDir()
    const dir = await unpackArchive(
      await rawTgz([
        ...minimalChart(),
        { name: 'evil/templates/cm.yaml', data: 'kind: ConfigMap\n' },
      ]),
      dest,
    )
    expect(dir).toBe(join(dest, 'evil'))
    expect(listTree(dest)).toEqual([
      'evil',
      'evil/Chart.yaml',
      'evil/templates',
      'evil/templates/cm.yaml',
      'evil/values.yaml',
    ])
  })
})

describe('chart directories', () => {
  it('refuse a symbolic link that leaves the chart, and accept one that stays inside', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: linked\nversion: 0.1.0\n')
    mkdirSync(join(dir, 'templates'))
    writeFileSync(join(dir, 'templates', 'real.yaml'), 'kind: ConfigMap\n')
    symlinkSync(join(dir, 'templates', 'real.yaml'), join(dir, 'templates', 'alias.yaml'))
    const chart = await loadChartDir(dir)
    expect(chart.templates.map((t) => t.name)).toEqual([
      'templates/alias.yaml',
      'templates/real.yaml',
    ])
    const secret = join(tempDir(), 'secret.txt')
    writeFileSync(secret, 'top secret')
    symlinkSync(secret, join(dir, 'stolen.txt'))
    expect(await codeOf(loadChartDir(dir))).toBe('LINK_NOT_ALLOWED')
  })

  it('count their files and bytes against the limits', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: many\nversion: 0.1.0\n')
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `f${i}.txt`), 'x'.repeat(100))
    expect(await codeOf(loadChartDir(dir, { limits: { maxFiles: 4 } }))).toBe('TOO_MANY_FILES')
    expect(await codeOf(loadChartDir(dir, { limits: { maxChartSize: 300 } }))).toBe(
      'CHART_TOO_LARGE',
    )
    expect(await codeOf(loadChartDir(dir, { limits: { maxFileSize: 99 } }))).toBe('FILE_TOO_LARGE')
    expect((await loadChartDir(dir)).files).toHaveLength(5)
  })

  it('refuse a directory link loop', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: loop\nversion: 0.1.0\n')
    symlinkSync(dir, join(dir, 'again'))
    expect(await codeOf(loadChartDir(dir))).toBe('LINK_NOT_ALLOWED')
  })
})
