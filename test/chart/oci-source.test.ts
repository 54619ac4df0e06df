import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isChartError } from '@slipway/chart'
import {
  chartArchiveEntries,
  listChartVersions,
  loadChartDir,
  loadChartFromSource,
  writeChartArchive,
} from '@slipway/chart/node'
import { startRegistry, type TestRegistry } from '../support/registry.ts'
import { helm, repoRoot } from '../support/tools.ts'
import { slipwayInProcess } from './cli-in-process.ts'

const fixtures = join(repoRoot, 'test', 'fixtures', 'charts')
const work = mkdtempSync(join(tmpdir(), 'slipway-oci-source-'))
let registry: TestRegistry

beforeAll(async () => {
  registry = await startRegistry()
  const demo = await loadChartDir(join(fixtures, 'demo'))
  for (const version of ['1.0.0', '1.1.0', '1.2.0-rc.1', '2.0.0']) {
    demo.metadata.version = version
    const path = join(work, `demo-${version}.tgz`)
    writeFileSync(path, await writeChartArchive(chartArchiveEntries(demo)))
    const pushed = await helm(['push', path, `oci://${registry.host}/charts`, '--plain-http'])
    if (pushed.code !== 0) throw new Error(pushed.stderr)
  }
  const plus = await helm(['package', join(fixtures, 'plus-version'), '-d', work])
  if (plus.code !== 0) throw new Error(plus.stderr)
  const pushed = await helm([
    'push',
    join(work, 'plus-version-1.2.3+build.5.tgz'),
    `oci://${registry.host}/charts`,
    '--plain-http',
  ])
  if (pushed.code !== 0) throw new Error(pushed.stderr)
}, 120_000)

afterAll(async () => {
  await registry?.stop()
  rmSync(work, { recursive: true, force: true })
})

describe('charts from an OCI registry', () => {
  it('lists versions newest first, tags read with _ as +', async () => {
    expect(await listChartVersions(`oci://${registry.host}/charts/demo`)).toEqual([
      '2.0.0',
      '1.2.0-rc.1',
      '1.1.0',
      '1.0.0',
    ])
    expect(
      await listChartVersions({
        repository: `oci://${registry.host}/charts`,
        path: 'plus-version',
      }),
    ).toEqual(['1.2.3+build.5'])
  })

  it.each([
    [undefined, false, '2.0.0'],
    [undefined, true, '2.0.0'],
    ['1.1.0', false, '1.1.0'],
    ['^1', false, '1.1.0'],
    ['~1.2.0-0', false, '1.2.0-rc.1'],
    ['1.x', false, '1.1.0'],
  ])('version %s (devel %s) → %s', async (version, devel, expected) => {
    const loaded = await loadChartFromSource(`oci://${registry.host}/charts/demo`, {
      ...(version ? { version } : {}),
      devel,
    })
    expect(loaded.version).toBe(expected)
    expect(loaded.chart.metadata.name).toBe('demo')
    expect(loaded.digest).toMatch(/^sha256:[a-f0-9]{64}$/)
    expect(loaded.ref).toBe(`oci://${registry.host}/charts/demo:${expected}`)
  })

  it('picks the version helm picks', async () => {
    for (const range of ['^1', '1.x', '>=1.0.0-0 <1.3.0-0', '2.0.0', '~1.0']) {
      const res = await helm([
        'show',
        'chart',
        `oci://${registry.host}/charts/demo`,
        '--version',
        range,
        '--plain-http',
      ])
      expect(res.code, res.stderr).toBe(0)
      const theirs = /^version: (.*)$/m.exec(res.stdout)![1]
      const ours = await loadChartFromSource(`oci://${registry.host}/charts/demo`, {
        version: range,
      })
      expect(ours.version, range).toBe(theirs)
    }
  })

  it('uses a partial version as a tag, as helm does', async () => {
    const theirs = await helm([
      'show',
      'chart',
      `oci://${registry.host}/charts/demo`,
      '--version',
      '1.1',
      '--plain-http',
    ])
    expect(theirs.code).toBe(1)
    const err = await loadChartFromSource(`oci://${registry.host}/charts/demo`, {
      version: '1.1',
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(Error)
    expect((err as Error).message).toContain('demo:1.1')
  })

  it('takes the tag from the reference and a version with build metadata', async () => {
    expect((await loadChartFromSource(`oci://${registry.host}/charts/demo:1.0.0`)).version).toBe(
      '1.0.0',
    )
    const plus = await loadChartFromSource({
      repository: `oci://${registry.host}/charts`,
      path: 'plus-version',
      version: '1.2.3+build.5',
    })
    expect(plus.version).toBe('1.2.3+build.5')
  })

  it('pulls by digest', async () => {
    const first = await loadChartFromSource(`oci://${registry.host}/charts/demo`, {
      version: '1.0.0',
    })
    const byDigest = await loadChartFromSource(
      `oci://${registry.host}/charts/demo@${first.manifestDigest}`,
    )
    expect(byDigest.version).toBe('1.0.0')
    expect(byDigest.digest).toBe(first.digest)
  })

  it('fails clearly when no tag satisfies the range', async () => {
    const err = await loadChartFromSource(`oci://${registry.host}/charts/demo`, {
      version: '^3',
    }).catch((e: unknown) => e)
    expect(isChartError(err, 'VERSION_NOT_FOUND')).toBe(true)
    expect((err as Error).message).toContain('^3')
  })

  it('slipway show values prints what helm prints', async () => {
    const args = [
      'show',
      'values',
      `oci://${registry.host}/charts/demo`,
      '--version',
      '^1',
      '--plain-http',
    ]
    const [ours, theirs] = await Promise.all([slipwayInProcess(args), helm(args)])
    expect(theirs.code, theirs.stderr).toBe(0)
    expect(ours.stderr).toBe('')
    expect(ours.stdout).toBe(theirs.stdout)
  })
})
