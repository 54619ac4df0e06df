import { describe, expect, it } from 'vitest'
import { EncodingError } from './errors.ts'
import { toJson, toToml, toYaml, toYamlPretty } from './funcs.ts'
import { decodeYaml } from './yaml-decode.ts'

describe('bounds on hostile values', () => {
  it('reports a map that contains itself instead of overflowing the stack', () => {
    const cyc: Record<string, unknown> = { a: 1 }
    cyc.self = cyc
    expect([toJson(cyc), toYaml(cyc), toYamlPretty(cyc)]).toEqual(['', '', ''])
    expect(toToml(cyc)).toBe('toml: value nested too deeply')
  })

  it('still encodes values nested hundreds deep', () => {
    let deep: unknown = 1
    for (let i = 0; i < 240; i++) deep = { k: [deep] }
    expect(toJson(deep)).toBe('{"k":['.repeat(240) + '1' + ']}'.repeat(240))
    expect(toYaml(deep).split('\n')).toHaveLength(241)
  })

  it('rejects YAML nested past the parser stack with a clear error', () => {
    const text = '['.repeat(5000) + ']'.repeat(5000)
    expect(() => decodeYaml(text)).toThrow(EncodingError)
    expect(() => decodeYaml(text)).toThrow(
      'error converting YAML to JSON: yaml: line 1: document is nested deeper than 500 levels',
    )
    expect(decodeYaml('['.repeat(200) + ']'.repeat(200))).toBeInstanceOf(Array)
  })

  it('bounds nesting built from chained aliases', () => {
    const lines = ['a0: &a0 [x]']
    for (let i = 1; i < 1100; i++) lines.push(`a${i}: &a${i} [*a${i - 1}]`)
    expect(() => decodeYaml(lines.join('\n'))).toThrow(
      /nested deeper than 1000 levels through aliases|excessive aliasing/,
    )
  })
})
