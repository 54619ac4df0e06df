import { encodingFuncs, sprigFuncs, TemplateSet, type GoMap } from '@slipway/gotemplate'
import { formatValue } from '../../packages/gotemplate/src/fmt.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { helmFails, helmProbe } from './probe.ts'

// The same values on both sides: YAML numbers are float64 in Helm.
const valuesYaml = `int: 42
float: 1.5
neg: -5
str: "042"
flag: false
zero: 0
big: 1000000
name: my-release-name-that-is-long
nested: {b: 2, a: 1}
`
const V: GoMap = {
  int: 42,
  float: 1.5,
  neg: -5,
  str: '042',
  flag: false,
  zero: 0,
  big: 1000000,
  name: 'my-release-name-that-is-long',
  nested: { b: 2, a: 1 },
}

const f = (name: string, ...args: unknown[]) => {
  const fn = sprigFuncs[name]
  if (fn === undefined) throw new Error(`no function ${name}`)
  return fn(...args)
}
const p = (v: unknown) => formatValue(v)
// toJson: sorted keys, ints and floats as JSON numbers
const j = (v: unknown): string => {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'bigint') return String(v)
  if (Array.isArray(v)) return '[' + v.map(j).join(',') + ']'
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    return (
      '{' +
      Object.keys(o)
        .sort()
        .map((k) => j(k) + ':' + j(o[k]))
        .join(',') +
      '}'
    )
  }
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
}

// [template expression, what Slipway's functions print for it]
const cases: [string, () => string][] = [
  ['trunc 5 "abcdefgh"', () => p(f('trunc', 5n, 'abcdefgh'))],
  ['trunc -3 "abcdef"', () => p(f('trunc', -3n, 'abcdef'))],
  ['trunc 63 .Values.name', () => p(f('trunc', 63n, V.name))],
  ['trunc 100 "abc"', () => p(f('trunc', 100n, 'abc'))],
  ['substr 0 3 "héllo"', () => p(f('substr', 0n, 3n, 'héllo'))],
  ['substr 2 -1 "abcdef"', () => p(f('substr', 2n, -1n, 'abcdef'))],
  ['substr -1 2 "abcdef"', () => p(f('substr', -1n, 2n, 'abcdef'))],
  ['"a-b-" | trimSuffix "-"', () => p(f('trimSuffix', '-', 'a-b-'))],
  ['trimPrefix "v" "v1.2"', () => p(f('trimPrefix', 'v', 'v1.2'))],
  ['trimAll "$" "$$5.00$"', () => p(f('trimAll', '$', '$$5.00$'))],
  ['trim "  \\t hi \\n "', () => p(f('trim', '  \t hi \n '))],
  ['upper "abc é"', () => p(f('upper', 'abc é'))],
  ['lower "ABC É"', () => p(f('lower', 'ABC É'))],
  ['title "hello wORLD foo_bar x-y"', () => p(f('title', 'hello wORLD foo_bar x-y'))],
  ['title "ǆemal ljubav ǳ ბიჭი ßx élan"', () => p(f('title', 'ǆemal ljubav ǳ ბიჭი ßx élan'))],
  ['upper "ǆ ß ბ"', () => p(f('upper', 'ǆ ß ბ'))],
  ['lower "ǅ İ"', () => p(f('lower', 'ǅ İ'))],
  ['swapcase "ǅǆ"', () => p(f('swapcase', 'ǅǆ'))],
  ['untitle "Hello World"', () => p(f('untitle', 'Hello World'))],
  ['repeat 3 "ab"', () => p(f('repeat', 3n, 'ab'))],
  ['nospace " a b\\tc "', () => p(f('nospace', ' a b\tc '))],
  ['initials "first second third"', () => p(f('initials', 'first second third'))],
  ['swapcase "Hello World 1"', () => p(f('swapcase', 'Hello World 1'))],
  ['wrap 5 "hello world foo"', () => p(f('wrap', 5n, 'hello world foo'))],
  ['wrapWith 5 "<br>" "hello world"', () => p(f('wrapWith', 5n, '<br>', 'hello world'))],
  ['wrap 3 "abcdefgh ij"', () => p(f('wrap', 3n, 'abcdefgh ij'))],
  ['abbrev 5 "hello world"', () => p(f('abbrev', 5n, 'hello world'))],
  ['abbrevboth 5 10 "1234 5678 9123"', () => p(f('abbrevboth', 5n, 10n, '1234 5678 9123'))],
  ['contains "cat" "concatenate"', () => p(f('contains', 'cat', 'concatenate'))],
  ['hasPrefix "con" "concat"', () => p(f('hasPrefix', 'con', 'concat'))],
  ['hasSuffix "at" "concat"', () => p(f('hasSuffix', 'at', 'concat'))],
  ['quote "a\\"b" 1 nil 2.5 true', () => p(f('quote', 'a"b', 1n, null, 2.5, true))],
  ['quote .Values.int .Values.big', () => p(f('quote', V.int, V.big))],
  ['squote "a" 1 nil', () => p(f('squote', 'a', 1n, null))],
  ['cat "a" 1 nil "b" 2.5', () => p(f('cat', 'a', 1n, null, 'b', 2.5))],
  ['indent 2 "a\\nb"', () => p(f('indent', 2n, 'a\nb'))],
  ['nindent 4 "a\\n\\nb"', () => p(f('nindent', 4n, 'a\n\nb'))],
  ['replace "a" "b" "banana"', () => p(f('replace', 'a', 'b', 'banana'))],
  ['replace "" "-" "abc"', () => p(f('replace', '', '-', 'abc'))],
  ['plural "one" "many" 2', () => p(f('plural', 'one', 'many', 2n))],
  ['split "," "a,b,,c" | toJson', () => j(f('split', ',', 'a,b,,c'))],
  ['splitList "," "a,,b" | toJson', () => j(f('splitList', ',', 'a,,b'))],
  ['splitList "" "héj" | toJson', () => j(f('splitList', '', 'héj'))],
  ['splitn "," 2 "a,b,c" | toJson', () => j(f('splitn', ',', 2n, 'a,b,c'))],
  ['join "," (list "a" 1 nil true 2.5)', () => p(f('join', ',', ['a', 1n, null, true, 2.5]))],
  ['join "-" "abc"', () => p(f('join', '-', 'abc'))],
  ['sortAlpha (list "b" "B" "a" 10 9 "é")', () => p(f('sortAlpha', ['b', 'B', 'a', 10n, 9n, 'é']))],
  ['toString 1.5', () => p(f('toString', 1.5))],
  ['toString .Values.big', () => p(f('toString', V.big))],
  ['toString nil', () => p(f('toString', null))],
  ['toStrings (list 1 "a" nil 2.5) | toJson', () => j(f('toStrings', [1n, 'a', null, 2.5]))],
  ['int "12"', () => p(f('int', '12'))],
  ['int "1.5"', () => p(f('int', '1.5'))],
  ['int "12.0"', () => p(f('int', '12.0'))],
  ['int "0x1F"', () => p(f('int', '0x1F'))],
  ['int "010"', () => p(f('int', '010'))],
  ['int "1_000"', () => p(f('int', '1_000'))],
  ['int .Values.float', () => p(f('int', V.float))],
  ['int .Values.neg', () => p(f('int', V.neg))],
  ['int true', () => p(f('int', true))],
  ['int64 1.2345678901234567e19', () => p(f('int64', 1.2345678901234567e19))],
  ['float64 "1e3"', () => p(f('float64', '1e3'))],
  ['float64 "abc"', () => p(f('float64', 'abc'))],
  ['float64 3', () => p(f('float64', 3n))],
  ['float64 "inf"', () => p(f('float64', 'inf'))],
  ['float64 "NaN"', () => p(f('float64', 'NaN'))],
  ['float64 "1_0"', () => p(f('float64', '1_0'))],
  ['float64 "0x10"', () => p(f('float64', '0x10'))],
  ['float64 ".5e1"', () => p(f('float64', '.5e1'))],
  ['float64 "1e400"', () => p(f('float64', '1e400'))],
  ['float64 "0x1p-2"', () => p(f('float64', '0x1p-2'))],
  ['float64 " 1"', () => p(f('float64', ' 1'))],
  ['float64 "+.5"', () => p(f('float64', '+.5'))],
  ['float64 "1."', () => p(f('float64', '1.'))],
  ['float64 "1__0"', () => p(f('float64', '1__0'))],
  ['float64 "_1"', () => p(f('float64', '_1'))],
  ['float64 "1_0.5_5"', () => p(f('float64', '1_0.5_5'))],
  ['float64 "1.5e1_0"', () => p(f('float64', '1.5e1_0'))],
  ['float64 "1._5"', () => p(f('float64', '1._5'))],
  ['atoi "42"', () => p(f('atoi', '42'))],
  ['atoi "4x"', () => p(f('atoi', '4x'))],
  ['atoi "+7"', () => p(f('atoi', '+7'))],
  ['toDecimal "777"', () => p(f('toDecimal', '777'))],
  ['toDecimal 777', () => p(f('toDecimal', 777n))],
  ['default "d" .Values.flag', () => p(f('default', 'd', V.flag))],
  ['default "d" .Values.zero', () => p(f('default', 'd', V.zero))],
  ['default "d" .Values.missing', () => p(f('default', 'd', null))],
  ['default "d" .Values.int', () => p(f('default', 'd', V.int))],
  ['default "d" (list)', () => p(f('default', 'd', []))],
  ['default "d"', () => p(f('default', 'd'))],
  ['empty .Values.nested', () => p(f('empty', V.nested))],
  ['empty 0.0', () => p(f('empty', 0))],
  ['empty (dict)', () => p(f('empty', {}))],
  ['coalesce 0 "" "x" "y"', () => p(f('coalesce', 0n, '', 'x', 'y'))],
  ['coalesce 0 "" | quote', () => p(f('quote', f('coalesce', 0n, '')))],
  ['all 1 "a" true', () => p(f('all', 1n, 'a', true))],
  ['any 0 "" false', () => p(f('any', 0n, '', false))],
  ['ternary "y" "n" true', () => p(f('ternary', 'y', 'n', true))],
  [
    'compact (list 1 0 "" nil "a" false (list)) | toJson',
    () => j(f('compact', [1n, 0n, '', null, 'a', false, []])),
  ],
  ['list 1 "a" 2.5 | toJson', () => j(f('list', 1n, 'a', 2.5))],
  ['append (list 1) 2 | toJson', () => j(f('append', [1n], 2n))],
  ['prepend (list 1) 0 | toJson', () => j(f('prepend', [1n], 0n))],
  ['first (list 3 4) ', () => p(f('first', [3n, 4n]))],
  ['last (list 3 4)', () => p(f('last', [3n, 4n]))],
  ['rest (list 3 4 5) | toJson', () => j(f('rest', [3n, 4n, 5n]))],
  ['initial (list 3 4 5) | toJson', () => j(f('initial', [3n, 4n, 5n]))],
  ['first (list) | quote', () => p(f('quote', f('first', [])))],
  ['reverse (list 1 2 3) | toJson', () => j(f('reverse', [1n, 2n, 3n]))],
  ['uniq (list 1 1 "1" 2 1.0 1.0) | toJson', () => j(f('uniq', [1n, 1n, '1', 2n, 1, 1]))],
  ['without (list 1 2 3 2) 2 | toJson', () => j(f('without', [1n, 2n, 3n, 2n], 2n))],
  ['has 1 (list 1 2)', () => p(f('has', 1n, [1n, 2n]))],
  ['has .Values.neg (list -5 2)', () => p(f('has', V.neg, [-5n, 2n]))],
  ['has 1 nil', () => p(f('has', 1n, null))],
  ['slice (list 1 2 3 4) 1 3 | toJson', () => j(f('slice', [1n, 2n, 3n, 4n], 1n, 3n))],
  ['slice (list 1 2 3 4) 2 | toJson', () => j(f('slice', [1n, 2n, 3n, 4n], 2n))],
  ['concat (list 1) (list 2 3) | toJson', () => j(f('concat', [1n], [2n, 3n]))],
  ['chunk 2 (list 1 2 3 4 5) | toJson', () => j(f('chunk', 2n, [1n, 2n, 3n, 4n, 5n]))],
  ['until 3 | toJson', () => j(f('until', 3n))],
  ['until -3 | toJson', () => j(f('until', -3n))],
  ['untilStep 0 10 3 | toJson', () => j(f('untilStep', 0n, 10n, 3n))],
  ['seq 5', () => p(f('seq', 5n))],
  ['seq -3', () => p(f('seq', -3n))],
  ['seq 2 5', () => p(f('seq', 2n, 5n))],
  ['seq 0 2 10', () => p(f('seq', 0n, 2n, 10n))],
  ['seq 0 2 9', () => p(f('seq', 0n, 2n, 9n))],
  ['seq 10 -3 0', () => p(f('seq', 10n, -3n, 0n))],
  ['substr 2 10 "abc"', () => p(f('substr', 2n, 10n, 'abc'))],
  ['dict "a" 1 "b" | toJson', () => j(f('dict', 'a', 1n, 'b'))],
  ['dict 1 2 | toJson', () => j(f('dict', 1n, 2n))],
  ['get (dict "a" 1) "b" | quote', () => p(f('quote', f('get', { a: 1n }, 'b')))],
  ['set (dict "a" 1) "b" 2 | toJson', () => j(f('set', { a: 1n }, 'b', 2n))],
  ['unset (dict "a" 1 "b" 2) "a" | toJson', () => j(f('unset', { a: 1n, b: 2n }, 'a'))],
  ['hasKey .Values.nested "a"', () => p(f('hasKey', V.nested, 'a'))],
  [
    'pluck "a" (dict "a" 1) (dict "b" 2) (dict "a" 3) | toJson',
    () => j(f('pluck', 'a', { a: 1n }, { b: 2n }, { a: 3n })),
  ],
  [
    'keys (dict "b" 1 "a" 2) | sortAlpha | toJson',
    () => j(f('sortAlpha', f('keys', { b: 1n, a: 2n }))),
  ],
  [
    'pick (dict "a" 1 "b" 2 "c" 3) "a" "c" "z" | toJson',
    () => j(f('pick', { a: 1n, b: 2n, c: 3n }, 'a', 'c', 'z')),
  ],
  ['omit (dict "a" 1 "b" 2 "c" 3) "a" | toJson', () => j(f('omit', { a: 1n, b: 2n, c: 3n }, 'a'))],
  [
    'merge (dict "a" 1 "e" "" "n" (dict "x" 1) "l" (list)) (dict "a" 2 "b" 3 "e" "z" "n" (dict "y" 2) "l" (list 1)) | toJson',
    () =>
      j(
        f(
          'merge',
          { a: 1n, e: '', n: { x: 1n }, l: [] },
          { a: 2n, b: 3n, e: 'z', n: { y: 2n }, l: [1n] },
        ),
      ),
  ],
  [
    'mergeOverwrite (dict "a" 1 "e" "x" "n" (dict "x" 1) "s" "str" "k" 1) (dict "a" 2 "e" "" "n" (dict "y" 2) "s" (dict "m" 1) "k" nil) | toJson',
    () =>
      j(
        f(
          'mergeOverwrite',
          { a: 1n, e: 'x', n: { x: 1n }, s: 'str', k: 1n },
          { a: 2n, e: '', n: { y: 2n }, s: { m: 1n }, k: null },
        ),
      ),
  ],
  [
    'merge (dict "s" "str" "m" (dict "x" 1) "l" (list 1) "z" (dict)) (dict "s" (dict "a" 1) "m" "str" "l" (list 2) "z" (dict "q" 1) "f" false) | toJson',
    () =>
      j(
        f(
          'merge',
          { s: 'str', m: { x: 1n }, l: [1n], z: {} },
          { s: { a: 1n }, m: 'str', l: [2n], z: { q: 1n }, f: false },
        ),
      ),
  ],
  [
    'mergeOverwrite (dict "m" (dict "x" 1) "l" (list 1) "z" (dict) "e" 1) (dict "m" "str" "l" (list 2 3) "z" (dict "q" 1) "e" 0) | toJson',
    () =>
      j(
        f(
          'mergeOverwrite',
          { m: { x: 1n }, l: [1n], z: {}, e: 1n },
          { m: 'str', l: [2n, 3n], z: { q: 1n }, e: 0n },
        ),
      ),
  ],
  [
    'mergeOverwrite (dict "a" (dict "b" (dict "c" 1 "d" 2))) (dict "a" (dict "b" (dict "c" 3))) (dict "a" (dict "e" 5)) | toJson',
    () =>
      j(
        f(
          'mergeOverwrite',
          { a: { b: { c: 1n, d: 2n } } },
          { a: { b: { c: 3n } } },
          { a: { e: 5n } },
        ),
      ),
  ],
  [
    'dig "a" "b" "def" (dict "a" (dict "b" 1))',
    () => p(f('dig', 'a', 'b', 'def', { a: { b: 1n } })),
  ],
  [
    'dig "a" "c" "def" (dict "a" (dict "b" 1))',
    () => p(f('dig', 'a', 'c', 'def', { a: { b: 1n } })),
  ],
  ['deepCopy (dict "a" (list 1)) | toJson', () => j(f('deepCopy', { a: [1n] }))],
  ['typeOf 1', () => p(f('typeOf', 1n))],
  ['typeOf .Values.int', () => p(f('typeOf', V.int))],
  ['typeOf (list)', () => p(f('typeOf', []))],
  ['typeOf (dict)', () => p(f('typeOf', {}))],
  ['typeOf nil', () => p(f('typeOf', null))],
  ['kindOf nil', () => p(f('kindOf', null))],
  ['kindOf (list)', () => p(f('kindOf', []))],
  ['kindOf "a"', () => p(f('kindOf', 'a'))],
  ['kindIs "map" .Values.nested', () => p(f('kindIs', 'map', V.nested))],
  ['typeIs "float64" .Values.int', () => p(f('typeIs', 'float64', V.int))],
  ['typeIsLike "string" "a"', () => p(f('typeIsLike', 'string', 'a'))],
  [
    'deepEqual (list 1 (dict "a" 2)) (list 1 (dict "a" 2))',
    () => p(f('deepEqual', [1n, { a: 2n }], [1n, { a: 2n }])),
  ],
  ['deepEqual 1 1.0', () => p(f('deepEqual', 1n, 1))],
  ['add 1 2 3', () => p(f('add', 1n, 2n, 3n))],
  ['add .Values.int .Values.float', () => p(f('add', V.int, V.float))],
  ['add 1.9 1.9', () => p(f('add', 1.9, 1.9))],
  ['add1 .Values.float', () => p(f('add1', V.float))],
  ['sub 5 "2"', () => p(f('sub', 5n, '2'))],
  ['mul 1.5 2', () => p(f('mul', 1.5, 2n))],
  ['div 7 2', () => p(f('div', 7n, 2n))],
  ['div -7 2', () => p(f('div', -7n, 2n))],
  ['mod -7 3', () => p(f('mod', -7n, 3n))],
  ['max 1 5 "7" 3.9', () => p(f('max', 1n, 5n, '7', 3.9))],
  ['min 4 -2 1', () => p(f('min', 4n, -2n, 1n))],
  ['biggest 1 2', () => p(f('biggest', 1n, 2n))],
  ['addf 1.1 2.2', () => p(f('addf', 1.1, 2.2))],
  ['addf .Values.int .Values.float', () => p(f('addf', V.int, V.float))],
  ['add1f 0.1', () => p(f('add1f', 0.1))],
  ['subf 1.0 0.9', () => p(f('subf', 1, 0.9))],
  ['mulf 1.1 3', () => p(f('mulf', 1.1, 3n))],
  ['divf 1 3', () => p(f('divf', 1n, 3n))],
  ['divf 10 4', () => p(f('divf', 10n, 4n))],
  ['divf 2 3', () => p(f('divf', 2n, 3n))],
  ['maxf 1 2.5 "3"', () => p(f('maxf', 1n, 2.5, '3'))],
  ['minf 1 2.5 -0.5', () => p(f('minf', 1n, 2.5, -0.5))],
  ['ceil 1.2', () => p(f('ceil', 1.2))],
  ['floor -1.2', () => p(f('floor', -1.2))],
  ['round 2.555 2', () => p(f('round', 2.555, 2n))],
  ['round 2.5 0', () => p(f('round', 2.5, 0n))],
  ['round -2.5 0', () => p(f('round', -2.5, 0n))],
  ['round 1.25 1 0.4', () => p(f('round', 1.25, 1n, 0.4))],
  ['b64enc "héllo wörld"', () => p(f('b64enc', 'héllo wörld'))],
  ['b64dec "aGVsbG8="', () => p(f('b64dec', 'aGVsbG8='))],
  ['b64dec "!!"', () => p(f('b64dec', '!!'))],
  ['b64dec "aGVsbG8"', () => p(f('b64dec', 'aGVsbG8'))],
  ['b64dec "aGVsbA=x"', () => p(f('b64dec', 'aGVsbA=x'))],
  ['b64dec "aGVs\\nbG8="', () => p(f('b64dec', 'aGVs\nbG8='))],
  ['b32enc "hello"', () => p(f('b32enc', 'hello'))],
  ['b32dec "NBSWY3DP"', () => p(f('b32dec', 'NBSWY3DP'))],
  ['b32dec "NBSWY3D"', () => p(f('b32dec', 'NBSWY3D'))],
  ['b32dec "nbswy3dp"', () => p(f('b32dec', 'nbswy3dp'))],
  ['sha1sum "abc"', () => p(f('sha1sum', 'abc'))],
  ['sha256sum "héllo"', () => p(f('sha256sum', 'héllo'))],
  ['sha512sum "abc"', () => p(f('sha512sum', 'abc'))],
  ['adler32sum "Wikipedia"', () => p(f('adler32sum', 'Wikipedia'))],
  ['regexMatch "^[a-z]+\\\\d$" "abc1"', () => p(f('regexMatch', '^[a-z]+\\d$', 'abc1'))],
  ['regexMatch "(" "x"', () => p(f('regexMatch', '(', 'x'))],
  ['regexFind "[0-9]+" "ab123cd45"', () => p(f('regexFind', '[0-9]+', 'ab123cd45'))],
  ['regexFindAll "a*" "baaac" -1 | toJson', () => j(f('regexFindAll', 'a*', 'baaac', -1n))],
  ['regexFindAll "[0-9]" "a1b2c3" 2 | toJson', () => j(f('regexFindAll', '[0-9]', 'a1b2c3', 2n))],
  [
    'regexReplaceAll "(a+)b" "xaab" "${1}Z"',
    () => p(f('regexReplaceAll', '(a+)b', 'xaab', '${1}Z')),
  ],
  ['regexReplaceAll "(a+)b" "xaab" "$1W"', () => p(f('regexReplaceAll', '(a+)b', 'xaab', '$1W'))],
  ['regexReplaceAll "a*" "baaac" "-"', () => p(f('regexReplaceAll', 'a*', 'baaac', '-'))],
  [
    'regexReplaceAll "(?P<x>\\\\w+)@" "me@x" "<$x>"',
    () => p(f('regexReplaceAll', '(?P<x>\\w+)@', 'me@x', '<$x>')),
  ],
  [
    'regexReplaceAll "(?i)HELLO" "say hello" "bye"',
    () => p(f('regexReplaceAll', '(?i)HELLO', 'say hello', 'bye')),
  ],
  [
    'regexReplaceAll "\\\\s+" "a \\u00a0 b\\tc" "_"',
    () => p(f('regexReplaceAll', '\\s+', 'a \u00a0 b\tc', '_')),
  ],
  [
    'regexReplaceAll "[[:upper:]]" "aBcD" "x"',
    () => p(f('regexReplaceAll', '[[:upper:]]', 'aBcD', 'x')),
  ],
  ['regexReplaceAll "a.c" "a\\nc abc" "X"', () => p(f('regexReplaceAll', 'a.c', 'a\nc abc', 'X'))],
  [
    'regexReplaceAll "^-+|-+$" "--a-b--" ""',
    () => p(f('regexReplaceAll', '^-+|-+$', '--a-b--', '')),
  ],
  [
    'regexReplaceAll "[^a-z0-9-]" "My_App.v1" "-"',
    () => p(f('regexReplaceAll', '[^a-z0-9-]', 'My_App.v1', '-')),
  ],
  [
    'regexReplaceAll "[x[:^digit:]]+" "12x3y4" "_"',
    () => p(f('regexReplaceAll', '[x[:^digit:]]+', '12x3y4', '_')),
  ],
  [
    'regexReplaceAll "[[:^alpha:]]" "a1b-c é" "_"',
    () => p(f('regexReplaceAll', '[[:^alpha:]]', 'a1b-c é', '_')),
  ],
  ['regexReplaceAllLiteral "a" "aa" "$1"', () => p(f('regexReplaceAllLiteral', 'a', 'aa', '$1'))],
  ['regexSplit "z+" "pizza" -1 | toJson', () => j(f('regexSplit', 'z+', 'pizza', -1n))],
  ['regexSplit "" "abc" -1 | toJson', () => j(f('regexSplit', '', 'abc', -1n))],
  ['regexSplit "," "a,b,c" 2 | toJson', () => j(f('regexSplit', ',', 'a,b,c', 2n))],
  ['regexQuoteMeta "1.2.3+[x]"', () => p(f('regexQuoteMeta', '1.2.3+[x]'))],
  ['base "/a/b.txt"', () => p(f('base', '/a/b.txt'))],
  ['base ""', () => p(f('base', ''))],
  ['dir "/a/b/c"', () => p(f('dir', '/a/b/c'))],
  ['dir "abc"', () => p(f('dir', 'abc'))],
  ['clean "a//b/../c/."', () => p(f('clean', 'a//b/../c/.'))],
  ['clean "/../a"', () => p(f('clean', '/../a'))],
  ['ext "a/b.tar.gz"', () => p(f('ext', 'a/b.tar.gz'))],
  ['isAbs "/a"', () => p(f('isAbs', '/a'))],
  ['semverCompare ">=1.21-0" "v1.32.0"', () => p(f('semverCompare', '>=1.21-0', 'v1.32.0'))],
  [
    'semverCompare ">=1.21" "v1.32.0-eks-123"',
    () => p(f('semverCompare', '>=1.21', 'v1.32.0-eks-123')),
  ],
  ['semverCompare "^1.2.0" "1.3.0-rc.1"', () => p(f('semverCompare', '^1.2.0', '1.3.0-rc.1'))],
  [
    'semverCompare ">=1.21-0" "v1.32.0-eks-123"',
    () => p(f('semverCompare', '>=1.21-0', 'v1.32.0-eks-123')),
  ],
  ['semverCompare "<1.19" "1.18.5"', () => p(f('semverCompare', '<1.19', '1.18.5'))],
  ['semverCompare "<1.19" "1.19.0"', () => p(f('semverCompare', '<1.19', '1.19.0'))],
  [
    'semverCompare ">= 1.2, < 3.0.0" "2.5.1"',
    () => p(f('semverCompare', '>= 1.2, < 3.0.0', '2.5.1')),
  ],
  ['semverCompare ">=1.2 <3" "3.0.0"', () => p(f('semverCompare', '>=1.2 <3', '3.0.0'))],
  ['semverCompare "1.2 - 1.4.5" "1.4.5"', () => p(f('semverCompare', '1.2 - 1.4.5', '1.4.5'))],
  ['semverCompare "1.2 - 1.4.5" "1.4.6"', () => p(f('semverCompare', '1.2 - 1.4.5', '1.4.6'))],
  ['semverCompare "~1.2.3" "1.2.9"', () => p(f('semverCompare', '~1.2.3', '1.2.9'))],
  ['semverCompare "~1.2.3" "1.3.0"', () => p(f('semverCompare', '~1.2.3', '1.3.0'))],
  ['semverCompare "~1" "1.9.9"', () => p(f('semverCompare', '~1', '1.9.9'))],
  ['semverCompare "^0.2.3" "0.2.9"', () => p(f('semverCompare', '^0.2.3', '0.2.9'))],
  ['semverCompare "^0.2.3" "0.3.0"', () => p(f('semverCompare', '^0.2.3', '0.3.0'))],
  ['semverCompare "^0.0.3" "0.0.4"', () => p(f('semverCompare', '^0.0.3', '0.0.4'))],
  ['semverCompare "1.x" "1.5.0"', () => p(f('semverCompare', '1.x', '1.5.0'))],
  ['semverCompare "1.2.*" "1.2.7"', () => p(f('semverCompare', '1.2.*', '1.2.7'))],
  ['semverCompare "*" "2.0.0"', () => p(f('semverCompare', '*', '2.0.0'))],
  ['semverCompare "*" "2.0.0-alpha"', () => p(f('semverCompare', '*', '2.0.0-alpha'))],
  ['semverCompare "!=1.2.3" "1.2.4"', () => p(f('semverCompare', '!=1.2.3', '1.2.4'))],
  ['semverCompare "!=1.2" "1.2.5"', () => p(f('semverCompare', '!=1.2', '1.2.5'))],
  ['semverCompare ">1.2" "1.2.9"', () => p(f('semverCompare', '>1.2', '1.2.9'))],
  ['semverCompare ">1.2" "1.3.0"', () => p(f('semverCompare', '>1.2', '1.3.0'))],
  ['semverCompare ">1" "1.5.0"', () => p(f('semverCompare', '>1', '1.5.0'))],
  ['semverCompare "<=1.2" "1.2.9"', () => p(f('semverCompare', '<=1.2', '1.2.9'))],
  ['semverCompare "<=1.2" "1.3.0"', () => p(f('semverCompare', '<=1.2', '1.3.0'))],
  ['semverCompare "=1.2.3" "v1.2.3"', () => p(f('semverCompare', '=1.2.3', 'v1.2.3'))],
  [
    'semverCompare "1.2.3 || >=2.0" "2.1.0"',
    () => p(f('semverCompare', '1.2.3 || >=2.0', '2.1.0')),
  ],
  [
    'semverCompare ">=1.0.0-alpha" "1.0.0-beta"',
    () => p(f('semverCompare', '>=1.0.0-alpha', '1.0.0-beta')),
  ],
  [
    'semverCompare ">=1.0.0-beta.2" "1.0.0-beta.11"',
    () => p(f('semverCompare', '>=1.0.0-beta.2', '1.0.0-beta.11')),
  ],
  ['semverCompare "~> 1.2" "1.5.0"', () => p(f('semverCompare', '~> 1.2', '1.5.0'))],
  ['semverCompare "=>1.2" "1.2.0"', () => p(f('semverCompare', '=>1.2', '1.2.0'))],
  ['semverCompare ">=1.16.0-0" "1.16.0"', () => p(f('semverCompare', '>=1.16.0-0', '1.16.0'))],
  [
    'semverCompare ">= 1.19-0 < 1.25-0" "1.24.3-gke.100"',
    () => p(f('semverCompare', '>= 1.19-0 < 1.25-0', '1.24.3-gke.100')),
  ],
  ['semver "v1.2.3-rc.1+b5"', () => p(f('semver', 'v1.2.3-rc.1+b5'))],
  ['(semver "1.2").Minor', () => p((f('semver', '1.2') as { Minor(): bigint }).Minor())],
  ['typeOf (semver "1.2")', () => p(f('typeOf', f('semver', '1.2')))],
  ['camelcase "foo_bar-baz"', () => p(f('camelcase', 'foo_bar-baz'))],
  ['snakecase "foo_bar-baz"', () => p(f('snakecase', 'foo_bar-baz'))],
  ['kebabcase "foo_bar-baz"', () => p(f('kebabcase', 'foo_bar-baz'))],
  ['camelcase "a.b-c"', () => p(f('camelcase', 'a.b-c'))],
  ['snakecase "a.b-c"', () => p(f('snakecase', 'a.b-c'))],
  ['kebabcase "a.b-c"', () => p(f('kebabcase', 'a.b-c'))],
  ['camelcase "fooBar"', () => p(f('camelcase', 'fooBar'))],
  ['snakecase "fooBar"', () => p(f('snakecase', 'fooBar'))],
  ['kebabcase "fooBar"', () => p(f('kebabcase', 'fooBar'))],
  ['camelcase "FooBarBaz"', () => p(f('camelcase', 'FooBarBaz'))],
  ['snakecase "FooBarBaz"', () => p(f('snakecase', 'FooBarBaz'))],
  ['kebabcase "FooBarBaz"', () => p(f('kebabcase', 'FooBarBaz'))],
  ['camelcase "HTTPServer"', () => p(f('camelcase', 'HTTPServer'))],
  ['snakecase "HTTPServer"', () => p(f('snakecase', 'HTTPServer'))],
  ['kebabcase "HTTPServer"', () => p(f('kebabcase', 'HTTPServer'))],
  ['camelcase "  lead space"', () => p(f('camelcase', '  lead space'))],
  ['snakecase "  lead space"', () => p(f('snakecase', '  lead space'))],
  ['kebabcase "  lead space"', () => p(f('kebabcase', '  lead space'))],
  ['camelcase "__x__y"', () => p(f('camelcase', '__x__y'))],
  ['snakecase "__x__y"', () => p(f('snakecase', '__x__y'))],
  ['kebabcase "__x__y"', () => p(f('kebabcase', '__x__y'))],
  ['camelcase "hello world"', () => p(f('camelcase', 'hello world'))],
  ['snakecase "hello world"', () => p(f('snakecase', 'hello world'))],
  ['kebabcase "hello world"', () => p(f('kebabcase', 'hello world'))],
  ['camelcase "Bld4Floor"', () => p(f('camelcase', 'Bld4Floor'))],
  ['snakecase "Bld4Floor"', () => p(f('snakecase', 'Bld4Floor'))],
  ['kebabcase "Bld4Floor"', () => p(f('kebabcase', 'Bld4Floor'))],
  ['camelcase "HTTP2xx"', () => p(f('camelcase', 'HTTP2xx'))],
  ['snakecase "HTTP2xx"', () => p(f('snakecase', 'HTTP2xx'))],
  ['kebabcase "HTTP2xx"', () => p(f('kebabcase', 'HTTP2xx'))],
  ['camelcase "abc123def"', () => p(f('camelcase', 'abc123def'))],
  ['snakecase "abc123def"', () => p(f('snakecase', 'abc123def'))],
  ['kebabcase "abc123def"', () => p(f('kebabcase', 'abc123def'))],
  ['camelcase "abc_123"', () => p(f('camelcase', 'abc_123'))],
  ['snakecase "abc_123"', () => p(f('snakecase', 'abc_123'))],
  ['kebabcase "abc_123"', () => p(f('kebabcase', 'abc_123'))],
  ['camelcase "v1.2.3"', () => p(f('camelcase', 'v1.2.3'))],
  ['snakecase "v1.2.3"', () => p(f('snakecase', 'v1.2.3'))],
  ['kebabcase "v1.2.3"', () => p(f('kebabcase', 'v1.2.3'))],
  ['camelcase "ToJSON"', () => p(f('camelcase', 'ToJSON'))],
  ['snakecase "ToJSON"', () => p(f('snakecase', 'ToJSON'))],
  ['kebabcase "ToJSON"', () => p(f('kebabcase', 'ToJSON'))],
  ['camelcase "x"', () => p(f('camelcase', 'x'))],
  ['snakecase "x"', () => p(f('snakecase', 'x'))],
  ['kebabcase "x"', () => p(f('kebabcase', 'x'))],
  ['camelcase "_"', () => p(f('camelcase', '_'))],
  ['snakecase "_"', () => p(f('snakecase', '_'))],
  ['kebabcase "_"', () => p(f('kebabcase', '_'))],
  ['camelcase "a--b"', () => p(f('camelcase', 'a--b'))],
  ['snakecase "a--b"', () => p(f('snakecase', 'a--b'))],
  ['kebabcase "a--b"', () => p(f('kebabcase', 'a--b'))],
  ['camelcase "já_ño"', () => p(f('camelcase', 'já_ño'))],
  ['snakecase "já_ño"', () => p(f('snakecase', 'já_ño'))],
  ['kebabcase "já_ño"', () => p(f('kebabcase', 'já_ño'))],
  ['camelcase "getHTTPResponseCode"', () => p(f('camelcase', 'getHTTPResponseCode'))],
  ['snakecase "getHTTPResponseCode"', () => p(f('snakecase', 'getHTTPResponseCode'))],
  ['kebabcase "getHTTPResponseCode"', () => p(f('kebabcase', 'getHTTPResponseCode'))],
  ['camelcase "123abc"', () => p(f('camelcase', '123abc'))],
  ['snakecase "123abc"', () => p(f('snakecase', '123abc'))],
  ['kebabcase "123abc"', () => p(f('kebabcase', '123abc'))],
  ['camelcase "foo.bar"', () => p(f('camelcase', 'foo.bar'))],
  ['snakecase "foo.bar"', () => p(f('snakecase', 'foo.bar'))],
  ['kebabcase "foo.bar"', () => p(f('kebabcase', 'foo.bar'))],
  ['camelcase "API"', () => p(f('camelcase', 'API'))],
  ['snakecase "API"', () => p(f('snakecase', 'API'))],
  ['kebabcase "API"', () => p(f('kebabcase', 'API'))],
  ['camelcase "iOS app"', () => p(f('camelcase', 'iOS app'))],
  ['snakecase "iOS app"', () => p(f('snakecase', 'iOS app'))],
  ['kebabcase "iOS app"', () => p(f('kebabcase', 'iOS app'))],
  ['camelcase "FOO_BAR"', () => p(f('camelcase', 'FOO_BAR'))],
  ['camelcase "xHTTPServer"', () => p(f('camelcase', 'xHTTPServer'))],
  ['camelcase "FOOBar"', () => p(f('camelcase', 'FOOBar'))],
  ['camelcase "Foo BAR"', () => p(f('camelcase', 'Foo BAR'))],
  ['camelcase "ABc"', () => p(f('camelcase', 'ABc'))],
  ['camelcase "fooBAR"', () => p(f('camelcase', 'fooBAR'))],
  ['camelcase "A1BC"', () => p(f('camelcase', 'A1BC'))],
  ['camelcase "AB.CD"', () => p(f('camelcase', 'AB.CD'))],
  ['camelcase "aB_CD"', () => p(f('camelcase', 'aB_CD'))],
  ['camelcase "_AB"', () => p(f('camelcase', '_AB'))],
  ['camelcase "A_"', () => p(f('camelcase', 'A_'))],
  ['camelcase "a"', () => p(f('camelcase', 'a'))],
  ['camelcase "-a"', () => p(f('camelcase', '-a'))],
  ['camelcase "a-"', () => p(f('camelcase', 'a-'))],
  ['camelcase "a  b"', () => p(f('camelcase', 'a  b'))],
  ['camelcase "ÀÉ"', () => p(f('camelcase', 'ÀÉ'))],
  ['camelcase "aBC"', () => p(f('camelcase', 'aBC'))],
  ['date "2006-01-02 15:04:05 MST" 0', () => p(f('date', '2006-01-02 15:04:05 MST', 0n))],
  [
    'dateInZone "2006-01-02T15:04:05.000Z07:00 MST Mon Monday Jan January _2 3:04PM pm 06 002 .999" 1700000000 "America/New_York"',
    () =>
      p(
        f(
          'dateInZone',
          '2006-01-02T15:04:05.000Z07:00 MST Mon Monday Jan January _2 3:04PM pm 06 002 .999',
          1700000000n,
          'America/New_York',
        ),
      ),
  ],
  [
    'dateInZone "2006-01-02T15:04:05.000Z07:00 MST Mon Monday Jan January _2 3:04PM pm 06 002 .999" 1690000000 "America/New_York"',
    () =>
      p(
        f(
          'dateInZone',
          '2006-01-02T15:04:05.000Z07:00 MST Mon Monday Jan January _2 3:04PM pm 06 002 .999',
          1690000000n,
          'America/New_York',
        ),
      ),
  ],
  [
    'dateInZone "2006-01-02 15:04 -0700 MST" 1700000000 "Asia/Kolkata"',
    () => p(f('dateInZone', '2006-01-02 15:04 -0700 MST', 1700000000n, 'Asia/Kolkata')),
  ],
  [
    'dateInZone "2006-01-02 15:04 -07:00 MST" 1700000000 "Europe/Berlin"',
    () => p(f('dateInZone', '2006-01-02 15:04 -07:00 MST', 1700000000n, 'Europe/Berlin')),
  ],
  [
    'dateInZone "2006-01-02 15:04 Z0700 MST" 1700000000 "Asia/Dubai"',
    () => p(f('dateInZone', '2006-01-02 15:04 Z0700 MST', 1700000000n, 'Asia/Dubai')),
  ],
  [
    'dateInZone "2006-01-02 15:04 MST" 1700000000 "Nowhere/City"',
    () => p(f('dateInZone', '2006-01-02 15:04 MST', 1700000000n, 'Nowhere/City')),
  ],
  ['htmlDate 86400', () => p(f('htmlDate', 86400n))],
  ['htmlDateInZone 0 "Asia/Tokyo"', () => p(f('htmlDateInZone', 0n, 'Asia/Tokyo'))],
  ['toDate "2006-01-02" "2024-03-05"', () => p(f('toDate', '2006-01-02', '2024-03-05'))],
  [
    'toDate "2006-01-02" "2024-03-05" | date "Jan 2, 2006"',
    () => p(f('date', 'Jan 2, 2006', f('toDate', '2006-01-02', '2024-03-05'))),
  ],
  [
    'toDate "2006-01-02T15:04:05Z07:00" "2024-03-05T10:00:00+02:00" | unixEpoch',
    () => p(f('unixEpoch', f('toDate', '2006-01-02T15:04:05Z07:00', '2024-03-05T10:00:00+02:00'))),
  ],
  [
    'toDate "2006-01-02T15:04:05Z07:00" "2024-03-05T10:00:00+02:00"',
    () => p(f('toDate', '2006-01-02T15:04:05Z07:00', '2024-03-05T10:00:00+02:00')),
  ],
  [
    'toDate "2006-01-02T15:04:05.999999999Z07:00" "2024-03-05T10:00:00.25Z"',
    () => p(f('toDate', '2006-01-02T15:04:05.999999999Z07:00', '2024-03-05T10:00:00.25Z')),
  ],
  [
    'toDate "02/01/2006 15:04" "05/03/2024 13:45" | date "Monday January 2 2006 03:04:05 PM"',
    () =>
      p(
        f(
          'date',
          'Monday January 2 2006 03:04:05 PM',
          f('toDate', '02/01/2006 15:04', '05/03/2024 13:45'),
        ),
      ),
  ],
  [
    'toDate "2006-01-02" "bad" | date "2006-01-02 15:04:05"',
    () => p(f('date', '2006-01-02 15:04:05', f('toDate', '2006-01-02', 'bad'))),
  ],
  [
    'dateModify "-1.5h" (toDate "2006-01-02" "2024-03-05") | date "2006-01-02 15:04"',
    () =>
      p(
        f(
          'date',
          '2006-01-02 15:04',
          f('dateModify', '-1.5h', f('toDate', '2006-01-02', '2024-03-05')),
        ),
      ),
  ],
  [
    'dateModify "bogus" (toDate "2006-01-02" "2024-03-05") | date "2006-01-02 15:04"',
    () =>
      p(
        f(
          'date',
          '2006-01-02 15:04',
          f('dateModify', 'bogus', f('toDate', '2006-01-02', '2024-03-05')),
        ),
      ),
  ],
  ['duration 3725', () => p(f('duration', 3725n))],
  ['duration "90"', () => p(f('duration', '90'))],
  ['duration 0', () => p(f('duration', 0n))],
  ['duration 1.5', () => p(f('duration', 1.5))],
  ['durationRound "2h10m"', () => p(f('durationRound', '2h10m'))],
  ['durationRound "400h"', () => p(f('durationRound', '400h'))],
  ['durationRound "9000h"', () => p(f('durationRound', '9000h'))],
  ['durationRound 3600000000000', () => p(f('durationRound', 3600000000000n))],
  ['durationRound "1.5s"', () => p(f('durationRound', '1.5s'))],
  ['typeOf now', () => p(f('typeOf', f('now')))],
  ['len (now | date "2006")', () => String((f('date', '2006', f('now')) as string).length)],
  [
    'urlParse "https://user:p%40ss@example.com:8443/a%20b/c?x=1&y=2#frag%20x" | toJson',
    () => j(f('urlParse', 'https://user:p%40ss@example.com:8443/a%20b/c?x=1&y=2#frag%20x')),
  ],
  [
    'urlParse "https://user:p%40ss@example.com:8443/a%20b/c?x=1&y=2#frag%20x" | urlJoin',
    () =>
      p(
        f(
          'urlJoin',
          f('urlParse', 'https://user:p%40ss@example.com:8443/a%20b/c?x=1&y=2#frag%20x'),
        ),
      ),
  ],
  [
    'urlParse "mailto:someone@example.com" | toJson',
    () => j(f('urlParse', 'mailto:someone@example.com')),
  ],
  [
    'urlParse "mailto:someone@example.com" | urlJoin',
    () => p(f('urlJoin', f('urlParse', 'mailto:someone@example.com'))),
  ],
  ['urlParse "/relative/path?q" | toJson', () => j(f('urlParse', '/relative/path?q'))],
  [
    'urlParse "/relative/path?q" | urlJoin',
    () => p(f('urlJoin', f('urlParse', '/relative/path?q'))),
  ],
  ['urlParse "http://[::1]:80/" | toJson', () => j(f('urlParse', 'http://[::1]:80/'))],
  [
    'urlParse "http://[::1]:80/" | urlJoin',
    () => p(f('urlJoin', f('urlParse', 'http://[::1]:80/'))),
  ],
  ['urlParse "postgres://db/name" | toJson', () => j(f('urlParse', 'postgres://db/name'))],
  [
    'urlParse "postgres://db/name" | urlJoin',
    () => p(f('urlJoin', f('urlParse', 'postgres://db/name'))),
  ],
  ['urlParse "//host/p" | toJson', () => j(f('urlParse', '//host/p'))],
  ['urlParse "//host/p" | urlJoin', () => p(f('urlJoin', f('urlParse', '//host/p')))],
  ['urlParse "a/b#c" | toJson', () => j(f('urlParse', 'a/b#c'))],
  ['urlParse "a/b#c" | urlJoin', () => p(f('urlJoin', f('urlParse', 'a/b#c')))],
  ['urlParse "http://h/ü?é#ü" | toJson', () => j(f('urlParse', 'http://h/ü?é#ü'))],
  ['urlParse "http://h/ü?é#ü" | urlJoin', () => p(f('urlJoin', f('urlParse', 'http://h/ü?é#ü')))],
  [
    'urlJoin (dict "scheme" "https" "host" "h:1" "path" "a b/c" "query" "x=1" "fragment" "f g" "userinfo" "u:p@w")',
    () =>
      p(
        f('urlJoin', {
          scheme: 'https',
          host: 'h:1',
          path: 'a b/c',
          query: 'x=1',
          fragment: 'f g',
          userinfo: 'u:p@w',
        }),
      ),
  ],
  ['urlJoin (dict "path" "a:b")', () => p(f('urlJoin', { path: 'a:b' }))],
  ['hello', () => p(f('hello'))],
  ['len (randAlphaNum 10)', () => String((f('randAlphaNum', 10n) as string).length)],
  [
    'regexMatch "^[0-9]{5}$" (randNumeric 5)',
    () => p(f('regexMatch', '^[0-9]{5}$', f('randNumeric', 5n))),
  ],
  ['len (uuidv4)', () => String((f('uuidv4') as string).length)],
]

// Chart idioms, rendered only through the engine (pipelines, variables, literals).
const idioms: string[] = [
  '.Values.name | trunc 10 | trimSuffix "-"',
  'printf "%s-%s" .Values.name "svc" | trunc 63 | trimSuffix "-"',
  'printf "%d" (.Values.int | int)',
  'printf "%v %s %q %.1f" .Values.big .Values.str .Values.str .Values.float',
  'ternary "a" "b" (eq .Values.str "042")',
  'default (dict "x" 1) .Values.missing | toJson',
  '$d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $d | toJson',
  'range $i, $e := until 3 }}{{ $i }}:{{ $e }},{{ end',
  'list "b" "a" "c" | sortAlpha | join ","',
  'semverCompare ">=1.21-0" "v1.30.2"',
  'regexReplaceAll "[^a-z0-9]+" (lower "My App_1") "-" | trimAll "-"',
  'include "x" . | default "none"',
  'tuple 1 2 | len',
  '.Values.nested | keys | sortAlpha | join ","',
  'index (splitList "." "a.b.c") 1',
  'add 1 (len (list 1 2)) (.Values.int | int)',
  'mul .Values.float 3 | printf "%d"',
  'mulf .Values.float 3 | printf "%.2f"',
  'float64 .Values.int | printf "%v"',
  'toString 3 | quote',
  'indent 2 "x" | quote',
  'repeat 2.0 "ab"',
  'round 2.5 0 1',
  'b64enc "user:pass" | b64dec',
  'sha256sum (toJson .Values.nested) | trunc 10',
  'dict "k" (list 1 "a") | toJson | fromJson | toJson',
  'empty .Values.missing',
  'coalesce .Values.missing .Values.zero .Values.name',
  'hasKey .Values "nested"',
  'get .Values.nested "a"',
  'pick .Values "int" "str" | toJson',
  'omit .Values.nested "a" | toJson',
  'concat (list 1) (list .Values.int) | toJson',
  'kindOf .Values',
  'deepCopy .Values.nested | toJson',
  'quote .Values.missing',
  'toDate "2006-01-02" "2024-03-05" | date "02 Jan 06"',
  '(semver "1.2.3-rc.1").Prerelease',
  '(toDate "2006-01-02" "2024-03-05").Year',
  'uniq (list .Values.int 42 .Values.int) | len',
]

// Conversions of awkward strings, the cast and strconv corner cases.
for (const fn of ['int', 'int64', 'atoi', 'toDecimal', 'float64']) {
  for (const str of [
    '',
    ' ',
    '+1',
    '-0',
    '0x',
    '0b2',
    '08',
    '0o8',
    '1e3',
    '1.0',
    '1.00',
    '-1.0',
    '9223372036854775807',
    '9223372036854775808',
    '-9223372036854775808',
    '0_1',
    '0x_1',
    '1__0',
    '١',
    '1 ',
    'true',
    '0X1f',
    '-0x10',
    '0B101',
    '00',
    '0.',
  ]) {
    cases.push([`${fn} ${JSON.stringify(str)}`, () => p(f(fn, str))])
  }
}

// Expressions that must fail in Helm and in Slipway.
const failing: [string, () => unknown][] = [
  ['trunc 5 .Values.int', () => f('trunc', 5n, V.int)],
  ['trunc 5 nil', () => f('trunc', 5n, null)],
  ['substr 5 1 "abc"', () => f('substr', 5n, 1n, 'abc')],
  ['first "abc"', () => f('first', 'abc')],
  ['div 1 0', () => f('div', 1n, 0n)],
  ['repeat -1 "a"', () => f('repeat', -1n, 'a')],
  ['regexFind "(?=a)" "a"', () => f('regexFind', '(?=a)', 'a')],
  ['regexFind "(a)\\\\1" "aa"', () => f('regexFind', '(a)\\1', 'aa')],
  ['mustRegexMatch "[" "a"', () => f('mustRegexMatch', '[', 'a')],
  ['ternary 1 2 "true"', () => f('ternary', 1n, 2n, 'true')],
  ['b64enc 12', () => f('b64enc', 12n)],
  ['dig "a" "b" "x"', () => f('dig', 'a', 'b', 'x')],
  ['semverCompare ">=1.0" "abc"', () => f('semverCompare', '>=1.0', 'abc')],
  ['semverCompare "foo" "1.0.0"', () => f('semverCompare', 'foo', '1.0.0')],
  ['mustToDate "2006-01-02" "2024-13-05"', () => f('mustToDate', '2006-01-02', '2024-13-05')],
  ['mustDateModify "x" now', () => f('mustDateModify', 'x', f('now'))],
  ['unixEpoch "x"', () => f('unixEpoch', 'x')],
  ['urlParse "http://a b.com/%zz"', () => f('urlParse', 'http://a b.com/%zz')],
  ['urlJoin (dict "host" 1)', () => f('urlJoin', { host: 1n })],
  ['addf "inf" 1', () => f('addf', 'inf', 1n)],
  ['concat (list 1) "a"', () => f('concat', [1n], 'a')],
  ['slice (list 1 2) 1 5', () => f('slice', [1n, 2n], 1n, 5n)],
]

describe('Sprig functions against helm template', () => {
  let helmOut: string[] = []
  beforeAll(async () => {
    helmOut = await helmProbe(
      cases.map(([e]) => `{{ ${e} }}`),
      valuesYaml,
    )
  })

  it.each(cases.map(([e, ts], i) => [e, ts, i] as const))('%s', (_e, ts, i) => {
    expect(ts()).toBe(helmOut[i])
  })

  // The same expressions through Slipway's template engine: literals, pipelines, signatures.
  it.each(cases.map(([e], i) => [e, i] as const))('engine: %s', (e, i) => {
    const set = new TemplateSet({ funcs: { ...sprigFuncs, ...encodingFuncs } })
    set.parse('probe', `{{ ${e} }}`)
    expect(set.execute('probe', { Values: structuredClone(V) })).toBe(helmOut[i])
  })

  describe('chart idioms through the engine', () => {
    let idiomOut: string[] = []
    beforeAll(async () => {
      idiomOut = await helmProbe(
        idioms.map((e) => `{{- define "x" }}{{ end }}{{ ${e} }}`),
        valuesYaml,
      )
    })
    it.each(idioms.map((e, i) => [e, i] as const))('%s', (e, i) => {
      const set = new TemplateSet({
        funcs: {
          ...sprigFuncs,
          ...encodingFuncs,
          include: (name: string) => set.execute(name, null),
        },
      })
      set.parse('probe', `{{- define "x" }}{{ end }}{{ ${e} }}`)
      expect(set.execute('probe', { Values: structuredClone(V) })).toBe(idiomOut[i])
    })
  })

  it.each(failing)('%s fails', async (expr, ts) => {
    expect(await helmFails(expr)).toBe(true)
    expect(ts).toThrow()
    const set = new TemplateSet({ funcs: { ...sprigFuncs, ...encodingFuncs } })
    set.parse('probe', `x: {{ ${expr} }}`)
    expect(() => set.execute('probe', { Values: structuredClone(V) })).toThrow()
  })
})
