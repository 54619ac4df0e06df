import { describe, expect, it } from 'vitest'
import {
  applySetFlags,
  parseSet,
  parseSetJson,
  parseSetLiteral,
  parseSetString,
  StrvalsError,
} from './index.ts'
import type { StrvalsErrorCode } from './index.ts'
import { typedValue } from './typed-value.ts'

describe('parseSet', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['a=1', { a: 1n }],
    ['a.b.c=x,a.b.d=true', { a: { b: { c: 'x', d: true } } }],
    [
      'n=0,m=-0,o=007,p=+5,q=1.5,r=1e3,s=1_0',
      { n: 0n, m: 0n, o: '007', p: 5n, q: '1.5', r: '1e3', s: '1_0' },
    ],
    ['big=9223372036854775808', { big: '9223372036854775808' }],
    ['t=TRUE,f=False,z=NuLL', { t: true, f: false, z: null }],
    ['l={a,1,true}', { l: ['a', 1n, true] }],
    ['l={}', { l: [''] }],
    ['l={x\\,y,z},m=2', { l: ['x,y', 'z'], m: 2n }],
    ['a[0]=x,a[2]=z', { a: ['x', null, 'z'] }],
    ['a[1].b=1,a[0]=x', { a: ['x', { b: 1n }] }],
    ['a[0][1]=2', { a: [[null, 2n]] }],
    ['k\\.dot=1,k\\,comma=2,k\\=eq=3', { 'k.dot': 1n, 'k,comma': 2n, 'k=eq': 3n }],
    ['a=', { a: '' }],
    ['a=,b=1', { a: '', b: 1n }],
    ['.dropped=1', {}],
    ['a=1,', { a: 1n }],
    ['a=x y', { a: 'x y' }],
    ['__proto__.polluted=1', JSON.parse('{"__proto__":{"polluted":1}}')],
  ]
  it.each(cases)('%s', (expr, want) => {
    const into: Record<string, unknown> = {}
    parseSet(expr, into)
    if ('__proto__' in want && Object.hasOwn(want, '__proto__')) {
      expect(Object.keys(into)).toEqual(['__proto__'])
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    } else {
      expect(into).toStrictEqual(want)
    }
  })

  const errors: [string, StrvalsErrorCode, string][] = [
    ['a=1,b', 'STRVALS_NO_VALUE', 'key "b" has no value'],
    ['a,b=1', 'STRVALS_NO_VALUE', 'key "a" has no value (cannot end with ,)'],
    [
      'a.b=1,a[0]=2',
      'STRVALS_TYPE',
      'unable to parse key: interface conversion: interface {} is map[string]interface {}, not []interface {}',
    ],
    [
      'a=x,a.b=1',
      'STRVALS_TYPE',
      'unable to parse key: interface conversion: interface {} is string, not map[string]interface {}',
    ],
    [
      'a=null,a[0]=1',
      'STRVALS_TYPE',
      'unable to parse key: interface conversion: interface {} is nil, not []interface {}',
    ],
    [
      'a[65537]=1',
      'STRVALS_INDEX',
      'index of 65537 is greater than maximum supported index of 65536',
    ],
    ['a[-1]=1', 'STRVALS_INDEX', 'negative -1 index not allowed'],
    ['a[x]=1', 'STRVALS_INDEX', 'error parsing index: strconv.Atoi: parsing "x": invalid syntax'],
    ['a[1', 'STRVALS_INDEX', 'error parsing index: EOF'],
    ['a[0]x=1', 'STRVALS_SYNTAX', "unexpected data at end of array index: ['x']"],
    ['a..b=1', 'STRVALS_NO_VALUE', 'key map "a" has no value'],
    ['a={1,2', 'STRVALS_SYNTAX', "list must terminate with '}'"],
    [
      Array.from({ length: 32 }, (_, i) => `k${i}`).join('.') + '=1',
      'STRVALS_NESTING',
      'value name nested level is greater than maximum supported nested level of 30',
    ],
  ]
  it.each(errors)('rejects %s', (expr, code, message) => {
    let err: unknown
    try {
      parseSet(expr, {})
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(StrvalsError)
    expect([(err as StrvalsError).code, (err as StrvalsError).message]).toEqual([code, message])
  })

  it('bounds list nesting instead of exhausting the stack', () => {
    expect(() => parseSet('a' + '[0]'.repeat(5000) + '=1', {})).toThrow(
      'list nested level is greater than maximum supported nested level of 1000',
    )
    expect(() => parseSet('a' + '[0].b'.repeat(5000) + '=1', {})).toThrow(
      'list nested level is greater than maximum supported nested level of 1000',
    )
    const into: Record<string, unknown> = {}
    parseSet('a' + '[0]'.repeat(100) + '=1', into)
    expect(JSON.stringify(into, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))).toBe(
      '{"a":' + '['.repeat(100) + '1' + ']'.repeat(100) + '}',
    )
  })

  it('merges into existing values and keeps index 65536 as the largest', () => {
    const into: Record<string, unknown> = { a: { keep: 1 }, l: ['x', 'y'] }
    parseSet('a.add=2,l[1]=z', into)
    expect(into).toStrictEqual({ a: { keep: 1, add: 2n }, l: ['x', 'z'] })
    const big: Record<string, unknown> = {}
    parseSet('l[65536]=1', big)
    expect((big.l as unknown[]).length).toBe(65537)
  })
})

describe('the other --set flags', () => {
  it('--set-string keeps every value a string', () => {
    const into: Record<string, unknown> = {}
    parseSetString('a=1,b=true,c=null,d={1,2}', into)
    expect(into).toStrictEqual({ a: '1', b: 'true', c: 'null', d: ['1', '2'] })
  })

  it('--set-json reads JSON values, numbers as float64', () => {
    const into: Record<string, unknown> = {}
    parseSetJson('a={"b":[1,2.5,null]},c=[1,"x"], d=true,e=,f[1]={"g":1}', into)
    // A blank after a comma belongs to the next key, as in Helm.
    expect(into).toStrictEqual({
      a: { b: [1, 2.5, null] },
      c: [1, 'x'],
      ' d': true,
      e: null,
      f: [null, { g: 1 }],
    })
    expect(() => parseSetJson('a=[1,2', {})).toThrow(StrvalsError)
  })

  it('--set-literal takes the rest verbatim', () => {
    const into: Record<string, unknown> = {}
    parseSetLiteral('a.b=x,y=\\z{}', into)
    expect(into).toStrictEqual({ a: { b: 'x,y=\\z{}' } })
  })

  it('applies flags in helm order with helm wording', () => {
    const v = applySetFlags(
      { keep: 1 },
      { set: ['a=1'], setString: ['a=2'], setJson: ['a=3'], setLiteral: ['a=4'] },
    )
    expect(v).toStrictEqual({ keep: 1, a: '4' })
    expect(() => applySetFlags({}, { set: ['a'] })).toThrow(
      'failed parsing --set data: key "a" has no value',
    )
    expect(() => applySetFlags({}, { setJson: ['{"a":1}'] })).toThrow(
      'failed parsing --set-json data {"a":1}',
    )
    expect(() =>
      applySetFlags({}, { setFile: ['a=x'] }, () => {
        throw new Error('open x: no such file or directory')
      }),
    ).toThrow('failed parsing --set-file data: open x: no such file or directory')
  })

  it('types values as --set does', () => {
    expect([
      typedValue('0'),
      typedValue('-5'),
      typedValue('05'),
      typedValue(''),
      typedValue('1', true),
    ]).toStrictEqual([0n, -5n, '05', '', '1'])
  })
})
