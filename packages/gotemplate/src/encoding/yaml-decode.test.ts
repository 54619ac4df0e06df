import { describe, expect, it } from 'vitest'
import { decodeYaml, decodeYamlDocuments, decodeYamlMap } from './yaml-decode.ts'
import { EncodingError } from './errors.ts'

describe('decodeYaml', () => {
  const cases: [string, unknown][] = [
    ['', null],
    ['# only a comment\n', null],
    ['~\n', null],
    [
      'a: 1\nb: 1.5\nc: 3.0\nd: 1e3\ne: 0755\nf: 0x1F\ng: -0x10\nh: 08\ni: 1_000\nj: 0b101\nk: +7\n',
      {
        a: 1,
        b: 1.5,
        c: 3,
        d: 1000,
        e: 493,
        f: 31,
        g: -16,
        h: 8,
        i: 1000,
        j: 5,
        k: 7,
      },
    ],
    [
      'big: 9007199254740993\nhuge: 12345678901234567890\nover: 1e400\n',
      {
        big: 9007199254740992,
        huge: 12345678901234567000,
        over: '1e400',
      },
    ],
    [
      'a: yes\nb: No\nc: ON\nd: off\ne: y\nf: N\ng: True\nh: yEs\ni: "yes"\n',
      {
        a: true,
        b: false,
        c: true,
        d: false,
        e: true,
        f: false,
        g: true,
        h: 'yEs',
        i: 'yes',
      },
    ],
    ['y: 1\nn: 2\non: 3\n', { true: 3, false: 2 }],
    [
      'a: ~\nb: null\nc: Null\nd:\ne: NULL\nf: nulL\n',
      { a: null, b: null, c: null, d: null, e: null, f: 'nulL' },
    ],
    [
      'd: 2024-01-02\nt: 2001-12-14t21:59:43.10-05:00\n',
      { d: '2024-01-02', t: '2001-12-14t21:59:43.10-05:00' },
    ],
    [
      '1: a\n1.5: b\n3.0: c\n0x10: d\ntrue: e\n1234567.0: f\n',
      {
        1: 'a',
        1.5: 'b',
        3: 'c',
        16: 'd',
        true: 'e',
        '1.234567e+06': 'f',
      },
    ],
    [
      'a: .5\nb: -.5\nc: .inf2\nd: 1.\ne: "1"\nf: \'0x1F\'\ng: !!str 12\nh: !!float 3\ni: !custom 7\n',
      {
        a: 0.5,
        b: -0.5,
        c: '.inf2',
        d: 1,
        e: '1',
        f: '0x1F',
        g: '12',
        h: 3,
        i: '7',
      },
    ],
    [
      'base: &b {x: 1, z: 2}\nother:\n  <<: *b\n  z: 3\n',
      { base: { x: 1, z: 2 }, other: { x: 1, z: 3 } },
    ],
    [
      'a: &a {k: a, p: 1}\nb: &b {k: b, q: 2}\nc:\n  <<: [*a, *b]\n',
      {
        a: { k: 'a', p: 1 },
        b: { k: 'b', q: 2 },
        c: { k: 'a', q: 2, p: 1 },
      },
    ],
    ['l: &l [1, 2]\nm: *l\n', { l: [1, 2], m: [1, 2] }],
    ['a: 1\na: 2\n', { a: 2 }],
    [
      'x: |\n  line1\n   line2\nw: >-\n  folded\n  text\n',
      { x: 'line1\n line2\n', w: 'folded text' },
    ],
    ['- a\n- [1, {b: c}]\n', ['a', [1, { b: 'c' }]]],
    ['a: 1\n---\nb: 2\n', { a: 1 }],
    ['neg: -0.0\n', { neg: -0 }],
    ['s: 1:20\nu: 日本\n', { s: '1:20', u: '日本' }],
    ['bin: !!binary aGVsbG8=\n', { bin: 'hello' }],
    ['__proto__: 1\n', JSON.parse('{"__proto__":1}')],
    [
      'a: [?x]\nb: [x:y]\nc: {x:y}\nd: x?y\ne: [http://x.com]\nf: {?k: v}\n',
      {
        a: [{ x: null }],
        b: ['x:y'],
        c: { 'x:y': null },
        d: 'x?y',
        e: ['http://x.com'],
        f: { k: 'v' },
      },
    ],
  ]
  it.each(cases)('decodes %j', (text, want) => {
    expect(decodeYaml(text)).toStrictEqual(want)
  })

  it('keeps a __proto__ key as data', () => {
    const v = decodeYaml('__proto__: {polluted: 1}\n') as Record<string, unknown>
    expect(Object.keys(v)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  const errors: [string, string, number | undefined][] = [
    [
      'a: b: c\n',
      'error converting YAML to JSON: yaml: mapping values are not allowed in this context',
      1,
    ],
    [
      'q: 1\nw: 2\na: b: c\n',
      'error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context',
      3,
    ],
    [
      'a:\n  b: 1\n c: 2\n',
      'error converting YAML to JSON: yaml: line 2: did not find expected key',
      3,
    ],
    [
      'a:\n\t- x\n',
      'error converting YAML to JSON: yaml: line 2: found character that cannot start any token',
      2,
    ],
    [
      'a: "unterminated\n',
      'error converting YAML to JSON: yaml: line 2: found unexpected end of stream',
      2,
    ],
    [
      'a: [1, 2\n',
      "error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'",
      2,
    ],
    [
      'a: {b: 1\n',
      "error converting YAML to JSON: yaml: line 1: did not find expected ',' or '}'",
      2,
    ],
    [
      'x:\n  - a\n  b: 1\n',
      "error converting YAML to JSON: yaml: line 2: did not find expected '-' indicator",
      3,
    ],
    [
      '- a\nb: c\n',
      "error converting YAML to JSON: yaml: line 1: did not find expected '-' indicator",
      2,
    ],
    [
      'q: 1\nw: 2\nkey: value\nother\n',
      "error converting YAML to JSON: yaml: line 5: could not find expected ':'",
      4,
    ],
    ['a: *nope\n', "error converting YAML to JSON: yaml: unknown anchor 'nope' referenced", 1],
    ['a: &x [*x]\n', "error converting YAML to JSON: yaml: anchor 'x' value contains itself", 1],
    ['a: .inf\n', 'error converting YAML to JSON: json: unsupported value: +Inf', undefined],
    [
      'a: !!int foo\n',
      'error converting YAML to JSON: yaml: cannot decode !!str `foo` as a !!int',
      1,
    ],
    [
      'a:\n  <<: 1\n',
      'error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value',
      2,
    ],
    ['a: [x?y]\n', "error converting YAML to JSON: yaml: did not find expected ',' or ']'", 1],
    ['a: {k?: v}\n', "error converting YAML to JSON: yaml: did not find expected ',' or '}'", 1],
    ['a: [a, :b]\n', 'error converting YAML to JSON: yaml: did not find expected node content', 1],
    ['a: x\u0001\n', 'error converting YAML to JSON: yaml: control characters are not allowed', 1],
  ]
  it.each(errors)('rejects %j', (text, message, line) => {
    let err: unknown
    try {
      decodeYaml(text, { file: 'values.yaml' })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(EncodingError)
    expect((err as EncodingError).message).toBe(message)
    expect((err as EncodingError).file).toBe('values.yaml')
    expect((err as EncodingError).line).toBe(line)
  })

  it('stops a billion-laughs document with a clear error', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (let i = 1; i < 9; i++) {
      const p = String.fromCharCode(96 + i)
      const n = String.fromCharCode(97 + i)
      lines.push(`${n}: &${n} [${Array(9).fill(`*${p}`).join(',')}]`)
    }
    expect(() => decodeYaml(lines.join('\n') + '\n')).toThrow(
      'error converting YAML to JSON: yaml: document contains excessive aliasing',
    )
  })

  it('reads every document of a stream', () => {
    expect(decodeYamlDocuments('a: 1\n---\n- 2\n---\n')).toStrictEqual([{ a: 1 }, [2], null])
  })
})

describe('decodeYamlMap', () => {
  it('gives {} for empty documents and Helm words for non-maps', () => {
    expect(decodeYamlMap('')).toStrictEqual({})
    expect(decodeYamlMap('~\n')).toStrictEqual({})
    expect(decodeYamlMap('a: 1\n')).toStrictEqual({ a: 1 })
    const cases: [string, string][] = [
      ['- a\n', 'array'],
      ['foo\n', 'string'],
      ['1\n', 'number'],
      ['yes\n', 'bool'],
    ]
    for (const [text, kind] of cases) {
      expect(() => decodeYamlMap(text, { file: 'values.yaml' })).toThrow(
        `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`,
      )
    }
  })
})
