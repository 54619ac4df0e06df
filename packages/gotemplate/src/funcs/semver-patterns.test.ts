import { describe, expect, it } from 'vitest'
import { compileRe2, findAll } from './re2.ts'
import {
  constraintRegex,
  findRegex,
  isValidConstraint,
  rangeRegex,
  semverPatterns,
  versionRegex,
} from './semver-patterns.ts'

// strings made of what constraints are made of, so that most are near misses
const PIECES = [
  ...['1', '0', '21', '.', '.x', '*', 'X', '|', 'v', '-', '-0', '-rc.1', '+build', 'a'],
  ...['=', '!=', '>', '<', '>=', '<=', '=>', '~', '~>', '^', '==', '<>'],
  ...[' ', ' ', '  ', '\t', '\n', '\v', ',', ', ', ' - ', '||'],
]

function randomStrings(count: number): string[] {
  let seed = 7
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed / 4294967296
  }
  const out: string[] = ['', '>=1.21-0', 'v1.31.0', '1.2 - 3.4', '>= 1.0, < 2', '^1.x || ~2']
  for (let n = 0; n < count; n++) {
    let s = ''
    for (let k = Math.floor(rand() * 9); k >= 0; k--)
      s += PIECES[Math.floor(rand() * PIECES.length)]
    out.push(s)
  }
  return out
}

const inputs = randomStrings(30_000)
const plain = (m: RegExpExecArray | null) =>
  m === null ? null : { index: m.index, groups: [...m].map((g) => g ?? null) }

describe('semver patterns outside RE2', () => {
  it('match as RE2 does, groups included', () => {
    const cases = [
      [versionRegex, semverPatterns.version],
      [constraintRegex, semverPatterns.constraint],
    ] as const
    for (const s of inputs) {
      for (const [ours, pattern] of cases) {
        expect(plain(ours.exec(s, 0)), s).toEqual(plain(compileRe2(pattern).exec(s, 0)))
      }
      for (const [ours, pattern] of [
        [rangeRegex, semverPatterns.range],
        [findRegex, semverPatterns.find],
      ] as const) {
        expect(findAll(ours, s, -1).map(plain), s).toEqual(
          findAll(compileRe2(pattern), s, -1).map(plain),
        )
      }
    }
  })

  it('decide validity as the RE2 pattern does', () => {
    const valid = compileRe2(semverPatterns.valid)
    let accepted = 0
    for (const s of inputs) {
      const expected = valid.exec(s, 0) !== null
      if (expected) accepted++
      expect(isValidConstraint(s), JSON.stringify(s)).toBe(expected)
    }
    // both answers are exercised
    expect(accepted).toBeGreaterThan(1_000)
    expect(inputs.length - accepted).toBeGreaterThan(1_000)
  })

  it('leave long inputs to RE2, in linear time', () => {
    const long = `${' '.repeat(5_000)}1 ${' '.repeat(5_000)}!`
    expect(isValidConstraint(long)).toBe(false)
    expect(findAll(findRegex, long, -1).map((m) => m[0].trim())).toEqual(['1'])
  })
})
