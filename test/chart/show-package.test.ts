import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { helm, repoRoot, slipway } from '../support/tools.ts'
import { slipwayInProcess } from './cli-in-process.ts'

const fixtures = join(repoRoot, 'test', 'fixtures', 'charts')
const charts = ['demo', 'nested', 'no-schema', 'umbrella', 'v1-requirements', 'plus-version']
const out = mkdtempSync(join(tmpdir(), 'slipway-package-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('slipway show matches helm show', () => {
  it.each(charts)('%s: values, readme, chart and all', async (name) => {
    const dir = join(fixtures, name)
    for (const kind of ['values', 'readme', 'chart', 'all']) {
      const [ours, theirs] = await Promise.all([
        slipwayInProcess(['show', kind, dir]),
        helm(['show', kind, dir]),
      ])
      expect(theirs.code, theirs.stderr).toBe(0)
      expect(ours.stderr).toBe('')
      expect(ours.code).toBe(0)
      expect(ours.stdout, `show ${kind} ${name}`).toBe(theirs.stdout)
    }
  })

  it('show chart has the same fields as helm for an archive', async () => {
    const tgz = join(fixtures, 'umbrella', 'charts', 'sub-tgz-0.1.0.tgz')
    const [ours, theirs] = await Promise.all([
      slipwayInProcess(['show', 'chart', tgz]),
      helm(['show', 'chart', tgz]),
    ])
    expect(parse(ours.stdout)).toEqual(parse(theirs.stdout))
  })

  it('show schema prints values.schema.json, or the inferred schema', async () => {
    const demo = await slipwayInProcess(['show', 'schema', join(fixtures, 'demo')])
    expect(demo.stdout).toBe(readFileSync(join(fixtures, 'demo', 'values.schema.json'), 'utf8'))
    const inferred = await slipwayInProcess(['show', 'schema', join(fixtures, 'no-schema')])
    expect(JSON.parse(inferred.stdout).properties.replicaCount).toMatchObject({
      type: 'integer',
      default: 3,
    })
    expect(inferred.stderr).toContain('no values.schema.json')
  })

  it('show of a missing chart fails with a clear error', async () => {
    const res = await slipway(['show', 'values', join(out, 'nothing-here')])
    expect(res.code).toBe(1)
    expect(res.stderr).toContain('not found')
  })
})

describe('slipway package makes archives helm accepts', () => {
  it.each(charts)('%s', async (name) => {
    const res = await slipwayInProcess([
      'package',
      join(fixtures, name),
      '--destination',
      join(out, 'ours'),
    ])
    expect(res.stderr).toBe('')
    const path = res.stdout.replace('Successfully packaged chart and saved it to: ', '').trim()
    const version = parse(readFileSync(join(fixtures, name, 'Chart.yaml'), 'utf8'))
      .version as string
    expect(path).toBe(join(out, 'ours', `${name}-${version}.tgz`))
    const theirs = await helm([
      'package',
      join(fixtures, name),
      '--destination',
      join(out, 'theirs'),
    ])
    expect(theirs.code, theirs.stderr).toBe(0)
    const theirPath = join(out, 'theirs', `${name}-${version}.tgz`)
    for (const kind of ['chart', 'values', 'readme']) {
      const [a, b] = await Promise.all([
        helm(['show', kind, path]),
        helm(['show', kind, theirPath]),
      ])
      expect(a.code, a.stderr).toBe(0)
      expect(a.stdout).toBe(b.stdout)
    }
    const kube = ['--kube-version', '1.30.0']
    const [ta, tb] = await Promise.all([
      helm(['template', 'r', path, ...kube]),
      helm(['template', 'r', theirPath, ...kube]),
    ])
    expect(ta.code, ta.stderr).toBe(0)
    expect(ta.stdout).toBe(tb.stdout)
    const [la, lb] = await Promise.all([
      helm(['lint', path]).then((r) => r.code),
      helm(['lint', theirPath]).then((r) => r.code),
    ])
    expect(la).toBe(lb)
  })

  it('--version and --app-version replace the chart’s', async () => {
    const res = await slipwayInProcess([
      'package',
      join(fixtures, 'demo'),
      '-d',
      join(out, 'v'),
      '--version',
      '2.0.0-rc.1',
      '--app-version',
      '9.9',
    ])
    expect(res.code, res.stderr).toBe(0)
    const shown = await helm(['show', 'chart', join(out, 'v', 'demo-2.0.0-rc.1.tgz')])
    expect(parse(shown.stdout)).toMatchObject({ version: '2.0.0-rc.1', appVersion: '9.9' })
  })

  it('refuses an invalid --version as helm does', async () => {
    const res = await slipway([
      'package',
      join(fixtures, 'demo'),
      '-d',
      join(out, 'bad'),
      '--version',
      '1.2.3.4',
    ])
    expect(res.code).toBe(1)
    expect(res.stderr).toContain('chart.metadata.version "1.2.3.4" is invalid')
  })
})
