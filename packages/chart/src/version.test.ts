import { describe, expect, it } from 'vitest'
import { isChartError } from './errors.ts'
import {
  compareVersions,
  isValidVersion,
  normalizeVersion,
  resolveVersion,
  satisfiesRange,
  sortVersions,
} from './version.ts'

describe('normalizeVersion', () => {
  it.each([
    ['1.2.3', '1.2.3'],
    ['1.2', '1.2.0'],
    ['1', '1.0.0'],
    ['v1.2.3', '1.2.3'],
    ['01.2.3', '1.2.3'],
    ['1.2.3+build.5', '1.2.3+build.5'],
    ['1.2.3-rc.1+meta', '1.2.3-rc.1+meta'],
    ['1.2.3-01', undefined],
    ['1.2.3-beta.01', undefined],
    ['1.2.3.4', undefined],
    ['latest', undefined],
    ['', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normalizeVersion(input)).toBe(expected)
    expect(isValidVersion(input)).toBe(expected !== undefined)
  })
})

describe('sortVersions', () => {
  it('sorts newest first and drops non-versions', () => {
    expect(
      sortVersions(['1.0.0', '1.10.0', 'latest', '1.2.0', '2.0.0-rc.1', '2.0.0', 'v1.9']),
    ).toEqual(['2.0.0', '2.0.0-rc.1', '1.10.0', 'v1.9', '1.2.0', '1.0.0'])
  })
  it('reads OCI tags with _ for +', () => {
    expect(sortVersions(['1.2.3_build.5', '1.2.4', 'main'], { tags: true })).toEqual([
      '1.2.4',
      '1.2.3_build.5',
    ])
  })
  it('compares by precedence, ignoring build metadata', () => {
    expect(compareVersions('1.0.0+a', '1.0.0+b')).toBe(0)
    expect(compareVersions('1.0.0-alpha', '1.0.0')).toBe(-1)
    expect(compareVersions('garbage', '0.0.1')).toBe(-1)
  })
})

describe('satisfiesRange (Masterminds semantics)', () => {
  it.each([
    ['12.x', '12.4.1', true],
    ['12.x', '13.0.0', false],
    ['12.x', '12.5.0-rc.1', false],
    ['^1.2.0', '1.9.9', true],
    ['^1.2.0', '2.0.0', false],
    ['^1.2.0', '1.1.0', false],
    ['^0.2.3', '0.2.9', true],
    ['^0.2.3', '0.3.0', false],
    ['>=1 <2', '1.5.0', true],
    ['>=1 <2', '2.0.0', false],
    ['>=1, <2', '1.0.0', true],
    ['~1.2', '1.2.7', true],
    ['~1.2', '1.3.0', false],
    ['~1.2.3', '1.2.2', false],
    ['~>1.2', '1.2.1', true],
    ['*', '3.0.0', true],
    ['*', '3.0.0-beta.1', false],
    ['>=1.0.0-0', '2.0.0-beta.1', true],
    ['>=1.0.0-0 <3', '2.0.0-beta.1', false],
    ['>0.0.0-0', '0.1.0-alpha', true],
    ['1.2', '1.2.0', true],
    ['1.2', '1.2.5', false],
    ['>1.2', '1.2.5', true],
    ['=1.2.3', '1.2.3', true],
    ['!=1.2.3', '1.2.3', false],
    ['!=1.2.3', '1.2.4', true],
    ['1.2 - 1.4', '1.4.0', true],
    ['1.2 - 1.4', '1.4.1', false],
    ['1.2 - 1.4.x', '1.4.9', true],
    ['1.0.0 || ^3', '3.1.0', true],
    ['1.0.0 || ^3', '2.0.0', false],
    ['>= 1.2', '1.3.0', true],
    ['^1.0.0', '1.0.0+build.5', true],
  ])('%s ∋ %s = %s', (range, version, expected) => {
    expect(satisfiesRange(version, range)).toBe(expected)
  })

  it.each(['>=', 'abc', '1.2.3.4', '^x.y.z!'])('rejects %s', (range) => {
    let caught: unknown
    try {
      satisfiesRange('1.0.0', range)
    } catch (err) {
      caught = err
    }
    expect(isChartError(caught, 'INVALID_VERSION')).toBe(true)
  })
})

describe('resolveVersion', () => {
  const available = ['0.9.0', '1.0.0', '1.4.2', '1.5.0-rc.1', '2.0.0-beta.1', '1.2.3+build.5']
  it.each([
    [undefined, false, '1.4.2'],
    [undefined, true, '2.0.0-beta.1'],
    ['^1', false, '1.4.2'],
    ['~1.2', false, '1.2.3+build.5'],
    ['1.2.3+build.5', false, '1.2.3+build.5'],
    ['1.5.0-rc.1', false, '1.5.0-rc.1'],
    ['>=1.5.0-0', false, '2.0.0-beta.1'],
    ['3.x', false, undefined],
  ])('%s (devel %s) → %s', (wanted, devel, expected) => {
    expect(resolveVersion(available, wanted, { devel })).toBe(expected)
  })
  it('resolves OCI tags and returns the tag', () => {
    expect(resolveVersion(['1.2.3_build.5', '1.0.0'], '1.2.3+build.5', { tags: true })).toBe(
      '1.2.3_build.5',
    )
    expect(resolveVersion(['1.2.3_build.5', '1.0.0'], '^1.1', { tags: true })).toBe('1.2.3_build.5')
  })
})
