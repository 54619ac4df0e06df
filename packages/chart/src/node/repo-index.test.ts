import { describe, expect, it } from 'vitest'
import { isChartError } from '../errors.ts'
import { findChartVersion, indexUrl, parseRepoIndex, resolveChartUrl } from './repo-index.ts'

const index = parseRepoIndex(
  `apiVersion: v1
entries:
  web:
    - name: web
      version: 1.0.0
      urls: [web-1.0.0.tgz]
    - name: web
      version: 1.10.0
      appVersion: 2.0
      urls: [https://cdn.example.com/web-1.10.0.tgz]
    - name: web
      version: not-a-version
      urls: [bad.tgz]
    - name: web
      version: 2.0.0-beta.1
      urls: [web-2.0.0-beta.1.tgz]
    - version: 3.0.0
      urls: [nameless.tgz]
  empty: []
generated: "2024-01-01T00:00:00Z"
`,
  'index.yaml',
)

describe('parseRepoIndex', () => {
  it('sorts versions newest first and skips entries Helm would skip', () => {
    expect(index.entries['web']!.map((v) => v.version)).toEqual(['2.0.0-beta.1', '1.10.0', '1.0.0'])
    expect(index.entries['web']![0]!.apiVersion).toBe('v1')
    expect(index.entries['web']![1]!.appVersion).toBe('2')
  })

  it.each([
    ['', 'empty index.yaml file'],
    ['entries: {}\n', 'no API version specified'],
    ['- a\n', 'index.yaml must be a map'],
    ['apiVersion: v1\nentries: [\n', 'index.yaml'],
  ])('refuses %j', (text, message) => {
    let caught: unknown
    try {
      parseRepoIndex(text, 'index.yaml')
    } catch (err) {
      caught = err
    }
    expect(isChartError(caught, 'INVALID_INDEX')).toBe(true)
    expect((caught as Error).message).toContain(message)
  })
})

describe('findChartVersion', () => {
  it.each([
    [undefined, false, '1.10.0'],
    [undefined, true, '2.0.0-beta.1'],
    ['1.0.0', false, '1.0.0'],
    ['^1', false, '1.10.0'],
    ['2.0.0-beta.1', false, '2.0.0-beta.1'],
  ])('%s (devel %s) → %s', (version, devel, expected) => {
    expect(findChartVersion(index, 'web', version, { devel }).version).toBe(expected)
  })

  it('names the chart, version and repository when nothing matches', () => {
    expect(() =>
      findChartVersion(index, 'web', '9.x', { repoUrl: 'https://charts.example.com' }),
    ).toThrow('chart "web" version "9.x" not found in https://charts.example.com repository')
    expect(() => findChartVersion(index, 'nope', undefined)).toThrow('chart "nope" not found')
    expect(() => findChartVersion(index, 'empty', undefined)).toThrow('chart "empty" not found')
  })
})

describe('chart URLs', () => {
  it.each([
    ['https://charts.example.com', 'web-1.0.0.tgz', 'https://charts.example.com/web-1.0.0.tgz'],
    ['https://charts.example.com/', 'web-1.0.0.tgz', 'https://charts.example.com/web-1.0.0.tgz'],
    [
      'https://example.com/stable',
      'charts/web-1.0.0.tgz',
      'https://example.com/stable/charts/web-1.0.0.tgz',
    ],
    ['https://example.com/stable', '/other/web.tgz', 'https://example.com/other/web.tgz'],
    [
      'https://example.com/stable?token=abc',
      'web.tgz',
      'https://example.com/stable/web.tgz?token=abc',
    ],
    [
      'https://example.com/stable',
      'https://cdn.example.com/web.tgz',
      'https://cdn.example.com/web.tgz',
    ],
    [
      'https://example.com/stable',
      'oci://registry.example.com/web',
      'oci://registry.example.com/web',
    ],
  ])('%s + %s → %s', (repo, chart, expected) => {
    expect(resolveChartUrl(repo, chart)).toBe(expected)
  })

  it('finds index.yaml under the repository URL', () => {
    expect(indexUrl('https://example.com/stable/')).toBe('https://example.com/stable/index.yaml')
    expect(indexUrl('https://example.com')).toBe('https://example.com/index.yaml')
  })
})
