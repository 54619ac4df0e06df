import { describe, expect, it } from 'vitest'
import { toRenderChart } from '../chart-tree.ts'
import { makeChart } from '../testing/make-chart.ts'
import { processDependencyEnabled } from './enabled.ts'
import { processDependencyImportValues } from './import-values.ts'
import { isCompatibleRange } from './version-range.ts'

const noWarn = () => {}

function parent(deps: object[], values: Record<string, unknown> = {}) {
  const a = makeChart(
    { name: 'a', version: '1.2.3' },
    { values: { enabled: true, exports: { data: { x: 1 } }, own: { y: 2 } } },
  )
  const b = makeChart({ name: 'b', version: '2.0.0' }, { values: { z: 3 } })
  return toRenderChart(
    makeChart({ name: 'top', dependencies: deps as never }, { values, dependencies: [a, b] }),
  )
}

describe('processDependencyEnabled', () => {
  it('drops a subchart whose condition is false, first resolvable path wins', () => {
    const c = parent([
      { name: 'a', version: '1.x', condition: 'nope.enabled,a.enabled' },
      { name: 'b', version: '2.0.0' },
    ])
    processDependencyEnabled(c, { a: { enabled: false } }, '', noWarn)
    expect(c.dependencies.map((d) => d.metadata.name)).toEqual(['b'])
  })

  it('applies tags, and conditions over tags', () => {
    const c = parent([
      { name: 'a', version: '1.x', tags: ['t1'] },
      { name: 'b', version: '2.0.0', tags: ['t1'], condition: 'b.on' },
    ])
    processDependencyEnabled(c, { tags: { t1: false }, b: { on: true } }, '', noWarn)
    expect(c.dependencies.map((d) => d.metadata.name)).toEqual(['b'])
  })

  it('copies a subchart under each alias', () => {
    const c = parent([
      { name: 'a', version: '^1.0.0', alias: 'first' },
      { name: 'a', version: '^1.0.0', alias: 'second' },
      { name: 'b', version: '2.0.0' },
    ])
    processDependencyEnabled(c, {}, '', noWarn)
    expect(c.dependencies.map((d) => d.metadata.name)).toEqual(['first', 'second', 'b'])
    expect(c.dependencies[0]?.parent).toBe(c)
  })

  it('keeps a subchart whose version does not satisfy the range, unaliased', () => {
    const c = parent([{ name: 'a', version: '~2.0.0', alias: 'x' }, { name: 'b' }])
    processDependencyEnabled(c, {}, '', noWarn)
    expect(c.dependencies.map((d) => d.metadata.name)).toEqual(['a', 'b'])
  })
})

describe('processDependencyImportValues', () => {
  it('imports exports (string form) and child tables (map form) below the parent values', () => {
    const c = parent(
      [
        {
          name: 'a',
          version: '1.2.3',
          'import-values': ['data', { child: 'own', parent: 'imported.own' }],
        },
        { name: 'b', version: '2.0.0' },
      ],
      { x: 'parent wins' },
    )
    processDependencyEnabled(c, {}, '', noWarn)
    processDependencyImportValues(c, noWarn)
    expect(c.values.x).toBe('parent wins')
    expect(c.values.imported).toEqual({ own: { y: 2 } })
    expect((c.values.a as Record<string, unknown>).enabled).toBe(true)
  })
})

describe('isCompatibleRange', () => {
  it.each([
    ['^1.2', '1.3.0', true],
    ['~1.2.3', '1.3.0', false],
    ['2.x.x', '2.9.1', true],
    ['>=1.21-0', 'v1.32.0', true],
    ['>=1.21', 'v1.32.0-eks-1', false],
    ['>=1.0.0, <2.0.0', '1.5.0', true],
    ['', '1.0.0', true],
    ['1.0.0 || 2.0.0', '2.0.0', true],
    ['>=1.0.0', '1.2', true],
    ['not a range', '1.0.0', false],
  ])('%s vs %s', (range, version, ok) => {
    expect(isCompatibleRange(range, version)).toBe(ok)
  })
})
