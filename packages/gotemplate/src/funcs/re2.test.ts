import { describe, expect, it } from 'vitest'
import { regexFuncs as f } from './regex.ts'

// Expected values were produced by helm v3.17.3 (Go regexp).
const cases: [string, unknown[], unknown][] = [
  ['regexMatch', ['^[a-z]+\\d$', 'abc1'], true],
  ['regexMatch', ['(', 'x'], false],
  ['regexFind', ['[0-9]+', 'ab123cd45'], '123'],
  ['regexFindAll', ['a*', 'baaac', -1n], ['', 'aaa', '']],
  ['regexFindAll', ['[0-9]', 'a1b2c3', 2n], ['1', '2']],
  ['regexReplaceAll', ['(a+)b', 'xaab', '${1}Z'], 'xaaZ'],
  ['regexReplaceAll', ['(a+)b', 'xaab', '$1W'], 'x'],
  ['regexReplaceAll', ['a*', 'baaac', '-'], '-b-c-'],
  ['regexReplaceAll', ['(?P<x>\\w+)@', 'me@x', '<$x>'], '<me>x'],
  ['regexReplaceAll', ['(?i)HELLO', 'say hello', 'bye'], 'say bye'],
  ['regexReplaceAll', ['\\s+', 'a \u00a0 b\tc', '_'], 'a_\u00a0_b_c'],
  ['regexReplaceAll', ['[[:upper:]]', 'aBcD', 'x'], 'axcx'],
  ['regexReplaceAll', ['a.c', 'a\nc abc', 'X'], 'a\nc X'],
  ['regexReplaceAll', ['^-+|-+$', '--a-b--', ''], 'a-b'],
  ['regexReplaceAll', ['[^a-z0-9-]', 'My_App.v1', '-'], '-y--pp-v1'],
  ['regexReplaceAllLiteral', ['a', 'aa', '$1'], '$1$1'],
  ['regexReplaceAll', ['[[:^alpha:]]', 'a1b-c é', '_'], 'a_b_c__'],
  ['regexFindAll', ['(?i:A)b', 'Ab ab AB aB', -1n], ['Ab', 'ab']],
  ['regexFindAll', ['(?U)a+', 'aaa', -1n], ['a', 'a', 'a']],
  ['regexFindAll', ['(?U)a+?', 'aaa', -1n], ['aaa']],
  ['regexFindAll', ['x(?i)[a-c]+', 'xaBC XAbc', -1n], ['xaBC']],
  ['regexFindAll', ['(?m:^x)|y$', 'x\nxy\ny', -1n], ['x', 'x', 'y']],
  ['regexReplaceAll', ['[x[:^digit:]]+', '12x3y4', '_'], '12_3_4'],
  ['regexReplaceAll', ['[[:^space:]]', 'a b\tc', '.'], '. .\t.'],
  ['regexReplaceAll', ['[[:^punct:]]', 'a,b!', ''], ',!'],
  ['regexSplit', ['z+', 'pizza', -1n], ['pi', 'a']],
  ['regexSplit', ['', 'abc', -1n], ['a', 'b', 'c']],
  ['regexSplit', [',', 'a,b,c', 2n], ['a', 'b,c']],
  ['regexQuoteMeta', ['1.2.3+[x]'], '1\\.2\\.3\\+\\[x\\]'],
]

describe('regex functions', () => {
  it.each(cases)('%s #%#', (name, args, want) => expect(f[name]!(...args)).toEqual(want))

  it('rejects what RE2 rejects', () => {
    expect(() => f.regexFind!('(?=a)', 'a')).toThrow('invalid or unsupported Perl syntax')
    expect(() => f.regexFind!('(a)\\1', 'aa')).toThrow('invalid escape sequence')
    expect(() => f.mustRegexMatch!('[', 'a')).toThrow('missing closing ]')
    expect(() => f.regexFind!('a{1001}', 'a')).toThrow('invalid repeat count')
    expect(() => f.regexFind!('*a', 'a')).toThrow('missing argument to repetition operator')
  })

  it('matches in linear time (no catastrophic backtracking)', () => {
    expect(f.regexMatch!('(a+)+$', 'a'.repeat(5000) + 'b')).toBe(false)
  })

  it('keeps named groups and non-BMP characters', () => {
    expect(f.regexFindAll!('.', '😀a😀', -1n)).toEqual(['😀', 'a', '😀'])
    expect(f.regexReplaceAll!('(?P<x>😀)', 'a😀b', '[${x}]')).toBe('a[😀]b')
  })
})
