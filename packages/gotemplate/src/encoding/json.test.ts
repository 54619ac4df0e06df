import { describe, expect, it } from 'vitest'
import { GoStruct } from '../value.ts'
import { decodeJson } from './json-decode.ts'
import { encodeJson } from './json-encode.ts'
import { fromJson, fromJsonArray, toJson } from './funcs.ts'

class Release extends GoStruct {
  readonly goType = 'chartutil.Release'
  constructor(
    readonly Name: string,
    readonly IsInstall: boolean,
  ) {
    super()
  }
}

describe('encodeJson', () => {
  const cases: [unknown, string][] = [
    [{ b: 1n, a: [1.5, null, true, 'x'] }, '{"a":[1.5,null,true,"x"],"b":1}'],
    [
      { html: '<a>&', ctl: '\u0001\b\f\n\r\t\u007f', ls: '\u2028\u2029', q: '"\\' },
      '{"ctl":"\\u0001\\b\\f\\n\\r\\t\u007f","html":"\\u003ca\\u003e\\u0026","ls":"\\u2028\\u2029","q":"\\"\\\\"}',
    ],
    [new Uint8Array([104, 105, 33]), '"aGkh"'],
    [{ é: 1, z: 2, Z: 3, '': 4 }, '{"":4,"Z":3,"z":2,"é":1}'],
    [new Release('r', true), '{"Name":"r","IsInstall":true}'],
    [1e21, '1e+21'],
    [undefined, 'null'],
  ]
  it.each(cases)('case %#', (v, want) => expect(encodeJson(v)).toBe(want))

  it('indents like json.MarshalIndent', () => {
    expect(encodeJson({ b: 1n, a: [1n, {}], c: [] }, { indent: '  ' })).toBe(
      '{\n  "a": [\n    1,\n    {}\n  ],\n  "b": 1,\n  "c": []\n}',
    )
  })

  it('refuses what Go refuses, and toJson then gives ""', () => {
    expect(() => encodeJson({ a: NaN })).toThrow('json: unsupported value: NaN')
    expect(toJson({ a: Infinity })).toBe('')
  })
})

describe('decodeJson', () => {
  const errors: [string, string][] = [
    ['', 'unexpected end of JSON input'],
    ['  ', 'unexpected end of JSON input'],
    ['[1', 'unexpected end of JSON input'],
    ['-', "invalid character ' ' in numeric literal"],
    ['1.', "invalid character ' ' after decimal point in numeric literal"],
    ['"a\\', "invalid character ' ' in string escape code"],
    ['nul', "invalid character ' ' in literal null (expecting 'l')"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b"}', "invalid character '\"' after object key:value pair"],
    ['[1 2]', "invalid character '2' after array element"],
    ['{a}', "invalid character 'a' looking for beginning of object key string"],
    ['{"a":1} x', "invalid character 'x' after top-level value"],
    ["'x'", "invalid character '\\'' looking for beginning of value"],
    ['"\u0001"', "invalid character '\\x01' in string literal"],
    ['01', "invalid character '1' after top-level value"],
  ]
  it.each(errors)('rejects %j', (text, message) => expect(() => decodeJson(text)).toThrow(message))

  it('decodes numbers as float64 and keeps __proto__ as data', () => {
    expect(decodeJson('{"a":[1,2.5e3,-0],"__proto__":{"x":1}}')).toStrictEqual(
      JSON.parse('{"a":[1,2500,-0],"__proto__":{"x":1}}'),
    )
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('leaves the partial result beside a range error, as fromJson shows', () => {
    expect(fromJson('{"a": 1, "b": 1e999, "c": 2}')).toStrictEqual({
      a: 1,
      b: null,
      c: 2,
      Error: 'json: cannot unmarshal number 1e999 into Go value of type float64',
    })
    expect(fromJson('[1]')).toStrictEqual({
      Error: 'json: cannot unmarshal array into Go value of type map[string]interface {}',
    })
    expect(fromJson('null')).toBeNull()
    expect(fromJsonArray('{}')).toStrictEqual([
      'json: cannot unmarshal object into Go value of type []interface {}',
    ])
  })
})
