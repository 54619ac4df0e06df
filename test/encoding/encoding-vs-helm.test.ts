import { beforeAll, describe, expect, it } from 'vitest'
import {
  decodeYaml,
  encodingFuncs,
  encodeToml,
  encodeYaml,
  fromJson,
  fromJsonArray,
  fromToml,
  fromYaml,
  fromYamlArray,
  toJson,
  toToml,
  toYaml,
  toYamlPretty,
  toPrettyJson,
  toRawJson,
  mustFromJson,
} from '../../packages/gotemplate/src/encoding/index.ts'
import { helmRender } from './probe.ts'

/**
 * Values that trip encoders: go-yaml's natural key order, YAML 1.1 specials, block scalars,
 * long lines, numbers of every shape, nested and empty collections, unicode.
 */
const VALUE_CASES: string[] = [
  'foo',
  '"yes"',
  '1',
  '1.5',
  '1e3',
  '0.000001',
  '0.0000001',
  '1234567',
  '1234567.5',
  '100000000',
  '-0.0',
  '1e21',
  '1e20',
  '12345678901234567890',
  '9007199254740993',
  '0755',
  '0x1F',
  '08',
  '.5',
  '+12',
  '1_000',
  '-1.5e-10',
  '""',
  'null',
  '~',
  'true',
  'yes',
  'Off',
  'n',
  '[]',
  '{}',
  '[1, "a", null, true, "on", "1.0", ""]',
  '{item10: 1, item9: 2, a: 3, B: 4, b1: 5, b01: 6, _x: 7, "1": 8, "-y": 9, "é": 10, Z: 11, a10b: 1, a9b: 2, x00: 1, x0: 2}',
  '{y: 1, n: 2, on: 3, 1.5: 4, 3.0: 5, 0x10: 6, 2024-01-02: 7}',
  '"a\\nb\\n"',
  '"a\\nb"',
  '" x\\ny"',
  '"a\\n\\nb\\n\\n"',
  '"\\n"',
  '"\\n\\n"',
  '"x: y"',
  '"- a"',
  '"#c"',
  '"@a"',
  '"`x"',
  '" lead"',
  '"trail "',
  '"a #b"',
  '"a#b"',
  '"a:b"',
  '"a: "',
  '": x"',
  '"?"',
  '"-"',
  '"--- x"',
  '"..."',
  '"[x]"',
  '"{x}"',
  '"a,b"',
  '"*a"',
  '"&a"',
  '"!a"',
  '"%a"',
  '"|a"',
  '">a"',
  '"2024-01-02"',
  '"2024-13-02"',
  '"2001-12-14t21:59:43.10-05:00"',
  '"0x10"',
  '"012"',
  '"08"',
  '"1:20"',
  '"190:20:30.15"',
  '"~"',
  '"null"',
  '"Yes"',
  '"yEs"',
  '".5"',
  '".inf"',
  '"-.INF"',
  '".nan"',
  '"1_000"',
  '"1e3"',
  '"+1"',
  '"0b101"',
  '"<<"',
  '"="',
  '"tab\\there"',
  '"emoji 😀 x"',
  '"日本語"',
  '"it\'s"',
  '"a\'b: c"',
  '"back\\\\slash"',
  '"quote\\"q"',
  '"ctl\\u0001x"',
  '"nbsp\\u00a0x"',
  '"bom\\ufeffx"',
  '"cr\\rx"',
  '"nel\\u0085x"',
  '"html <a href=\'x\'>&amp;</a>"',
  '"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."',
  '"x: Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."',
  '"yes Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et \\t dolore magna aliqua."',
  '"Loremipsumdolorsitamet,consecteturadipiscingelit,seddoeiusmodtemporincididuntutlaboreetdoloremagnaaliqua. and more"',
  '"words  with  double  spaces  that  go  on  for  quite  a  while  so  that  they  pass  eighty  columns  easily"',
  '{a: {b: {c: [1, [2, 3], {d: e, f: []}]}}, l: [{x: 1, y: [a, b]}, [], {}]}',
  '[[1, 2], [[3]], [{a: 1}], [[]], [{}]]',
  '{"multi": "line1\\n  line2\\n", "k": "trail \\nx", "lead": "\\n\\nx", "sp": "  two\\nlines  "}',
  '{"a\\nb": 1, "": 2, "key with spaces": 3, "yes": 4, "x: y": 5, "- k": 6, "null": 7}',
  '{"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk": 1}',
  '{long: "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua, Lorem ipsum dolor sit amet, consectetur adipiscing elit", nested: {deeper: {deepest: "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore"}}}',
  '[{name: a, value: "1"}, {name: b, valueFrom: {secretKeyRef: {name: s, key: k}}}]',
  '{config: "server {\\n  listen 80;\\n\\n  location / {\\n    root /usr/share;\\n  }\\n}\\n"}',
  '{ports: [80, 443], env: {A: "1", B: "true", C: "", D: ~}}',
  '{"ünï": {"çødé": "✓"}, "Ω": 1, "a": 2}',
  '{mixed: [1, {x: 1}], tables: [{a: 1}, {b: {c: 2}}], "a.b": 1, "k k": {"z z": 1}}',
]

const STRING_INPUTS: string[] = [
  'a: 1\nb: [x, y]\nc: {d: yes}\n',
  '- a\n- 1\n',
  'foo',
  '',
  '~',
  'null',
  'a: b: c',
  'a: &x 1\nb: *x\n',
  'a: .inf\n',
  '{"a": 1, "b": [1.5, "x"], "c": null}',
  '[1, "2", 3.5]',
  '{"a" 1}',
  '[1',
  '-',
  '"a\\',
  'nul',
  '{"a":1} x',
  '{"a": 1e999}',
  'null',
  'true',
  '  ',
  '{"html": "<&>"}',
  '[]',
  '{}',
  'a = 1\nb = [1.5, "x"]\n[t]\nc = true\n',
  'a = ',
  'c = 1979-05-27T07:32:00Z\nd = 1979-05-27\ne = 07:32:00\nf = 1979-05-27T07:32:00.999-08:00\ng = 1979-05-27T07:32:00\nh = 1979-05-27T07:32:00.100+00:00\n[[t]]\nk = 1\n[[t]]\nk = 2\n',
]

let results: string[] = []
const exprs: string[] = []
const expected: (() => string)[] = []
let values: Record<string, unknown>

function add(expr: string, ours: () => string): void {
  exprs.push(expr)
  expected.push(ours)
}

const valuesYaml =
  VALUE_CASES.map((c, i) => `c${i}: ${c}`).join('\n') +
  '\n' +
  STRING_INPUTS.map((s, i) => `s${i}: ${JSON.stringify(s)}`).join('\n') +
  '\nspecial: "del\\u007fx"\n'

describe('encoding functions against helm template', () => {
  beforeAll(async () => {
    values = decodeYaml(valuesYaml) as Record<string, unknown>
    VALUE_CASES.forEach((_, i) => {
      const v = () => values[`c${i}`]
      add(`toYaml .Values.c${i}`, () => toYaml(v()))
      add(`toJson .Values.c${i}`, () => toJson(v()))
      add(`toToml (dict "v" .Values.c${i})`, () => toToml({ v: v() }))
      add(`toYamlPretty .Values.c${i}`, () => toYamlPretty(v()))
      add(`toPrettyJson .Values.c${i}`, () => toPrettyJson(v()))
      add(`toRawJson .Values.c${i}`, () => toRawJson(v()))
      add(`fromYaml (toYaml (dict "v" .Values.c${i})) | toJson`, () =>
        toJson(fromYaml(toYaml({ v: v() }))),
      )
      add(`fromJson (toJson (dict "v" .Values.c${i})) | toJson`, () =>
        toJson(fromJson(toJson({ v: v() }))),
      )
    })
    STRING_INPUTS.forEach((_, i) => {
      const s = () => values[`s${i}`] as string
      add(`fromYaml .Values.s${i} | toJson`, () => toJson(fromYaml(s())))
      add(`fromYamlArray .Values.s${i} | toJson`, () => toJson(fromYamlArray(s())))
      add(`fromJson .Values.s${i} | toJson`, () => toJson(fromJson(s())))
      add(`fromJsonArray .Values.s${i} | toJson`, () => toJson(fromJsonArray(s())))
      // mustFromJson fails the render on bad input, so only well-formed inputs go to helm.
      let wellFormed = true
      try {
        mustFromJson(STRING_INPUTS[i]!)
      } catch {
        wellFormed = false
      }
      if (wellFormed) add(`mustFromJson .Values.s${i} | toJson`, () => toJson(mustFromJson(s())))
    })
    const ordinary = () =>
      Object.fromEntries(Object.entries(values).filter(([k]) => k !== 'special'))
    add('toYaml (omit .Values "special")', () => toYaml(ordinary()))
    add('toJson .Values', () => toJson(values))
    add('toToml .Values', () => toToml(values))
    // encoding/json writes U+007F raw and go-yaml's reader refuses it: toYaml gives "".
    add('toYaml .Values.special', () => toYaml(values.special))
    add('toYaml .Values', () => toYaml(values))
    add('toToml (list 1 2)', () => toToml([1n, 2n]))
    add('toToml (dict "a" (list 1 nil))', () => toToml({ a: [1n, null] }))
    add('toToml (dict "i" 3 "f" 3.0 "big" 100000000.0)', () =>
      toToml({ i: 3n, f: 3, big: 100000000 }),
    )
    add('toJson (list 1 2.5 nil "<" (dict "b" 1 "a" 2))', () =>
      toJson([1n, 2.5, null, '<', { b: 1n, a: 2n }]),
    )
    add('toYaml (list "a" 1 true nil "yes" "1.0" "")', () =>
      toYaml(['a', 1n, true, null, 'yes', '1.0', '']),
    )
    add('fromToml .Values.s24 | toJson', () => toJson(fromToml(values.s24 as string)))
    add('fromToml .Values.s26 | toJson', () => toJson(fromToml(values.s26 as string)))
    add('fromToml .Values.s26 | toYaml', () => toYaml(fromToml(values.s26 as string)))
    results = await helmRender(exprs, valuesYaml)
  }, 120_000)

  it('matches helm byte for byte on every expression', () => {
    const diffs: string[] = []
    exprs.forEach((e, i) => {
      const ours = expected[i]!()
      if (ours !== results[i])
        diffs.push(`${e}\n  helm: ${JSON.stringify(results[i])}\n  ours: ${JSON.stringify(ours)}`)
    })
    expect(diffs).toEqual([])
  })

  it('matches helm on the whole values tree indented with nindent', () => {
    const i = exprs.indexOf('toYaml (omit .Values "special")')
    const ordinary = Object.fromEntries(Object.entries(values).filter(([k]) => k !== 'special'))
    const nindent = (s: string) =>
      '\n' +
      s
        .split('\n')
        .map((l) => '  ' + l)
        .join('\n')
    expect(results[i]!.length).toBeGreaterThan(1000)
    expect(nindent(toYaml(ordinary))).toBe(nindent(results[i]!))
    expect(encodeYaml(ordinary)).toBe(results[i] + '\n')
  })

  it('exposes every Helm encoding function by name', () => {
    expect(Object.keys(encodingFuncs).sort()).toEqual(
      [
        'fromJson',
        'fromJsonArray',
        'fromToml',
        'fromYaml',
        'fromYamlArray',
        'toJson',
        'toToml',
        'toYaml',
        'toYamlPretty',
      ].sort(),
    )
    expect(encodeToml({ a: 1 })).toBe('a = 1.0\n')
    expect(toYamlPretty({ l: [1n] })).toBe('l:\n  - 1')
  })
})
