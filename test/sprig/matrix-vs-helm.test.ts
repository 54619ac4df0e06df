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
