import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isChartError } from '@slipway/chart'
import {
  ArchiveCache,
  chartArchiveEntries,
  listChartVersions,
  loadChartDir,
  loadChartFromSource,
  RepoIndexCache,
  unpackArchive,
  writeChartArchive,
} from '@slipway/chart/node'
import { startHelmRepo, type HelmRepo } from '../support/helm-repo.ts'
import { helm, repoRoot, run } from '../support/tools.ts'
import { slipwayInProcess } from './cli-in-process.ts'

const demoDir = join(repoRoot, 'test', 'fixtures', 'charts', 'demo')

/** The demo chart packed with another version. */
async function demoArchive(version: string): Promise<Uint8Array> {
  const chart = await loadChartDir(demoDir)
  chart.metadata.version = version
  return writeChartArchive(chartArchiveEntries(chart))
}

const versions = ['0.9.0', '1.0.0', '1.2.0', '1.2.7', '1.10.0', '2.0.0-rc.1', '12.4.1']

let repo: HelmRepo
let secured: HelmRepo

beforeAll(async () => {
  repo = await startHelmRepo()
  for (const [i, v] of versions.entries()) {
    // every other version is listed with an absolute URL
    repo.addChart(await demoArchive(v), {
      name: 'demo',
      version: v,
      absolute: i % 2 === 1,
      appVersion: '1.14.2',
    })
  }
  secured = await startHelmRepo({
    auth: { username: 'alice', password: 's3cret' },
    basePath: '/private',
  })
  secured.addChart(await demoArchive('3.0.0'), { name: 'demo', version: '3.0.0' })
})
afterAll(async () => {
  await repo?.stop()
  await secured?.stop()
})

const fresh = () => ({ indexCache: new RepoIndexCache(), archiveCache: null })

describe('classic Helm repository', () => {
  it('lists versions newest first', async () => {
    expect(await listChartVersions({ repo: repo.url, name: 'demo' }, fresh())).toEqual([
      '12.4.1',
      '2.0.0-rc.1',
      '1.10.0',
      '1.2.7',
      '1.2.0',
      '1.0.0',
      '0.9.0',
    ])
    expect(await listChartVersions({ repository: repo.url, path: 'demo' }, fresh())).toHaveLength(
      versions.length,
    )
  })

  it.each([
    [undefined, false, '12.4.1'],
    [undefined, true, '12.4.1'],
    ['1.2.0', false, '1.2.0'],
    ['~1.2', false, '1.2.7'],
    ['^1.0.0', false, '1.10.0'],
    ['>=1 <2', false, '1.10.0'],
    ['12.x', false, '12.4.1'],
    ['2.0.0-rc.1', false, '2.0.0-rc.1'],
    ['>=2.0.0-0', false, '12.4.1'],
    ['>=2.0.0-0 <3.0.0-0', false, '2.0.0-rc.1'],
  ])(
    'version %s (devel %s) resolves to %s, with the archive downloaded from its URL',
    async (version, devel, expected) => {
      const loaded = await loadChartFromSource(
        { repo: repo.url, name: 'demo', ...(version ? { version } : {}) },
        { ...fresh(), devel },
      )
      expect(loaded.version).toBe(expected)
      expect(loaded.chart.metadata.version).toBe(expected)
      expect(loaded.ref).toBe(`${repo.url}/charts/demo-${expected}.tgz`)
      expect(loaded.digest).toMatch(/^sha256:[a-f0-9]{64}$/)
    },
  )

  it('agrees with helm pull --repo on which version a range picks', async () => {
    for (const range of ['~1.2', '^1.0.0', '>=1 <2', '12.x', '>=2.0.0-0 <3.0.0-0', '2.0.0-rc.1']) {
      const res = await helm(['show', 'chart', '--repo', repo.url, 'demo', '--version', range])
      expect(res.code, res.stderr).toBe(0)
      const theirs = /^version: (.*)$/m.exec(res.stdout)![1]
      const ours = await loadChartFromSource(
        { repo: repo.url, name: 'demo', version: range },
        fresh(),
      )
      expect(ours.version, range).toBe(theirs)
    }
  })

  it('a prerelease must satisfy every comparator of a group, as in Helm 3.17 (Masterminds 3.3)', async () => {
    const range = '>=2.0.0-0 <3'
    const theirs = await helm(['show', 'chart', '--repo', repo.url, 'demo', '--version', range])
    expect(theirs.code).toBe(1)
    expect(theirs.stderr).toContain('not found')
    const err = await loadChartFromSource(
      { repo: repo.url, name: 'demo', version: range },
      fresh(),
    ).catch((e: unknown) => e)
    expect(isChartError(err, 'VERSION_NOT_FOUND')).toBe(true)
  })

  it('says which version is missing, in Helm’s words', async () => {
    const err = await loadChartFromSource(
      { repo: repo.url, name: 'demo', version: '9.x' },
      fresh(),
    ).catch((e: unknown) => e)
    expect(isChartError(err, 'VERSION_NOT_FOUND')).toBe(true)
    expect((err as Error).message).toBe(
      `chart "demo" version "9.x" not found in ${repo.url} repository`,
    )
    const missing = await loadChartFromSource({ repo: repo.url, name: 'nope' }, fresh()).catch(
      (e: unknown) => e,
    )
    expect(isChartError(missing, 'CHART_NOT_FOUND')).toBe(true)
  })

  it('uses credentials, and fails clearly without them', async () => {
    const err = await loadChartFromSource({ repo: secured.url, name: 'demo' }, fresh()).catch(
      (e: unknown) => e,
    )
    expect(isChartError(err, 'REPOSITORY_ERROR')).toBe(true)
    expect((err as Error).message).toContain('401')
    const loaded = await loadChartFromSource(
      { repo: secured.url, name: 'demo' },
      { ...fresh(), username: 'alice', password: 's3cret' },
    )
    expect(loaded.version).toBe('3.0.0')
  })

  it('caches the index between loads', async () => {
    const cache = new RepoIndexCache()
    const before = repo.requests.filter((p) => p.endsWith('/index.yaml')).length
    await loadChartFromSource(
      { repo: repo.url, name: 'demo', version: '1.0.0' },
      { indexCache: cache },
    )
    await loadChartFromSource(
      { repo: repo.url, name: 'demo', version: '1.2.0' },
      { indexCache: cache },
    )
    expect(repo.requests.filter((p) => p.endsWith('/index.yaml')).length - before).toBe(1)
  })

  it('shares one index download between concurrent loads', async () => {
    const cache = new RepoIndexCache()
    const before = repo.requests.filter((p) => p.endsWith('/index.yaml')).length
    const loads = await Promise.all(
      ['1.0.0', '1.2.0', '^1'].map((version) =>
        loadChartFromSource({ repo: repo.url, name: 'demo', version }, { indexCache: cache }),
      ),
    )
    expect(loads.map((l) => l.version)).toEqual(['1.0.0', '1.2.0', '1.10.0'])
    expect(repo.requests.filter((p) => p.endsWith('/index.yaml')).length - before).toBe(1)
  })

  it('keeps downloaded archives by digest', async () => {
    const archiveCache = new ArchiveCache()
    const count = () => repo.requests.filter((p) => p.endsWith('/demo-1.2.7.tgz')).length
    const before = count()
    const a = await loadChartFromSource(
      { repo: repo.url, name: 'demo', version: '1.2.7' },
      { ...fresh(), archiveCache },
    )
    const b = await loadChartFromSource(
      { repo: repo.url, name: 'demo', version: '1.2.7' },
      { ...fresh(), archiveCache },
    )
    expect(count() - before).toBe(1)
    expect(b.digest).toBe(a.digest)
    expect(b.chart.metadata.version).toBe('1.2.7')
  })

  it('refuses an archive whose digest differs from the index', async () => {
    const bad = await startHelmRepo()
    try {
      bad.addChart(await demoArchive('1.0.0'), { name: 'demo', version: '1.0.0' })
      bad.addFile('charts/demo-1.0.0.tgz', await demoArchive('1.0.1'))
      const err = await loadChartFromSource({ repo: bad.url, name: 'demo' }, fresh()).catch(
        (e: unknown) => e,
      )
      expect(isChartError(err, 'INVALID_ARCHIVE')).toBe(true)
      expect((err as Error).message).toContain('does not match')
    } finally {
      await bad.stop()
    }
  })

  it('reports a malformed index', async () => {
    const bad = await startHelmRepo()
    try {
      bad.setRawIndex('entries: {}\n')
      const err = await listChartVersions({ repo: bad.url, name: 'demo' }, fresh()).catch(
        (e: unknown) => e,
      )
      expect(isChartError(err, 'INVALID_INDEX')).toBe(true)
      expect((err as Error).message).toContain('no API version specified')
    } finally {
      await bad.stop()
    }
  })

  it('slipway show values --repo prints what helm prints', async () => {
    const args = ['show', 'values', '--repo', repo.url, 'demo', '--version', '^1']
    const [ours, theirs] = await Promise.all([slipwayInProcess(args), helm(args)])
    expect(theirs.code, theirs.stderr).toBe(0)
    expect(ours.stderr).toBe('')
    expect(ours.stdout).toBe(theirs.stdout)
  })

  it('unpacks the same tree as helm pull --untar', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-untar-'))
    try {
      const pulled = await helm([
        'pull',
        '--repo',
        repo.url,
        'demo',
        '--version',
        '1.2.0',
        '--untar',
        '--untardir',
        join(dir, 'theirs'),
      ])
      expect(pulled.code, pulled.stderr).toBe(0)
      const loaded = await loadChartFromSource(
        { repo: repo.url, name: 'demo', version: '1.2.0' },
        fresh(),
      )
      const ours = await unpackArchive(loaded.archive!, join(dir, 'ours'))
      expect(ours).toBe(join(dir, 'ours', 'demo'))
      const tree = (root: string) =>
        readdirSync(root, { recursive: true })
          .map(String)
          .sort()
          .map((name) => [
            name,
            statSync(join(root, name)).isFile() ? readFileSync(join(root, name), 'utf8') : '<dir>',
          ])
      // helm also leaves an empty directory named after the archive beside the chart
      expect(tree(join(dir, 'ours', 'demo'))).toEqual(tree(join(dir, 'theirs', 'demo')))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('loads a chart from a plain archive URL', async () => {
    const loaded = await loadChartFromSource(`${repo.url}/charts/demo-1.0.0.tgz`)
    expect(loaded.version).toBe('1.0.0')
  })
})

describe('a Helm repository over HTTPS', () => {
  it('needs the CA (or an explicit skip), and takes client certificate files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-tls-'))
    const key = join(dir, 'key.pem')
    const cert = join(dir, 'cert.pem')
    const made = await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ])
    expect(made.code, made.stderr).toBe(0)
    const tlsRepo = await startHelmRepo({
      tls: { key: readFileSync(key), cert: readFileSync(cert) },
    })
    try {
      tlsRepo.addChart(await demoArchive('1.0.0'), { name: 'demo', version: '1.0.0' })
      const untrusted = await loadChartFromSource(
        { repo: tlsRepo.url, name: 'demo' },
        fresh(),
      ).catch((e: unknown) => e)
      expect(isChartError(untrusted, 'REPOSITORY_ERROR')).toBe(true)
      expect((untrusted as Error).message).toMatch(/certificate/i)
      expect(
        (
          await loadChartFromSource(
            { repo: tlsRepo.url, name: 'demo' },
            { ...fresh(), caFile: cert },
          )
        ).version,
      ).toBe('1.0.0')
      const skipped = await loadChartFromSource(
        { repo: tlsRepo.url, name: 'demo' },
        { ...fresh(), insecureSkipTlsVerify: true },
      )
      expect(skipped.version).toBe('1.0.0')
      const withClientCert = await loadChartFromSource(
        { repo: tlsRepo.url, name: 'demo' },
        { ...fresh(), caFile: cert, certFile: cert, keyFile: key },
      )
      expect(withClientCert.version).toBe('1.0.0')
    } finally {
      await tlsRepo.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
