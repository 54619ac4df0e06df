import { describe, expect, it } from 'vitest'
import { stringFuncs as f } from './strings.ts'

// Expected values were produced by helm v3.17.3 (Sprig v3.3.0).
const cases: [string, unknown[], unknown][] = [
  ['trunc', [5n, 'abcdefgh'], 'abcde'],
  ['trunc', [-3n, 'abcdef'], 'def'],
  ['trunc', [100n, 'abc'], 'abc'],
  ['substr', [0n, 3n, 'héllo'], 'hé'],
  ['substr', [2n, -1n, 'abcdef'], 'cdef'],
  ['substr', [-1n, 2n, 'abcdef'], 'ab'],
  ['substr', [2n, 10n, 'abc'], 'c'],
  ['trimSuffix', ['-', 'a-b-'], 'a-b'],
  ['trimPrefix', ['v', 'v1.2'], '1.2'],
  ['trimAll', ['$', '$$5.00$'], '5.00'],
  ['trim', ['  \t hi \n '], 'hi'],
  ['upper', ['abc é'], 'ABC É'],
  ['title', ['hello wORLD foo_bar x-y'], 'Hello WORLD Foo_bar X-Y'],
  ['untitle', ['Hello World'], 'hello world'],
  ['repeat', [3n, 'ab'], 'ababab'],
  ['nospace', [' a b\tc '], 'abc'],
  ['initials', ['first second third'], 'fst'],
  ['swapcase', ['Hello World 1'], 'hELLO wORLD 1'],
  ['wrap', [5n, 'hello world foo'], 'hello\nworld\nfoo'],
  ['wrapWith', [5n, '<br>', 'hello world'], 'hello<br>world'],
  ['wrap', [3n, 'abcdefgh ij'], 'abcdefgh\nij'],
  ['abbrev', [5n, 'hello world'], 'he...'],
  ['abbrevboth', [5n, 10n, '1234 5678 9123'], '...5678...'],
  ['contains', ['cat', 'concatenate'], true],
  ['quote', ['a"b', 1n, null, 2.5, true], '"a\\"b" "1" "2.5" "true"'],
  ['quote', [42, 1000000], '"42" "1e+06"'],
  ['squote', ['a', 1n, null], "'a' '1'"],
  ['cat', ['a', 1n, null, 'b', 2.5], 'a 1 b 2.5'],
  ['indent', [2n, 'a\nb'], '  a\n  b'],
  ['nindent', [4n, 'a\n\nb'], '\n    a\n    \n    b'],
  ['replace', ['a', 'b', 'banana'], 'bbnbnb'],
  ['replace', ['', '-', 'abc'], '-a-b-c-'],
  ['plural', ['one', 'many', 2n], 'many'],
  ['split', [',', 'a,b,,c'], { _0: 'a', _1: 'b', _2: '', _3: 'c' }],
  ['splitList', ['', 'héj'], ['h', 'é', 'j']],
  ['splitn', [',', 2n, 'a,b,c'], { _0: 'a', _1: 'b,c' }],
  ['join', [',', ['a', 1n, null, true, 2.5]], 'a,1,true,2.5'],
  ['join', ['-', 'abc'], 'abc'],
  ['sortAlpha', [['b', 'B', 'a', 10n, 9n, 'é']], ['10', '9', 'B', 'a', 'b', 'é']],
]

describe('string functions', () => {
  it.each(cases)('%s #%#', (name, args, want) => {
    expect(f[name]!(...args)).toEqual(want)
  })

  it('fails where Go fails', () => {
    expect(() => f.substr!(5n, 1n, 'abc')).toThrow(/out of range/)
    expect(() => f.repeat!(-1n, 'a')).toThrow('strings: negative Repeat count')
    expect(() => f.trunc!(5n, 42)).toThrow('wrong type for value; expected string; got float64')
    expect(() => f.trunc!(5n, null)).toThrow('invalid value; expected string')
    expect(() => f.trunc!(5n)).toThrow('wrong number of args: want 2 got 1')
  })

  it('bounds what repeat, indent and replace may build', () => {
    expect(() => f.repeat!(1n << 40n, 'ab')).toThrow(/exceeds the limit/)
    expect(() => f.indent!(60_000_000n, 'a\nb\nc')).toThrow(/over the limit/)
    const big = 'x'.repeat(100_000)
    expect(() => f.replace!('', big, big)).toThrow(/over the limit/)
  })
})
