import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkDependencies, isChartError, parseSchema, valuesSchema } from '@slipway/chart'
import { loadChart, loadChartDir } from '@slipway/chart/node'
import { repoRoot } from '../support/tools.ts'

const fixtures = join(repoRoot, 'test', 'fixtures', 'charts')
const names = (files: Array<{ name: string }>) => files.map((f) => f.name)

describe('fixture charts load', () => {
  it('demo: metadata, values, schema with order, templates, files', async () => {
    const chart = await loadChart(join(fixtures, 'demo'))
    expect(chart.metadata).toMatchObject({
      apiVersion: 'v2',
      name: 'demo',
      version: '1.0.0',
      appVersion: '1.14.2',
      type: 'application',
    })
    expect(chart.values).toEqual({
      name: 'demo',
      replicas: 1,
      image: 'nginx',
      version: '1.14.2',
      service: true,
    })
    const schema = parseSchema(chart.schema!)
    expect(schema.order).toEqual(['name', 'replicas', 'image', 'version', 'service'])
    expect(schema.properties!['replicas']).toMatchObject({ type: 'integer', minimum: 0 })
    expect(schema.properties!['version']!.enum).toHaveLength(3)
    expect(names(chart.templates)).toEqual([
      'templates/NOTES.txt',
      'templates/_helpers.tpl',
      'templates/deployment.yaml',
      'templates/service.yaml',
    ])
    expect(names(chart.files)).toEqual(['.helmignore', 'README.md'])
    expect(names(chart.raw)).toContain('Chart.yaml')
    expect(new TextDecoder().decode(chart.rawValues)).toContain('replicas: 1')
  })

  it('nested: the schema uses $ref, oneOf, anyOf, allOf, if/then/else, formats', async () => {
    const chart = await loadChart(join(fixtures, 'nested'))
    const text = new TextDecoder().decode(chart.schema)
    for (const keyword of [
      '$ref',
      'oneOf',
      'anyOf',
      'allOf',
      '"if"',
      '"then"',
      '"else"',
      'additionalProperties',
      '"format"',
      'readOnly',
      'deprecated',
    ]) {
      expect(text).toContain(keyword)
    }
    expect(chart.metadata.kubeVersion).toBe('>=1.25.0-0')
  })

  it('no-schema: values only', async () => {
    const chart = await loadChart(join(fixtures, 'no-schema'))
    expect(chart.schema).toBeUndefined()
    expect(chart.values['replicaCount']).toBe(3)
    expect(chart.values['sampleRate']).toBe(0.25)
  })

  it('umbrella: a directory subchart and an archived one, with condition, tags and alias', async () => {
    const chart = await loadChart(join(fixtures, 'umbrella'))
    expect(chart.dependencies.map((d) => d.metadata.name)).toEqual(['sub-dir', 'sub-tgz'])
    expect(chart.metadata.dependencies).toEqual([
      { name: 'sub-dir', version: '0.1.0', repository: '', condition: 'sub-dir.enabled' },
      {
        name: 'sub-tgz',
        version: '~0.1.0',
        repository: 'https://charts.example.com/umbrella',
        alias: 'extra',
        tags: ['extras'],
      },
    ])
    expect(chart.lock?.dependencies).toHaveLength(2)
    expect(chart.values['global']).toEqual({ environment: 'staging', owner: 'platform' })
    expect(names(chart.dependencies[1]!.templates)).toEqual(['templates/configmap.yaml'])
    expect(() => checkDependencies(chart)).not.toThrow()
  })

  it('umbrella: the committed sub-tgz archive matches its source', async () => {
    const fromArchive = (await loadChart(join(fixtures, 'umbrella'))).dependencies[1]!
    const fromSource = await loadChartDir(join(fixtures, 'src', 'sub-tgz'))
    const text = (files: Array<{ name: string; data: Uint8Array }>) =>
      Object.fromEntries(files.map((f) => [f.name, new TextDecoder().decode(f.data)]))
    expect(text(fromArchive.templates)).toEqual(text(fromSource.templates))
    expect(fromArchive.values).toEqual(fromSource.values)
    expect(fromArchive.metadata).toEqual(fromSource.metadata)
  })

  it('v1-requirements: dependencies from requirements.yaml, kept as files', async () => {
    const chart = await loadChart(join(fixtures, 'v1-requirements'))
    expect(chart.metadata.apiVersion).toBe('v1')
    expect(chart.metadata.dependencies).toEqual([
      {
        name: 'backend',
        version: '0.2.0',
        repository: 'https://charts.example.com/stable',
        condition: 'backend.enabled',
      },
    ])
    expect(chart.lock?.dependencies[0]).toEqual({
      name: 'backend',
      version: '0.2.0',
      repository: 'https://charts.example.com/stable',
    })
    expect(names(chart.files)).toEqual(['requirements.lock', 'requirements.yaml'])
    expect(chart.dependencies[0]!.metadata.apiVersion).toBe('v1')
  })

  it('plus-version: build metadata in the version', async () => {
    const chart = await loadChart(join(fixtures, 'plus-version'))
    expect(chart.metadata.version).toBe('1.2.3+build.5')
  })

  it('a dependency missing from charts/ fails with Helm’s message', async () => {
    const chart = await loadChart(join(fixtures, 'umbrella'))
    const broken = { ...chart, dependencies: chart.dependencies.slice(0, 1) }
    let caught: unknown
    try {
      checkDependencies(broken)
    } catch (err) {
      caught = err
    }
    expect(isChartError(caught, 'MISSING_DEPENDENCY')).toBe(true)
    expect((caught as Error).message).toBe(
      'found in Chart.yaml, but missing in charts/ directory: sub-tgz',
    )
  })
})

describe('valuesSchema', () => {
  it('uses values.schema.json when shipped, else infers one', async () => {
    const demo = valuesSchema(await loadChart(join(fixtures, 'demo')))
    expect(demo.inferred).toBe(false)
    expect(demo.schema.title).toBe('Demo')
    const noSchema = valuesSchema(await loadChart(join(fixtures, 'no-schema')))
    expect(noSchema.inferred).toBe(true)
    expect(noSchema.schema.order?.[0]).toBe('nameOverride')
  })
})
