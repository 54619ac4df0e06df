import { describe, expect, it } from 'vitest'
import { decodeYaml } from './yaml-decode.ts'
import { relaxIndentation } from './yaml-relax-indent.ts'

describe('relaxIndentation', () => {
  it('indents only the lines of flow collections that need it, keeping every line where it was', () => {
    const text = 'a:\n  b: [\n1,\n    2\n]\n  c: |\n    [\n  d: 1\n'
    const relaxed = relaxIndentation(text)
    // past the column of `[`; the block scalar's `[` is text
    expect(relaxed).toBe('a:\n  b: [\n      1,\n    2\n      ]\n  c: |\n    [\n  d: 1\n')
    expect(relaxed?.split('\n')).toHaveLength(text.split('\n').length)
    expect(decodeYaml(text)).toEqual({ a: { b: [1, 2], c: '[\n', d: 1 } })
  })

  it('indents the lines of quoted scalars that need it', () => {
    const text = 'a:\n  b: "x\n  y \\"q\\"\nz"\n  c: \'it\'\'s\nok\'\nd: "e\n"\n'
    expect(relaxIndentation(text)).toBe(
      'a:\n  b: "x\n        y \\"q\\"\n      z"\n  c: \'it\'\'s\n      ok\'\nd: "e\n    "\n',
    )
    expect(decodeYaml(text)).toEqual({ a: { b: 'x y "q" z', c: "it's ok" }, d: 'e ' })
  })

  it('leaves alone what needs nothing, and what go-yaml refuses too', () => {
    expect(relaxIndentation('a: "x\n  y"\n')).toBeUndefined()
    expect(relaxIndentation('a: "x\n---\ny"\n')).toBeUndefined()
    expect(relaxIndentation('a: "x\n\n')).toBeUndefined()
    expect(relaxIndentation('a: [\n  1\n]\n')).toBeUndefined()
    expect(relaxIndentation('a: [1,\n')).toBeUndefined()
    expect(relaxIndentation('a: [\n---\n]\n')).toBeUndefined()
  })

  it('gives up on documents too long to relax line by line', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `${i},`).join('\n')
    const text = `a: [\n${lines}\n]\n`
    expect(relaxIndentation(text)).toBeUndefined()
    expect(() => decodeYaml(text)).toThrow(/did not find expected/)
    // a shorter one is read as go-yaml reads it
    expect(decodeYaml('a: [\n1,\n2,\n3\n]\n')).toEqual({ a: [1, 2, 3] })
  })
})
