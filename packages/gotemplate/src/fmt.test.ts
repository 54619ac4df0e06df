import { describe, expect, it } from 'vitest'
import { formatFloat, formatValue, sprint, sprintf, sprintln } from './fmt.ts'
import { GoStruct } from './value.ts'

// Expected strings were produced by helm v3.17.3 (Go's fmt) on the same arguments.
describe('sprintf', () => {
  const cases: [string, unknown[], string][] = [
    ['%05s|%-5s|%5s|%.2s', ['ab', 'ab', 'ab', 'héllo'], '000ab|ab   |   ab|hé'],
    ['%d|%5d|%-5d|%05d|%+d', [42n, 42n, 42n, -42n, 42n], '42|   42|42   |-0042|+42'],
    ['%x|%X|%o|%b|%#x|%#o', [255n, 255n, 8n, 5n, 255n, 8n], 'ff|FF|10|101|0xff|010'],
    ['%c|%q|%U|%#U', [65n, 65n, 0x1f600n, 65n], "A|'A'|U+1F600|U+0041 'A'"],
    [
      '%v|%.2f|%e|%g|%.3g|%f|%10.3f|%-10.3f|%+.1e|%E|%G',
      [1.5, 2.345, 123456.789, 1e-7, 3.14159, 2.5, 3.14159, 3.14159, 12345.678, 1e21, 1e-10],
      '1.5|2.35|1.234568e+05|1e-07|3.14|2.500000|     3.142|3.142     |+1.2e+04|1.000000E+21|1E-10',
    ],
    ['%d', [42], '%!d(float64=42)'],
    ['%s', [42n], '%!s(int=42)'],
    ['%d %d', [1n], '1 %!d(MISSING)'],
    ['%d', [1n, 2n, 'x', null], '1%!(EXTRA int=2, string=x, <nil>)'],
    ['%', [], '%!(NOVERB)'],
    ['%!', [], '%!!(MISSING)'],
    ['100%%', [], '100%'],
    [
      '%v %v %v %v',
      [[1n, 'a', 2.5, null], { b: 2n, a: 1n }, null, 1000000],
      '[1 a 2.5 <nil>] map[a:1 b:2] <nil> 1e+06',
    ],
    ['%q', ['a"b\\c\n\t\u00e9\u00a0\x01'], '"a\\"b\\\\c\\n\\té\\u00a0\\x01"'],
    ['%+q|%#q|%x|% x', ['héllo', 'abc', 'hi', 'hi'], '"h\\u00e9llo"|`abc`|6869|68 69'],
    [
      '%T %T %T %T %T',
      [1n, 1.5, 'a', [], {}],
      'int float64 string []interface {} map[string]interface {}',
    ],
    ['%*d|%-*d|%.*f', [5n, 42n, 5n, 42n, 2n, 3.14159], '   42|42   |3.14'],
    ['%[2]d %[1]d', [1n, 2n], '2 1'],
    ['%t %t', [true, 1n], 'true %!t(int=1)'],
    // Go rounds the exact binary value half to even; JS toFixed would print 1 3 3.
    ['%.0f %.0f %.0f %.1f %.2f', [0.5, 1.5, 2.5, 0.25, 1.005], '0 2 2 0.2 1.00'],
    [
      '%6.2f|%06.2f|%-8.3e|%+v',
      [3.14159, -3.14159, 1234.5, { a: 1n }],
      '  3.14|-03.14|1.234e+03|map[a:1]',
    ],
    ['%s', [['a', 'b']], '[a b]'],
    ['%d', [[1n, 2.5]], '[1 %!d(float64=2.5)]'],
    ['%s', [null], '%!s(<nil>)'],
    ['%v', [[[1n], { a: [null] }]], '[[1] map[a:[<nil>]]]'],
    ['%5.1s|', ['abc'], '    a|'],
    ['%x', [-255n], '-ff'],
    ['%v|%s', [new Uint8Array([104, 105]), new Uint8Array([104, 105])], '[104 105]|hi'],
    [
      '%q|%q|%q|%q|%+q|%#q|%q',
      ["it's", 39n, 'a\x00b\x7f', 'tab\there', '☺\u00e9', '☺', '\u2028x'],
      `"it's"|'\\''|"a\\x00b\\x7f"|"tab\\there"|"\\u263a\\u00e9"|\`☺\`|"\\u2028x"`,
    ],
    [
      '%x|%X|%b|%x|%x|%x|%x|%b',
      [3.5, 3.5, 1.0, 0.0, -0.1, 5e-324, 1e300, -2.5],
      '0x1.cp+01|0X1.CP+01|4503599627370496p-52|0x0p+00|-0x1.999999999999ap-04|0x1p-1074|0x1.7e43c8800759cp+996|-5629499534213120p-51',
    ],
    [
      '%v|%+v|%T|%s',
      [[{ a: [1n, null] }, 2.5], { k: [1n] }, [1n], { a: 1.5 }],
      '[map[a:[1 <nil>]] 2.5]|map[k:[1]]|[]interface {}|map[a:%!s(float64=1.5)]',
    ],
    [
      '%05.1f|%+05d|% d|%x|%X|%o|%#v',
      [3.14159, 42n, 42n, 'héllo', [1n], -8n, 's'],
      '003.1|+0042| 42|68c3a96c6c6f|[1]|-10|"s"',
    ],
    ['%6.2v|%-6v|%06v|%q', [3.14159, true, 42n, ['a', 1n]], '   3.1|true  |000042|["a" \'\\x01\']'],
    [
      '%c%c|%U|%q|%#q|%08.3f|%+.2e|%10.4g|%-10.3g|',
      [72n, 0x1f600n, -1n, 10n, 'a`b', -3.14159, 0.000123, 123456.789, 1e-7],
      'H😀|U+FFFFFFFFFFFFFFFF|\'\\n\'|"a`b"|-003.142|+1.23e-04| 1.235e+05|1e-07     |',
    ],
  ]
  it.each(cases)('sprintf(%j)', (format, args, want) => {
    expect(sprintf(format, ...args)).toBe(want)
  })
})

describe('sprint and sprintln', () => {
  it('adds spaces only between non-string operands', () => {
    expect(sprint('a', 1n, 2n, 'b', 'c', 3.5, null)).toBe('a1 2bc3.5 <nil>')
    expect(sprintln('a', 1n)).toBe('a 1\n')
  })
})

describe('formatValue', () => {
  const cases: [unknown, string][] = [
    [8080, '8080'],
    [123456, '123456'],
    [1000000, '1e+06'],
    [1234567, '1.234567e+06'],
    [1234567.5, '1.2345675e+06'],
    [100000.5, '100000.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.1, '1.1'],
    [3, '3'],
    [-0, '-0'],
    [1e21, '1e+21'],
    [12345678901234567890, '1.2345678901234567e+19'],
    [Infinity, '+Inf'],
    [NaN, 'NaN'],
    [1000000n, '1000000'],
    [null, '<nil>'],
    [undefined, '<no value>'],
    [true, 'true'],
    [{ b: [1n, 'x'], a: { c: 0.5 } }, 'map[a:map[c:0.5] b:[1 x]]'],
  ]
  it.each(cases)('formatValue(%s)', (v, want) => {
    expect(formatValue(v)).toBe(want)
  })

  it('prints structs as {fields} and uses a String method like fmt.Stringer', () => {
    class KubeVersion extends GoStruct {
      readonly goType = 'chartutil.KubeVersion'
      Version = 'v1.32.0'
      Major = '1'
      Minor = '32'
    }
    class Named extends GoStruct {
      readonly goType = 'x.Named'
      String(): string {
        return 'named'
      }
    }
    expect(formatValue(new KubeVersion())).toBe('{v1.32.0 1 32}')
    expect(sprintf('%+v', new KubeVersion())).toBe('{Version:v1.32.0 Major:1 Minor:32}')
    expect(formatValue(new Named())).toBe('named')
    class Caps extends GoStruct {
      readonly goType = '*chartutil.Capabilities'
      HelmVersion = 'v3'
    }
    expect(formatValue(new Caps())).toBe('&{v3}')
    expect(formatValue([new Caps()])).toMatch(/^\[0x[0-9a-f]+\]$/)
  })
})

describe('formatFloat', () => {
  const cases: [number, 'e' | 'f' | 'g', number, string][] = [
    [1000000, 'g', -1, '1e+06'],
    [123456, 'g', -1, '123456'],
    [0.1, 'f', -1, '0.1'],
    [1e21, 'f', -1, '1000000000000000000000'],
    [1.5e-7, 'e', -1, '1.5e-07'],
    [2.5, 'f', 0, '2'],
    [3.5, 'f', 0, '4'],
    [0, 'e', 2, '0.00e+00'],
    [0, 'g', -1, '0'],
    [123.456, 'g', 4, '123.5'],
    [123456, 'g', 3, '1.23e+05'],
    [9.999, 'e', 2, '1.00e+01'],
    [5e-324, 'g', -1, '5e-324'],
    [1.7976931348623157e308, 'g', -1, '1.7976931348623157e+308'],
  ]
  it.each(cases)('formatFloat(%d, %s, %d)', (f, fmt, prec, want) => {
    expect(formatFloat(f, fmt, prec)).toBe(want)
  })
})
