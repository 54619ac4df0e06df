import { describe, expect, it } from 'vitest'
import { formatValue } from '../fmt.ts'
import { semverFuncs as f, type SemverVersion } from './semver.ts'

// Expected values were produced by helm v3.17.3 (Masterminds/semver v3.3.0).
const cases: [string, string, boolean][] = [
  ['>=1.21-0', 'v1.32.0', true],
  ['>=1.21', 'v1.32.0-eks-123', false],
  ['^1.2.0', '1.3.0-rc.1', false],
  ['>=1.21-0', 'v1.32.0-eks-123', true],
  ['<1.19', '1.19.0', false],
  ['>= 1.2, < 3.0.0', '2.5.1', true],
  ['>=1.2 <3', '3.0.0', false],
  ['1.2 - 1.4.5', '1.4.5', true],
  ['1.2 - 1.4.5', '1.4.6', false],
  ['~1.2.3', '1.3.0', false],
  ['^0.2.3', '0.3.0', false],
  ['^0.0.3', '0.0.4', false],
  ['1.x', '1.5.0', true],
  ['*', '2.0.0-alpha', false],
  ['!=1.2', '1.2.5', false],
  ['>1.2', '1.2.9', false],
  ['<=1.2', '1.2.9', true],
  ['1.2.3 || >=2.0', '2.1.0', true],
  ['>=1.0.0-beta.2', '1.0.0-beta.11', true],
  ['>= 1.19-0 < 1.25-0', '1.24.3-gke.100', true],
]

describe('semverCompare', () => {
  it.each(cases)('%s against %s', (c, v, want) => expect(f.semverCompare!(c, v)).toBe(want))

  it('rejects hostile constraints in linear time', () => {
    expect(() => f.semverCompare!('1 '.repeat(3000) + '!', '1.0.0')).toThrow(/improper constraint/)
  })

  it('fails on invalid versions and constraints', () => {
    expect(() => f.semverCompare!('>=1.0', 'abc')).toThrow('Invalid Semantic Version')
    expect(() => f.semverCompare!('foo', '1.0.0')).toThrow('improper constraint: foo')
  })
})

describe('semver', () => {
  it('parses loosely and prints as *semver.Version', () => {
    const v = f.semver!('v1.2.3-rc.1+b5') as SemverVersion
    expect(formatValue(v)).toBe('1.2.3-rc.1+b5')
    expect(v.Major()).toBe(1n)
    expect((f.semver!('1.2') as SemverVersion).Minor()).toBe(2n)
    expect(v.Original()).toBe('v1.2.3-rc.1+b5')
  })
})
