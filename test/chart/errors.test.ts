import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { isChartError, type ChartErrorCode } from '@slipway/chart'
import { loadChartDir } from '@slipway/chart/node'
import { helm } from '../support/tools.ts'

const work = mkdtempSync(join(tmpdir(), 'slipway-chart-errors-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

let counter = 0
function chartDir(files: Record<string, string>): string {
  const root = join(work, `c${counter++}`, 'parent')
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true })
    writeFileSync(join(root, name), text)
  }
  return root
}

const parentYaml = 'apiVersion: v2\nname: parent\nversion: 1.0.0\n'

interface Case {
  what: string
  files: Record<string, string>
  code: ChartErrorCode
  file: string
  line?: number
}

const cases: Case[] = [
  {
    what: 'no Chart.yaml',
    files: { 'values.yaml': 'a: 1\n' },
    code: 'CHART_YAML_MISSING',
    file: 'Chart.yaml',
  },
  {
    what: 'a bad version',
    files: { 'Chart.yaml': 'apiVersion: v2\nname: parent\nversion: one\n' },
    code: 'INVALID_METADATA',
    file: 'Chart.yaml',
    line: 3,
  },
  {
    what: 'a values.yaml syntax error',
    files: { 'Chart.yaml': parentYaml, 'values.yaml': 'a: 1\nb: [\n' },
    code: 'PARSE_ERROR',
    file: 'values.yaml',
  },
  {
    what: 'values.yaml that is a list',
    files: { 'Chart.yaml': parentYaml, 'values.yaml': '- a\n- b\n' },
    code: 'INVALID_VALUES',
    file: 'values.yaml',
  },
  {
    what: 'a subchart with a bad version',
    files: {
      'Chart.yaml': parentYaml,
      'charts/bad/Chart.yaml': 'apiVersion: v2\nname: bad\nversion: x.y\n',
    },
    code: 'INVALID_METADATA',
    file: 'charts/bad/Chart.yaml',
    line: 3,
  },
  {
    what: 'a subchart without Chart.yaml',
    files: { 'Chart.yaml': parentYaml, 'charts/empty/values.yaml': 'a: 1\n' },
    code: 'CHART_YAML_MISSING',
    file: 'charts/empty/Chart.yaml',
  },
  {
    what: 'a .helmignore with **',
    files: { 'Chart.yaml': parentYaml, '.helmignore': '*.tmp\n**/x\n' },
    code: 'INVALID_HELMIGNORE',
    file: '.helmignore',
    line: 2,
  },
]

describe('load errors name the code, file and line, and fail where helm fails', () => {
  it.each(cases)('$what', async ({ files, code, file, line }) => {
    const dir = chartDir(files)
    const err = await loadChartDir(dir).catch((e: unknown) => e)
    expect(isChartError(err), String(err)).toBe(true)
    expect(isChartError(err) && err.code).toBe(code)
    expect(isChartError(err) && err.file).toBe(file)
    if (line !== undefined) expect(isChartError(err) && err.line).toBe(line)
    const theirs = await helm(['show', 'chart', dir])
    expect(theirs.code).toBe(1)
  })

  it('keeps Helm’s wording for subchart errors', async () => {
    const dir = chartDir({
      'Chart.yaml': parentYaml,
      'charts/bad/Chart.yaml': 'apiVersion: v2\nname: bad\nversion: x.y\n',
    })
    const err = (await loadChartDir(dir).catch((e: unknown) => e)) as Error
    const theirs = await helm(['show', 'chart', dir])
    expect(`Error: ${err.message}\n`).toBe(theirs.stderr)
  })

  it('keeps Helm’s wording for values.yaml errors', async () => {
    const dir = chartDir({ 'Chart.yaml': parentYaml, 'values.yaml': 'a: 1\n  b: 2\n' })
    const err = (await loadChartDir(dir).catch((e: unknown) => e)) as Error
    const theirs = await helm(['show', 'chart', dir])
    expect(`Error: ${err.message}\n`).toBe(theirs.stderr)
  })
})
