import { describe, expect, it } from 'vitest'
import { ParseCache } from './parse-cache.ts'
import { TemplateSet } from './template-set.ts'

const upper = (s: string) => s.toUpperCase()

describe('ParseCache', () => {
  it('gives a set the trees an earlier set parsed from the same text, and parses anything else', () => {
    const parseCache = new ParseCache()
    const text = '{{ define "x" }}X{{ end }}{{ .a | upper }}{{ template "x" }}'
    const first = new TemplateSet({ funcs: { upper }, parseCache })
    first.parse('a.yaml', text)
    const second = new TemplateSet({ funcs: { upper }, parseCache })
    second.parse('a.yaml', text)
    expect(second.get('a.yaml')).toBe(first.get('a.yaml'))
    expect(second.get('x')).toBe(first.get('x'))
    expect(second.execute('a.yaml', { a: 'b' })).toBe('BX')

    // another text under the name, another name, other functions: parsed afresh
    const edited = new TemplateSet({ funcs: { upper }, parseCache })
    edited.parse('a.yaml', `${text}!`)
    expect(edited.get('a.yaml')).not.toBe(first.get('a.yaml'))
    expect(edited.execute('a.yaml', { a: 'b' })).toBe('BX!')
    const renamed = new TemplateSet({ funcs: { upper }, parseCache })
    renamed.parse('b.yaml', text)
    expect(renamed.get('b.yaml')?.name).toBe('b.yaml')
    // a text that parses with `upper` must fail without it, cache or not
    const without = new TemplateSet({ parseCache })
    expect(() => without.parse('a.yaml', `${text}!`)).toThrow(/function "upper" not defined/)
  })

  it('is not used by clones, whose texts (Helm’s tpl) come and go', () => {
    const parseCache = new ParseCache()
    const set = new TemplateSet({ parseCache })
    set.parse('a.yaml', 'a')
    const clone = set.clone()
    clone.parse('a.yaml', 'from tpl')
    const next = new TemplateSet({ parseCache })
    next.parse('a.yaml', 'a')
    expect(next.get('a.yaml')).toBe(set.get('a.yaml'))
  })

  it('starts over past its bound, and keeps no text larger than it', () => {
    const parseCache = new ParseCache(10)
    const parse = (name: string, text: string) => {
      const set = new TemplateSet({ parseCache })
      set.parse(name, text)
      return set.get(name)
    }
    const a = parse('a', 'aaaa')
    expect(parse('a', 'aaaa')).toBe(a)
    parse('b', 'bbbbbb')
    expect(parse('a', 'aaaa')).toBe(a)
    parse('c', 'cc')
    // 4 + 6 + 2 > 10: the cache started over with c
    expect(parse('a', 'aaaa')).not.toBe(a)
    const big = parse('d', 'd'.repeat(11))
    expect(parse('d', 'd'.repeat(11))).not.toBe(big)
  })
})
