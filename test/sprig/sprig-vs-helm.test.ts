import { sprigFuncs, type GoMap } from '@slipway/gotemplate'
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
    return '{' + Object.keys(o).sort().map((k) => JSON.stringify(k) + ':' + j(o[k])).join(',') + '}'
  }
  return JSON.stringify(v)
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
  ['compact (list 1 0 "" nil "a" false (list)) | toJson', () => j(f('compact', [1n, 0n, '', null, 'a', false, []]))],
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
  ['pluck "a" (dict "a" 1) (dict "b" 2) (dict "a" 3) | toJson', () => j(f('pluck', 'a', { a: 1n }, { b: 2n }, { a: 3n }))],
  ['keys (dict "b" 1 "a" 2) | sortAlpha | toJson', () => j(f('sortAlpha', f('keys', { b: 1n, a: 2n })))],
  ['pick (dict "a" 1 "b" 2 "c" 3) "a" "c" "z" | toJson', () => j(f('pick', { a: 1n, b: 2n, c: 3n }, 'a', 'c', 'z'))],
  ['omit (dict "a" 1 "b" 2 "c" 3) "a" | toJson', () => j(f('omit', { a: 1n, b: 2n, c: 3n }, 'a'))],
  [
    'merge (dict "a" 1 "e" "" "n" (dict "x" 1) "l" (list)) (dict "a" 2 "b" 3 "e" "z" "n" (dict "y" 2) "l" (list 1)) | toJson',
    () => j(f('merge', { a: 1n, e: '', n: { x: 1n }, l: [] }, { a: 2n, b: 3n, e: 'z', n: { y: 2n }, l: [1n] })),
  ],
  [
    'mergeOverwrite (dict "a" 1 "e" "x" "n" (dict "x" 1) "s" "str" "k" 1) (dict "a" 2 "e" "" "n" (dict "y" 2) "s" (dict "m" 1) "k" nil) | toJson',
    () => j(f('mergeOverwrite', { a: 1n, e: 'x', n: { x: 1n }, s: 'str', k: 1n }, { a: 2n, e: '', n: { y: 2n }, s: { m: 1n }, k: null })),
  ],
  [
    'merge (dict "s" "str" "m" (dict "x" 1) "l" (list 1) "z" (dict)) (dict "s" (dict "a" 1) "m" "str" "l" (list 2) "z" (dict "q" 1) "f" false) | toJson',
    () => j(f('merge', { s: 'str', m: { x: 1n }, l: [1n], z: {} }, { s: { a: 1n }, m: 'str', l: [2n], z: { q: 1n }, f: false })),
  ],
  [
    'mergeOverwrite (dict "m" (dict "x" 1) "l" (list 1) "z" (dict) "e" 1) (dict "m" "str" "l" (list 2 3) "z" (dict "q" 1) "e" 0) | toJson',
    () => j(f('mergeOverwrite', { m: { x: 1n }, l: [1n], z: {}, e: 1n }, { m: 'str', l: [2n, 3n], z: { q: 1n }, e: 0n })),
  ],
  [
    'mergeOverwrite (dict "a" (dict "b" (dict "c" 1 "d" 2))) (dict "a" (dict "b" (dict "c" 3))) (dict "a" (dict "e" 5)) | toJson',
    () => j(f('mergeOverwrite', { a: { b: { c: 1n, d: 2n } } }, { a: { b: { c: 3n } } }, { a: { e: 5n } })),
  ],
  ['dig "a" "b" "def" (dict "a" (dict "b" 1))', () => p(f('dig', 'a', 'b', 'def', { a: { b: 1n } }))],
  ['dig "a" "c" "def" (dict "a" (dict "b" 1))', () => p(f('dig', 'a', 'c', 'def', { a: { b: 1n } }))],
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
  ['deepEqual (list 1 (dict "a" 2)) (list 1 (dict "a" 2))', () => p(f('deepEqual', [1n, { a: 2n }], [1n, { a: 2n }]))],
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
  ['regexReplaceAll "(a+)b" "xaab" "${1}Z"', () => p(f('regexReplaceAll', '(a+)b', 'xaab', '${1}Z'))],
  ['regexReplaceAll "(a+)b" "xaab" "$1W"', () => p(f('regexReplaceAll', '(a+)b', 'xaab', '$1W'))],
  ['regexReplaceAll "a*" "baaac" "-"', () => p(f('regexReplaceAll', 'a*', 'baaac', '-'))],
  ['regexReplaceAll "(?P<x>\\\\w+)@" "me@x" "<$x>"', () => p(f('regexReplaceAll', '(?P<x>\\w+)@', 'me@x', '<$x>'))],
  ['regexReplaceAll "(?i)HELLO" "say hello" "bye"', () => p(f('regexReplaceAll', '(?i)HELLO', 'say hello', 'bye'))],
  ['regexReplaceAll "\\\\s+" "a \\u00a0 b\\tc" "_"', () => p(f('regexReplaceAll', '\\s+', 'a \u00a0 b\tc', '_'))],
  ['regexReplaceAll "[[:upper:]]" "aBcD" "x"', () => p(f('regexReplaceAll', '[[:upper:]]', 'aBcD', 'x'))],
  ['regexReplaceAll "a.c" "a\\nc abc" "X"', () => p(f('regexReplaceAll', 'a.c', 'a\nc abc', 'X'))],
  ['regexReplaceAll "^-+|-+$" "--a-b--" ""', () => p(f('regexReplaceAll', '^-+|-+$', '--a-b--', ''))],
  ['regexReplaceAll "[^a-z0-9-]" "My_App.v1" "-"', () => p(f('regexReplaceAll', '[^a-z0-9-]', 'My_App.v1', '-'))],
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
  ['hello', () => p(f('hello'))],
  ['len (randAlphaNum 10)', () => String((f('randAlphaNum', 10n) as string).length)],
  ['regexMatch "^[0-9]{5}$" (randNumeric 5)', () => p(f('regexMatch', '^[0-9]{5}$', f('randNumeric', 5n)))],
  ['len (uuidv4)', () => String((f('uuidv4') as string).length)],
]

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
  ['dig "a" "b" .Values', () => f('dig', 'a', 'b', 'x')],
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

  it.each(failing)('%s fails', async (expr, ts) => {
    expect(await helmFails(expr)).toBe(true)
    expect(ts).toThrow()
  })
})
