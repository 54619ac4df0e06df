import { describe, expect, it } from 'vitest'
import { toCamelCase, toLowerCase } from './case.ts'

// Expected values were produced by helm v3.17.3 (Sprig v3.3.0, xstrings v1.5).
const camel: [string, string][] = [
  ['foo_bar-baz', 'FooBarBaz'],
  ['a.b-c', 'A.bC'],
  ['fooBar', 'FooBar'],
  ['HTTPServer', 'Httpserver'],
  ['FOO_BAR', 'FooBar'],
  ['xHTTPServer', 'XHTTPServer'],
  ['fooBAR', 'FooBAR'],
  ['AB.CD', 'Ab.CD'],
  ['aB_CD', 'ABCd'],
  ['_', '__'],
  ['a  b', 'A B'],
  ['ÀÉ', 'Àé'],
]
const snake: [string, string][] = [
  ['FooBarBaz', 'foo_bar_baz'],
  ['HTTPServer', 'http_server'],
  ['Bld4Floor', 'bld4_floor'],
  ['HTTP2xx', 'http_2xx'],
  ['abc123def', 'abc_123def'],
  ['getHTTPResponseCode', 'get_http_response_code'],
  ['hello world', 'hello_world'],
]

describe('case conversion', () => {
  it.each(camel)('camelcase %s', (s, want) => expect(toCamelCase(s)).toBe(want))
  it.each(snake)('snakecase %s', (s, want) => expect(toLowerCase(s, '_')).toBe(want))
  it('kebabcase uses dashes', () => expect(toLowerCase('FooBarBaz', '-')).toBe('foo-bar-baz'))
})
