import { describe, expect, it } from 'vitest'
import { TemplateExecError, TemplateLimitError, TemplateNotFoundError } from './errors.ts'
import { TemplateSet } from './template-set.ts'

/** Helm-like `include` and `tpl` bound to a set (tpl re-binds them to its clone, as Helm does). */
function bindHelmFuncs(set: TemplateSet): TemplateSet {
  set.addFuncs({
    include: (name: string, data: unknown) => set.execute(name, data),
    tpl: (text: string, data: unknown) => {
      const c = bindHelmFuncs(set.clone())
      c.parse('tpl', text)
      return c.execute('tpl', data)
    },
  })
  return set
}

function helmLikeSet(limits = {}): TemplateSet {
  return bindHelmFuncs(new TemplateSet({ limits }))
}

function catchError(f: () => unknown): unknown {
  try {
    f()
  } catch (e) {
    return e
  }
  throw new Error('no error')
}

describe('TemplateSet', () => {
  it('parses files with defines; later definitions replace earlier ones', () => {
    const set = new TemplateSet()
    set.parse('a.tpl', '{{ define "x" }}A{{ end }}')
    set.parse('b.yaml', '{{ template "x" }}')
    expect(set.execute('b.yaml', null)).toBe('A')
    set.parse('c.tpl', '{{ define "x" }}C{{ end }}')
    expect(set.execute('b.yaml', null)).toBe('C')
    // an empty definition does not replace a non-empty one (Go's rule)
    set.parse('d.tpl', '{{ define "x" }}  {{ end }}')
    expect(set.execute('b.yaml', null)).toBe('C')
    expect(set.names()).toEqual(['a.tpl', 'b.yaml', 'c.tpl', 'd.tpl', 'x'])
    expect(set.has('x')).toBe(true)
    expect(set.has('nope')).toBe(false)
  })

  it('rejects unknown functions at parse time, knows added ones', () => {
    const set = new TemplateSet()
    expect(() => set.parse('a', '{{ up "x" }}')).toThrow('template: a:1: function "up" not defined')
    set.addFuncs({ up: (s: string) => s.toUpperCase() })
    set.parse('a', '{{ up "x" }}')
    expect(set.execute('a', null)).toBe('X')
  })

  it('lets functions replace builtins', () => {
    const set = new TemplateSet({ funcs: { len: () => 'mine' } })
    set.parse('a', '{{ len "abc" }}')
    expect(set.execute('a', null)).toBe('mine')
  })

  it('throws TemplateNotFoundError worded as Go for unknown names', () => {
    const e = catchError(() => new TemplateSet().execute('nope', {}))
    expect(e).toBeInstanceOf(TemplateNotFoundError)
    expect((e as Error).message).toBe(
      'template: no template "nope" associated with template "gotpl"',
    )
  })

  it('supports re-entrant execution (include) with per-call state', () => {
    const set = helmLikeSet()
    set.parse('h.tpl', '{{ define "name" }}{{ $x := .n }}{{ $x }}-{{ .s }}{{ end }}')
    set.parse('m.yaml', '{{ $x := "outer" }}{{ include "name" (.) | printf "[%s]" }} {{ $x }}')
    expect(set.execute('m.yaml', { n: 1, s: 'a' })).toBe('[1-a] outer')
  })

  it('clones for tpl: defines made in the clone do not leak back', () => {
    const set = helmLikeSet()
    set.parse('h.tpl', '{{ define "base" }}B{{ end }}')
    set.parse('m.yaml', '{{ tpl .t . }}')
    const out = set.execute('m.yaml', {
      t: '{{ define "fresh" }}F{{ end }}{{ include "base" . }}{{ include "fresh" . }}',
    })
    expect(out).toBe('BF')
    expect(set.has('fresh')).toBe(false)
  })

  it('wraps errors of nested executions, keeping them as cause', () => {
    const set = helmLikeSet()
    set.parse('h.tpl', '{{ define "bad" }}{{ .a.b }}{{ end }}')
    set.parse('m.yaml', '{{ include "bad" . }}')
    const e = catchError(() => set.execute('m.yaml', {})) as TemplateExecError
    expect(e.message).toBe(
      'template: m.yaml:1:3: executing "m.yaml" at <include "bad" .>: error calling include: ' +
        'template: h.tpl:1:23: executing "bad" at <.a.b>: nil pointer evaluating interface {}.b',
    )
    expect(e.cause).toBeInstanceOf(TemplateExecError)
  })
})

describe('TemplateSet limits', () => {
  it('stops runaway include recursion at maxTemplateDepth', () => {
    const set = helmLikeSet({ maxTemplateDepth: 50 })
    set.parse('h.tpl', '{{ define "loop" }}{{ include "loop" . }}{{ end }}')
    set.parse('m.yaml', '{{ include "loop" . }}')
    const e = catchError(() => set.execute('m.yaml', {}))
    expect(e).toBeInstanceOf(TemplateLimitError)
    expect(e).toMatchObject({ code: 'TEMPLATE_LIMIT', limit: 'maxTemplateDepth', max: 50 })
    expect((e as Error).message).toContain('exceeded maximum template depth (50)')
  })

  it('stops runaway template recursion at maxTemplateDepth', () => {
    const set = new TemplateSet({ limits: { maxTemplateDepth: 30 } })
    set.parse(
      'm.yaml',
      '{{ define "loop" }}x{{ template "loop" . }}{{ end }}{{ template "loop" . }}',
    )
    const e = catchError(() => set.execute('m.yaml', {})) as TemplateLimitError
    expect(e.limit).toBe('maxTemplateDepth')
    expect(e.message).toBe(
      'template: m.yaml:1:32: executing "loop" at <{{template "loop" .}}>: exceeded maximum template depth (30)',
    )
  })

  it('survives the default depth without exhausting the JavaScript stack', () => {
    const set = helmLikeSet()
    set.parse(
      'h.tpl',
      '{{ define "loop" }}{{ if . }}{{ include "loop" (slice . 1) }}{{ end }}{{ end }}',
    )
    set.parse('m.yaml', '{{ include "loop" .l }}')
    const e = catchError(() => set.execute('m.yaml', { l: new Array(5000).fill(1) })) as Error
    expect(e).toBeInstanceOf(TemplateLimitError)
  })

  it('bounds execution steps, shared with nested executions', () => {
    const set = helmLikeSet({ maxSteps: 1000 })
    set.parse('h.tpl', '{{ define "item" }}{{ . }}{{ end }}')
    set.parse('m.yaml', '{{ range .l }}{{ include "item" . }}{{ end }}')
    expect(set.execute('m.yaml', { l: [1, 2, 3] })).toBe('123')
    const e = catchError(() =>
      set.execute('m.yaml', { l: new Array(1000).fill(1) }),
    ) as TemplateLimitError
    expect(e.limit).toBe('maxSteps')
  })

  it('bounds output size', () => {
    const set = new TemplateSet({ limits: { maxOutputSize: 100 } })
    set.parse('m.yaml', '{{ range .l }}0123456789{{ end }}')
    expect(set.execute('m.yaml', { l: new Array(10).fill(1) })).toHaveLength(100)
    const e = catchError(() =>
      set.execute('m.yaml', { l: new Array(11).fill(1) }),
    ) as TemplateLimitError
    expect(e.limit).toBe('maxOutputSize')
  })

  it('bounds range iterations', () => {
    const set = new TemplateSet({ limits: { maxRangeIterations: 20 } })
    set.parse('m.yaml', '{{ range .l }}{{ range $.l }}{{ end }}{{ end }}')
    expect(set.execute('m.yaml', { l: [1, 2, 3, 4] })).toBe('')
    const e = catchError(() => set.execute('m.yaml', { l: [1, 2, 3, 4, 5] })) as TemplateLimitError
    expect(e.limit).toBe('maxRangeIterations')
    expect(e.message).toContain('range iterations exceeded 20')
  })

  it('bounds parser nesting and source size', () => {
    const set = new TemplateSet({ limits: { maxParseDepth: 10, maxSourceSize: 1000 } })
    expect(() => set.parse('a', '{{ ' + '('.repeat(11) + '1' + ')'.repeat(11) + ' }}')).toThrow(
      'max expression depth exceeded',
    )
    const e = catchError(() => set.parse('b', 'x'.repeat(1001))) as TemplateLimitError
    expect(e.limit).toBe('maxSourceSize')
  })

  it('parses deeply nested input within the default bound without stack overflow', () => {
    const set = new TemplateSet()
    const deep = '{{ ' + '('.repeat(20000) + '1' + ')'.repeat(20000) + ' }}'
    expect(() => set.parse('a', deep)).toThrow('max expression depth exceeded')
  })
})
