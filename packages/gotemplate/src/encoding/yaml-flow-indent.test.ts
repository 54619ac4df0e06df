import { describe, expect, it } from 'vitest'
import { decodeYaml } from './yaml-decode.ts'
import { relaxFlowIndentation } from './yaml-flow-indent.ts'

describe('relaxFlowIndentation', () => {
  it('indents only the lines of flow collections that need it, keeping every line where it was', () => {
    const text = 'a:\n  b: [\n1,\n    2\n]\n  c: |\n    [\n  d: 1\n'
    const relaxed = relaxFlowIndentation(text)
    // past the column of `[`; the block scalar's `[` is text
    expect(relaxed).toBe('a:\n  b: [\n      1,\n    2\n      ]\n  c: |\n    [\n  d: 1\n')
    expect(relaxed?.split('\n')).toHaveLength(text.split('\n').length)
    expect(decodeYaml(text)).toEqual({ a: { b: [1, 2], c: '[\n', d: 1 } })
  })

  it('leaves alone what needs nothing, and what go-yaml refuses too', () => {
    expect(relaxFlowIndentation('a: [\n  1\n]\n')).toBeUndefined()
    expect(relaxFlowIndentation('a: [1,\n')).toBeUndefined()
    expect(relaxFlowIndentation('a: [\n---\n]\n')).toBeUndefined()
  })

  it('gives up on documents too long to relax line by line', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `${i},`).join('\n')
    const text = `a: [\n${lines}\n]\n`
    expect(relaxFlowIndentation(text)).toBeUndefined()
    expect(() => decodeYaml(text)).toThrow(/did not find expected/)
    // a shorter one is read as go-yaml reads it
    expect(decodeYaml('a: [\n1,\n2,\n3\n]\n')).toEqual({ a: [1, 2, 3] })
  })
})
