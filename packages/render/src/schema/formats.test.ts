import { describe, expect, it } from 'vitest'
import { goJsonSchemaFormats as f } from './formats.ts'

describe('gojsonschema formats', () => {
  it.each([
    ['date-time', '2024-02-29T10:20:30Z', true],
    ['date-time', '10:20:30', true],
    ['date-time', '2024-02-29', true],
    ['date-time', '2024-02-29 10:20:30Z', false],
    ['date', '2023-02-29', false],
    ['ipv4', '10.0.0.1', true],
    ['ipv4', '010.0.0.1', false],
    ['ipv6', '::1', true],
    ['ipv6', '::ffff:10.0.0.1', true],
    ['ipv6', '1:2:3:4:5:6:7:8:9', false],
    ['hostname', 'a-b.example', true],
    ['hostname', 'a_b', false],
    ['uri', 'mailto:x@y', true],
    ['uri', '/just/a/path', false],
    ['uri-reference', '/just/a/path', true],
    ['uri-reference', 'bad%2', false],
    ['email', 'A <a@b.c>', true],
    ['email', 'a@', false],
    ['json-pointer', '/a/~1b', true],
    ['json-pointer', 'a', false],
  ])('%s %j → %s', (name, value, ok) => {
    expect((f[name] as (s: string) => boolean)(value)).toBe(ok)
  })
})
