import { describe, expect, it } from 'vitest'
import { decodeToml } from './toml-decode.ts'
import { encodeToml } from './toml-encode.ts'
import { fromToml, toToml } from './funcs.ts'

describe('encodeToml', () => {
  it('writes plain keys, then tables and arrays of tables, as BurntSushi/toml does', () => {
    const v = {
      z: 1,
      a: 'q"\\\t\n\u0001\u007f',
      'key x': true,
      list: [1n, 'a', 2.5],
      mixed: [{ x: 1 }, 2],
      none: null,
      empty: {},
      maps: [{ x: 1 }, { y: { z: 2 } }],
      nested: { deep: { k: 'v' }, v: 1e21 },
    }
    expect(encodeToml(v)).toBe(
      [
        'a = "q\\"\\\\\\t\\n\\u0001\\u007f"',
        '"key x" = true',
        'list = [1, "a", 2.5]',
        'mixed = [{x = 1.0}, 2.0]',
        'z = 1.0',
        '',
        '[empty]',
        '',
        '[[maps]]',
        '  x = 1.0',
        '',
        '[[maps]]',
        '  [maps.y]',
        '    z = 2.0',
        '',
        '[nested]',
        '  v = 1000000000000000000000.0',
        '  [nested.deep]',
        '    k = "v"',
        '',
      ].join('\n'),
    )
  })

  it('returns the error text from toToml', () => {
    expect(toToml({ a: [1n, null] })).toBe('toml: cannot encode array with nil element')
    expect(toToml([1n, 2n])).toBe('[1, 2]')
  })
})

describe('decodeToml', () => {
  it('gives int64 integers and float64 floats', () => {
    expect(decodeToml('a = 1\nb = [1.5, "x"]\n[t]\nc = true\n')).toStrictEqual({
      a: 1n,
      b: [1.5, 'x'],
      t: { c: true },
    })
  })
  it('reports the line of a problem through fromToml', () => {
    expect(fromToml('a = 1\nb = ').Error).toMatch(/^toml: line 2: /)
  })
})
