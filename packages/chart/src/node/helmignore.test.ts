import { describe, expect, it } from 'vitest'
import { isChartError } from '../errors.ts'
import { goGlobMatch, BadPatternError } from './go-glob.ts'
import { HelmIgnore } from './helmignore.ts'

describe('goGlobMatch (Go filepath.Match)', () => {
  it.each([
    ['*.txt', 'a.txt', true],
    ['*.txt', 'dir/a.txt', false],
    ['a?c', 'abc', true],
    ['a?c', 'a/c', false],
    ['[a-c]x', 'bx', true],
    ['[^a-c]x', 'dx', true],
    ['[^a-c]x', 'ax', false],
    ['\\*x', '*x', true],
    ['\\*x', 'ax', false],
    ['templates/.?*', 'templates/.hidden', true],
    ['templates/.?*', 'templates/.', false],
    ['templates/.?*', 'templates/sub/.hidden', false],
  ])('%s ~ %s = %s', (pattern, name, expected) => {
    expect(goGlobMatch(pattern, name)).toBe(expected)
  })

  it.each(['[', '[]', 'a[b', '\\', '[z-a]', '[a-]x'])('refuses the bad pattern %s', (pattern) => {
    expect(() => goGlobMatch(pattern, 'abc')).toThrow(BadPatternError)
  })
})

describe('HelmIgnore', () => {
  const rules = HelmIgnore.parse(`# comment
*.swp
/top.txt
docs/
sub/*.md

  spaced.txt  
`)
  it.each([
    ['a.swp', false, true],
    ['deep/dir/b.swp', false, true],
    ['top.txt', false, true],
    ['dir/top.txt', false, false],
    ['docs', true, true],
    ['docs', false, false],
    ['sub/readme.md', false, true],
    ['sub/deeper/readme.md', false, false],
    ['spaced.txt', false, true],
    ['templates/.keep', false, true],
    ['templates/deployment.yaml', false, false],
    ['.', true, false],
  ])('%s (dir %s) ignored = %s', (path, isDir, expected) => {
    expect(rules.ignores(path, isDir)).toBe(expected)
  })

  it('ends evaluation at a negated rule, ignoring what it does not match (Helm’s order)', () => {
    const neg = HelmIgnore.parse('!keep.txt\n')
    expect(neg.ignores('keep.txt', false)).toBe(false)
    expect(neg.ignores('other.txt', false)).toBe(true)
  })

  it('refuses ** and bad globs with the line', () => {
    for (const [text, line] of [
      ['a\n**/b\n', 2],
      ['ok\n\n[\n', 3],
    ] as const) {
      let caught: unknown
      try {
        HelmIgnore.parse(text)
      } catch (err) {
        caught = err
      }
      expect(isChartError(caught, 'INVALID_HELMIGNORE')).toBe(true)
      expect((caught as { line: number }).line).toBe(line)
    }
  })
})

describe('globs with characters special to regular expressions', () => {
  it.each([
    ['kube-prometheus-*.tgz', 'kube-prometheus-1.0.tgz', true],
    ['a+b(c).{d}|e$', 'a+b(c).{d}|e$', true],
    ['[\\-]x', '-x', true],
    ['[\\]]x', ']x', true],
    ['[^^]x', '^x', false],
  ])('%s ~ %s = %s', (pattern, name, expected) => {
    expect(goGlobMatch(pattern, name)).toBe(expected)
  })
})
