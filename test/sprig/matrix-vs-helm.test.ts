import { encodingFuncs, sprigFuncs, TemplateSet, type GoMap } from '@slipway/gotemplate'
import { beforeAll, describe, expect, it } from 'vitest'
import { helmProbe } from './probe.ts'

// Every function of a group applied to every kind of value, through the engine, against helm.
const valuesYaml = `vals:
  f: 1.5
  fi: 3
  fbig: 1e7
  fneg: -2.25
  s: "a b"
  snum: "12"
  sempty: ""
  t: true
  fl: false
  n: null
  l: [1, "x", null, [2], {k: v}]
  le: []
  m: {b: 2, a: [1], c: {d: null}}
  me: {}
`
const V: GoMap = {
  vals: {
    f: 1.5,
    fi: 3,
    fbig: 1e7,
    fneg: -2.25,
    s: 'a b',
    snum: '12',
    sempty: '',
    t: true,
    fl: false,
    n: null,
    l: [1, 'x', null, [2], { k: 'v' }],
    le: [],
    m: { b: 2, a: [1], c: { d: null } },
    me: {},
  },
}
const operands = [
  ...Object.keys(V.vals as object).map((k) => `.Values.vals.${k}`),
  '7',
  '"lit"',
  'nil',
  '(list 1 2)',
  '(dict "z" 1)',
]
const unary = [
  'quote',
  'squote',
  'toString',
  'toStrings',
  'typeOf',
  'kindOf',
  'empty',
  'int',
  'int64',
  'float64',
  'toJson',
  'default "D"',
  'join "/"',
  'sortAlpha',
  'print',
  'printf "%v|%s|%d|%q"',
  'cat "x"',
  'add1',
  'max 2',
  'addf 0.25',
  'toDecimal',
  'coalesce nil',
  'ternary 1 2 true |',
  'list 1',
  'deepCopy',
  'has 1',
  'compact',
  'uniq',
  'first',
  'last',
  'rest',
  'initial',
  'reverse',
  'without 1',
  'chunk 2',
  'slice',
  'append',
  'concat (list 0)',
  // keys and values are in random order in Go
  'pick',
  'omit',
  'hasKey',
  'get',
  'merge (dict "q" 1)',
  'mergeOverwrite (dict "q" 1)',
  'dig "a" "x"',
  'trunc 3',
  'upper',
  'b64enc',
  'sha1sum',
  'trim',
  'title',
  'indent 1',
  'replace "a" "b"',
  'contains "a"',
  'splitList " "',
  'regexMatch "a"',
  'semverCompare ">=1"',
  'atoi',
  'mul 2',
  'div 7',
  'mod 7',
  'sub 1',
  'min 0',
  'round',
  'ceil',
  'floor',
  'maxf 0',
  'mulf 2',
  'divf 3',
  'subf 1',
  'len',
  'not',
  'eq 1',
  'eq 1.5',
  'eq "a b"',
  'index',
  'urlquery',
  'html',
  'js',
]
const binary = [
  'default',
  'coalesce',
  'has',
  'without',
  'concat',
  'merge',
  'mergeOverwrite',
  'add',
  'sub',
  'mul',
  'div',
  'mod',
  'addf',
  'subf',
  'mulf',
  'divf',
  'max',
  'min',
  'maxf',
  'minf',
  'contains',
  'hasPrefix',
  'trimSuffix',
  'trimAll',
  'join',
  'split',
  'splitList',
  'indent',
  'trunc',
  'repeat',
  'printf "%v %v"',
  'print',
  'dict',
  'list',
  'quote',
  'cat',
  'semverCompare',
  'regexMatch',
  'typeIs',
  'kindIs',
  'deepEqual',
  'pluck',
  'get',
  'hasKey',
  'omit',
  'pick',
  'eq',
  'ne',
  'lt',
  'and',
  'or',
  'index',
  'ternary "y" "n"',
]
const few = [
  '.Values.vals.f',
  '.Values.vals.fi',
  '.Values.vals.s',
  '.Values.vals.snum',
  '.Values.vals.t',
  '.Values.vals.n',
  '.Values.vals.l',
  '.Values.vals.m',
  '3',
  '"b"',
  '(list 3 "b")',
  '(dict "b" 3)',
]
const exprs: string[] = []
for (const u of unary)
  for (const o of operands) exprs.push(u.endsWith('|') ? `${o} | ${u.slice(0, -1)}` : `${u} ${o}`)
for (const b of binary) for (const x of few) for (const y of few) exprs.push(`${b} ${x} ${y}`)

// Helm renders every expression against the same values, so mutations (merge, set) carry over:
// Slipway renders them in the same order against one shared copy.
const shared = structuredClone(V)

function render(expr: string): string {
  const set = new TemplateSet({ funcs: { ...sprigFuncs, ...encodingFuncs } })
  set.parse('probe', `{{ ${expr} }}`)
  try {
    return set.execute('probe', { Values: shared }).replaceAll('<no value>', '')
  } catch {
    return '<error>'
  }
}

/** Helm's output per expression, or `<error>` where helm fails on it (one run per failure). */
async function helmRender(all: string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>()
  let pending = all.slice()
  while (pending.length > 0) {
    try {
      const out = await helmProbe(
        pending.map((e) => `{{ ${e} }}`),
        valuesYaml,
      )
      pending.forEach((e, i) => result.set(e, out[i]!.replaceAll('<no value>', '')))
      return result
    } catch (err) {
      const line = /probe\.yaml:(\d+):/.exec(String(err))
      if (line === null) throw err
      const failed = pending[Number(line[1]) - 2]! // line 1 is the guard line
      result.set(failed, '<error>')
      pending = pending.filter((e) => e !== failed)
    }
  }
  return result
}

// Boundary arguments: zero, negative and out-of-range counts, empty inputs.
const edges = [
  'trunc 0 "abc"',
  'trunc -10 "abc"',
  'substr 0 0 "abc"',
  'substr 3 3 "abc"',
  'substr -5 -5 "abc"',
  'indent 0 "a"',
  'nindent -1 "a"',
  'wrap 0 "a b c"',
  'wrap -1 "ab cd"',
  'wrapWith 2 "" "a b c"',
  'abbrev 3 "abcdef"',
  'abbrev 4 "abcdef"',
  'abbrevboth 0 4 "abcdefgh"',
  'abbrevboth 5 6 "abcdefghijkl"',
  'splitn "," 0 "a,b"',
  'splitn "," -1 "a,b,c"',
  'splitList "" ""',
  'split "" ""',
  'regexSplit "," "a,b" 0',
  'regexSplit "," "" -1',
  'regexFindAll "a" "aaa" 0',
  'regexFind "" ""',
  'until 0',
  'untilStep 0 5 0',
  'untilStep 5 0 -2',
  'untilStep 5 0 2',
  'seq 0',
  'seq 1 1',
  'seq 3 1 1',
  'chunk 0 (list 1 2)',
  'chunk -1 (list 1 2)',
  'chunk 5 (list)',
  'slice (list 1 2) 2',
  'slice (list 1 2) 2 1',
  'slice (list) 0 0',
  'first (list)',
  'last (list)',
  'uniq (list)',
  'without (list) 1',
  'repeat 0 "a"',
  'initials ""',
  'initials "  a  b "',
  'nospace ""',
  'title ""',
  'untitle ""',
  'camelcase ""',
  'snakecase ""',
  'kebabcase ""',
  'swapcase ""',
  'trim ""',
  'trimAll "" "abc"',
  'trimAll "abc" "cabbage"',
  'replace "" "" "abc"',
  'plural "a" "b" 1',
  'plural "a" "b" -1',
  'randAlphaNum 0 | len',
  'randAlphaNum -1',
  'randInt 5 5',
  'randInt 5 6',
  'div 0 1',
  'mod 1 0',
  'div -9223372036854775808 -1',
  'mul 9223372036854775807 2',
  'add1 9223372036854775807',
  'round 1.005 2',
  'round -0.5 0',
  'round 2.5 -1',
  'ceil "x"',
  'floor nil',
  'divf 1 0',
  'divf 0 0',
  'maxf',
  'max',
  'min 1',
  'biggest 1 nil',
  'addf',
  'mulf 1',
  'subf 1',
  'add',
  'mul 3',
  'quote',
  'squote',
  'cat',
  'coalesce',
  'all',
  'any',
  'list',
  'dict',
  'dict "a"',
  'concat',
  'merge (dict)',
  'pluck "a"',
  'keys',
  'b64dec ""',
  'b32dec ""',
  'b64enc ""',
  'sha256sum ""',
  'toString ""',
  'toStrings (list)',
  'join "," (list)',
  'sortAlpha (list)',
  'has nil (list nil)',
  'has (list 1) (list (list 1))',
  'without (list nil 1) nil',
  'uniq (list nil nil (dict) (dict))',
  'deepEqual nil nil',
  'deepEqual (list) (list)',
  'deepEqual (dict) (dict "a" nil)',
  'typeOf (b64dec "aGk=")',
  'kindOf (semver "1.0.0")',
  'typeOf (toDate "2006" "2024")',
  'semverCompare "" "1.0.0"',
  'semverCompare "x" "1.0.0"',
  'semverCompare ">1.0.0 <" "1.0.0"',
  'semverCompare "^0.0" "0.0.5"',
  'semverCompare "~0" "0.9.0"',
  'semverCompare "<=1.2.x" "1.2.9"',
  'semverCompare "!=1.x" "1.5.0"',
  'semverCompare ">= 1.0 || < 0.5" "0.7.0"',
  'semver "01.2.3"',
  'semver "1.2.3.4"',
  'semver "v1"',
  'semver "1.2.3-01"',
  'semver "1.2.3+build.01"',
  'urlParse ""',
  'urlParse "http://[::1"',
  'urlParse "%"',
  'base "/"',
  'dir "/"',
  'dir ""',
  'ext "."',
  'clean "."',
  'clean "//a//"',
  'clean "../../a/.."',
  'isAbs ""',
  'date "2006" "x"',
  'htmlDate nil | len',
  'dateInZone "MST" 0 ""',
  'dateInZone "MST" 0 "Local"',
  'toDate "2006-01-02" "2024-02-30"',
  'toDate "Jan 2 2006" "feb 3 2024"',
  'toDate "15:04" "25:00"',
  'duration ""',
  'duration "-5"',
  'duration "9223372036"',
  'duration "9223372037"',
  'durationRound ""',
  'durationRound "-3h"',
  'durationRound "1ns"',
  'durationRound "1y"',
  'printf "%[3]d %d" 1 2 3',
  'printf "%[0]d" 1',
  'printf "%[x]d" 1',
  'printf "%.[2]d" 1 2',
  'printf "%[2]*[1]d" 12 5',
  'printf "%-010d|" 5',
  'printf "%#x %#X % x" "hi" "hi" "hi"',
  'printf "%x %X" (list 10 255) (list "a")',
  'printf "% d|% d" 5 -5',
  'printf "%5t|%-6t|" true false',
  'printf "%08.3s|" "abcdef"',
  'printf "%-8q|" "a"',
  'printf "%#o %#x %#b" 0 0 5',
  'printf "%#U" 7',
  'printf "%c|%c" -1 1114112',
  'printf "%v" (list nil (dict "a" nil))',
  'printf "%d" true',
  'printf "%z" 1',
  'printf "%-"',
  'printf "%.*d|" -1 5',
  'printf "%*d|" -3 5',
  'printf "%.d|" 0',
  'printf "%.0d|%5.0d|" 0 0',
  'printf "%e %E" 0.0 -0.0',
  'printf "%g %G" 1e-7 1e21',
  'printf "%.3g|%.10g|%g" 1234.5678 1.0 100000.0',
  'printf "%8.2e|%-12.4E|" 12345.678 0.000123',
  'printf "%+.0f|% .1f|%+08.2f" 2.5 -1.25 3.14159',
  'printf "%v %v %v" 1e20 1e21 123456789.0',
  'printf "%s" 1.5',
  'printf "%q" 1.5',
  'printf "%x" -1',
  'printf "%o %O" 64 64',
  'printf "%b" -5',
  'printf "%t" "true"',
  'printf "%s %s" "a"',
  'printf "%d %d" 1 2 3',
  'printf "%!d" 1',
  'printf "%[1]d %[1]q" 65',
  'printf "%T %T %T" nil (b64dec "aGk=") (semver "1.0.0")',
  'printf "%v|%s|%d" (semver "1.2.3") (semver "1.2.3") (semver "1.2.3")',
  'printf "%6.2f%%" 12.3456',
  'print nil nil',
  'print "a" nil "b"',
  'print 1 "a" 2',
  'println',
  'println nil',
  'print',
  'regexFindAll `\\bfoo\\b` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `\\bfoo\\b` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `(?s)a.b` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `(?s)a.b` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `(?m)^x` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `(?m)^x` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `(?m)x$` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `(?m)x$` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `x\\z` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `x\\z` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `\\Ax` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `\\Ax` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `[^\\n]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `[^\\n]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `x{2,}` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `x{2,}` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `a+?` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `a+?` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `a|ab` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `a|ab` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `(?P<n>a)(?<m>b)` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `(?P<n>a)(?<m>b)` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `\\Q.*\\E` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `\\Q.*\\E` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `\\101` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `\\101` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `\\x{41}` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `\\x{41}` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `[\\d-z]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `[\\d-z]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `[a-]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `[a-]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `[]a]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `[]a]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `[^]a]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `[^]a]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `a{,3}` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `a{,3}` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `{` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `{` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `}` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `}` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `\\pL+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `\\pL+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `\\PL+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `\\PL+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `(?i)é` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `(?i)é` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `(?U)a+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `(?U)a+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `(?i:A)b` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `(?i:A)b` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `[[:word:]]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `[[:word:]]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `\\S+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `\\S+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `[\\S]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `[\\S]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `[\\W]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `[\\W]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `\\.` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `\\.` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `\\-` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `\\-` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `[\\-a]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `[\\-a]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `a\\/b` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `a\\/b` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `^$` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `^$` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `()` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `()` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `(a*)*` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `(a*)*` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `[[:alpha:][:digit:]]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `[[:alpha:][:digit:]]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `\\p{Greek}+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `\\p{Greek}+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
  'regexFindAll `(?i)[a-c]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" -1 | join "|"',
  'regexReplaceAll `(?i)[a-c]+` "foo xx\\nx\\nA-b ab aab .*é É {} a/b αβγ ABC 123 _\\t" "<${0}>"',
]

describe('boundary arguments against helm template', () => {
  let helmOut = new Map<string, string>()
  const ours = new Map(edges.map((e) => [e, render(e)]))
  beforeAll(async () => {
    helmOut = await helmRender(edges)
  }, 300_000)

  it('renders and fails exactly where helm does', () => {
    const diffs = edges.map((e) => [e, ours.get(e), helmOut.get(e)]).filter(([, a, b]) => a !== b)
    expect(diffs).toEqual([])
  })
})

describe('function matrix against helm template', () => {
  const ours = new Map(exprs.map((e) => [e, render(e)]))
  const renders = exprs.filter((e) => ours.get(e) !== '<error>')
  // Where Slipway fails, check helm fails too for one expression per function (one helm run each).
  const seen = new Set<string>()
  const fails = exprs.filter((e) => {
    const name = e.split(' ')[0]!
    if (ours.get(e) !== '<error>' || seen.has(name)) return false
    seen.add(name)
    return true
  })
  let helmOut = new Map<string, string>()
  beforeAll(async () => {
    helmOut = await helmRender(renders)
    for (const e of fails) helmOut.set(e, (await helmRender([e])).get(e)!)
  }, 300_000)

  it('renders what helm renders, and fails where helm fails', () => {
    const diffs = [...renders, ...fails]
      .map((e) => [e, ours.get(e), helmOut.get(e)])
      .filter(([, a, b]) => a !== b)
    expect(diffs).toEqual([])
    expect(renders.length).toBeGreaterThan(3000)
  })
})
