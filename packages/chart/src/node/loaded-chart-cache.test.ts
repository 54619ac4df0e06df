import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadChartArchive, loadChartDir } from './load.ts'
import { LoadedChartCache } from './loaded-chart-cache.ts'
import { packChart } from './package.ts'

const demo = new URL('../../../../test/fixtures/charts/demo', import.meta.url).pathname

describe('LoadedChartCache', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'loaded-charts-'))
    cpSync(demo, join(dir, 'demo'), { recursive: true })
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('gives back the chart loaded before while the files are the same, a new one once they change', async () => {
    const loadedCharts = new LoadedChartCache()
    const chartDir = join(dir, 'demo')
    const first = await loadChartDir(chartDir, { loadedCharts })
    expect(await loadChartDir(chartDir, { loadedCharts })).toBe(first)
    // without the cache, every load is a new chart
    expect(await loadChartDir(chartDir)).not.toBe(first)

    const chartYaml = join(chartDir, 'Chart.yaml')
    const text = readFileSync(chartYaml, 'utf8')
    // same length, one byte different: the bytes are compared, not sizes or times
    writeFileSync(
      chartYaml,
      text.replace(/^version: (\d)/m, (_, d) => `version: ${(+d + 1) % 10}`),
    )
    const edited = await loadChartDir(chartDir, { loadedCharts })
    expect(edited).not.toBe(first)
    expect(edited.metadata.version).not.toBe(first.metadata.version)

    writeFileSync(join(chartDir, 'templates', 'extra.yaml'), 'kind: ConfigMap\n')
    const added = await loadChartDir(chartDir, { loadedCharts })
    expect(added).not.toBe(edited)
    expect(added.templates.map((t) => t.name)).toContain('templates/extra.yaml')

    // other limits are another load: the same files may not pass them
    await expect(loadChartDir(chartDir, { loadedCharts, limits: { maxFiles: 2 } })).rejects.toThrow(
      /maximum of 2 files/,
    )
  })

  it('knows an archive by its bytes and its source', async () => {
    const loadedCharts = new LoadedChartCache()
    const archive = await packChart(await loadChartDir(join(dir, 'demo')))
    const first = await loadChartArchive(archive, { loadedCharts, source: 'demo.tgz' })
    expect(await loadChartArchive(archive.slice(), { loadedCharts, source: 'demo.tgz' })).toBe(
      first,
    )
    expect(await loadChartArchive(archive, { loadedCharts, source: 'other.tgz' })).not.toBe(first)
    const changed = archive.slice()
    changed[changed.length - 1] ^= 1
    await expect(loadChartArchive(changed, { loadedCharts, source: 'demo.tgz' })).rejects.toThrow()
  })

  it('forgets the least recently used places beyond its size', async () => {
    const loadedCharts = new LoadedChartCache(2)
    const dirs = ['a', 'b', 'c'].map((name) => {
      cpSync(demo, join(dir, name), { recursive: true })
      return join(dir, name)
    })
    const [a, b, c] = dirs as [string, string, string]
    const first = await loadChartDir(a, { loadedCharts })
    await loadChartDir(b, { loadedCharts })
    expect(await loadChartDir(a, { loadedCharts })).toBe(first)
    await loadChartDir(c, { loadedCharts })
    const bAgain = await loadChartDir(b, { loadedCharts })
    expect(await loadChartDir(b, { loadedCharts })).toBe(bAgain)
    // a was used after b, then c and b again pushed it out
    expect(await loadChartDir(a, { loadedCharts })).not.toBe(first)
    expect(loadedCharts.size).toBe(2)
  })

  it('forgets charts beyond its bytes, and keeps none larger than them', async () => {
    const one = await loadChartDir(demo)
    const size = one.raw.reduce((n, f) => n + f.data.length, 0)
    const loadedCharts = new LoadedChartCache(8, size * 2)
    const dirs = ['a', 'b', 'c'].map((name) => {
      cpSync(demo, join(dir, name), { recursive: true })
      return join(dir, name)
    })
    const [a, b, c] = dirs as [string, string, string]
    const first = await loadChartDir(a, { loadedCharts })
    const second = await loadChartDir(b, { loadedCharts })
    await loadChartDir(c, { loadedCharts })
    expect(await loadChartDir(b, { loadedCharts })).toBe(second)
    expect(await loadChartDir(a, { loadedCharts })).not.toBe(first)

    const small = new LoadedChartCache(8, size - 1)
    expect(await loadChartDir(a, { loadedCharts: small })).not.toBe(
      await loadChartDir(a, { loadedCharts: small }),
    )
  })
})
