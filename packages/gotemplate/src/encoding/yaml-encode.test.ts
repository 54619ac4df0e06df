import { describe, expect, it } from 'vitest'
import { encodeYaml, encodeYamlPretty } from './yaml-encode.ts'
import { naturalSort } from './yaml-sort.ts'
import { fromYaml, fromYamlArray, toYaml } from './funcs.ts'

describe('encodeYaml', () => {
  const cases: [unknown, string][] = [
    [{ b: [1n, 'yes'], a: 1.5 }, 'a: 1.5\nb:\n- 1\n- "yes"\n'],
    ['a\nb\n', '|\n  a\n  b\n'],
    [{ k: 'a\nb' }, 'k: |-\n  a\n  b\n'],
    [{ k: ' x\ny' }, 'k: |2-\n   x\n  y\n'],
    [['a', 1n, true, null, 'yes', '1.0', ''], '- a\n- 1\n- true\n- null\n- "yes"\n- "1.0"\n- ""\n'],
    [{ e: {}, l: [], n: [[1n], [{ a: 1 }]] }, 'e: {}\nl: []\n"n":\n- - 1\n- - a: 1\n'],
    [
      { s: 'x: y', t: '- a', u: '#c', v: '2024-01-02', w: '1:20', x: '0x10', y: 'tab\there' },
      's: \'x: y\'\nt: \'- a\'\nu: \'#c\'\nv: "2024-01-02"\nw: "1:20"\nx: "0x10"\n"y": "tab\\there"\n',
    ],
    [1e-6, '1e-06\n'],
    [100000000, '100000000\n'],
    [-0, '0\n'],
    [new Uint8Array([1, 2]), 'AQI=\n'],
    [
      { long: 'word '.repeat(20).trim() },
      'long: word word word word word word word word word word word word word word word word\n  word word word word\n',
    ],
  ]
  it.each(cases)('case %#', (v, want) => expect(encodeYaml(v)).toBe(want))

  it('sorts keys in go-yaml natural order', () => {
    expect(
      naturalSort(['item10', 'item9', 'a', 'B', 'b1', 'b01', '_x', '1', '-y', 'é', 'Z']),
    ).toEqual(['-y', '_x', '1', 'B', 'Z', 'a', 'b1', 'b01', 'item9', 'item10', 'é'])
  })

  it('gives "" from toYaml for values JSON or go-yaml refuse', () => {
    expect(toYaml({ a: NaN })).toBe('')
    expect(toYaml('del\u007f')).toBe('')
    expect(toYaml({ a: 1 })).toBe('a: 1')
  })

  it('indents sequences and never folds in toYamlPretty', () => {
    expect(encodeYamlPretty({ l: [1234567, { a: 1n }], s: 'word '.repeat(20).trim() })).toBe(
      `l:\n  - 1.234567e+06\n  - a: 1\ns: ${'word '.repeat(20).trim()}\n`,
    )
  })
})

describe('fromYaml', () => {
  it('returns maps and lists, or Helm error shapes', () => {
    expect(fromYaml('a: 1\nb: [x]')).toStrictEqual({ a: 1, b: ['x'] })
    expect(fromYaml('')).toStrictEqual({})
    expect(fromYaml('- a')).toStrictEqual({
      Error:
        'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}',
    })
    expect(fromYaml('a: b: c')).toStrictEqual({
      Error: 'error converting YAML to JSON: yaml: mapping values are not allowed in this context',
    })
    expect(fromYamlArray('~')).toStrictEqual([])
    expect(fromYamlArray('a: 1')).toStrictEqual([
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}',
    ])
  })
})

describe('go-yaml v3 key order (toYamlPretty)', () => {
  it('puts a letter before a non-letter right after equal digits', () => {
    expect(naturalSort(['0}x', '0x1F', '1.5', '1e3'])).toEqual(['0}x', '0x1F', '1.5', '1e3'])
    expect(naturalSort(['0}x', '0x1F', '1.5', '1e3'], true)).toEqual(['0x1F', '0}x', '1e3', '1.5'])
  })
})
