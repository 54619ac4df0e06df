import { describe, expect, it } from 'vitest'
import { TemplateExecError } from './errors.ts'
import { withSignature, type FuncMap } from './func.ts'
import { TemplateSet, type TemplateSetOptions } from './template-set.ts'
import { GoStruct } from './value.ts'

class Files extends GoStruct {
  readonly goType = 'engine.files'
  Get(name: string): string {
    return name === 'a.txt' ? 'A' : ''
  }
}

class APIVersions extends GoStruct {
  readonly goType = 'chartutil.VersionSet'
  Has(v: string): boolean {
    return v === 'v1'
  }
}

class Capabilities extends GoStruct {
  readonly goType = '*chartutil.Capabilities'
  readonly APIVersions = new APIVersions()
  readonly KubeVersion = { Version: 'v1.32.0' }
}

const funcs: FuncMap = {
  upper: (s: unknown) => String(s).toUpperCase(),
  fail: (msg: string) => {
    throw new Error(msg)
  },
  nothing: () => undefined,
  echo: (...a: unknown[]) =>
    a.map((x) => (x === null ? 'NULL' : x === undefined ? 'UNDEF' : String(x))).join(','),
}

function render(text: string, data: unknown = {}, options: TemplateSetOptions = {}): string {
  const set = new TemplateSet({ funcs, ...options })
  set.parse('t', text)
  return set.execute('t', data)
}

function execError(text: string, data: unknown = {}, options: TemplateSetOptions = {}): string {
  try {
    render(text, data, options)
  } catch (e) {
    return (e as Error).message
  }
  return '<no error>'
}

const data = {
  Values: {
    str: 'hello',
    n: 42,
    f: 1.5,
    big: 1e6,
    list: ['a', 'b', 'c'],
    map: { b: 2, a: 1 },
    nil: null,
    empty: '',
    nested: { x: { y: 'deep' } },
  },
  Files: new Files(),
  Capabilities: new Capabilities(),
}

describe('execute: output', () => {
  const cases: [string, string][] = [
    ['text only', 'text only'],
    ['{{ "a" }}{{ `b` }}', 'ab'],
    ['a {{- " b " -}} c', 'a b c'],
    ['x\n  {{- 1 }}\n  {{- 2 -}}\n  y', 'x12y'],
    ['{{-3}} {{- 3 }}', '-33'],
    ['{{/* c */}}a{{- /* c */ -}} b', 'ab'],
    [
      "{{ 1 }} {{ 1.0 }} {{ 1e6 }} {{ 0x10 }} {{ 0o10 }} {{ 010 }} {{ 0b11 }} {{ 1_0 }} {{ 'a' }}",
      '1 1 1e+06 16 8 8 3 10 97',
    ],
    ['{{ "\\u00e9\\x41\\t" }}', 'éA\t'],
    ['{{ .Values.str }} {{ .Values.n }} {{ .Values.f }} {{ .Values.big }}', 'hello 42 1.5 1e+06'],
    ['{{ .Values.list }} {{ .Values.map }}', '[a b c] map[a:1 b:2]'],
    ['{{ .Values.nil }}|{{ .Values.missing }}|{{ .Missing }}', '<no value>|<no value>|<no value>'],
    ['{{ .Values.nested.x.y }} {{ $.Values.str }} {{ (.Values.nested).x.y }}', 'deep hello deep'],
    ['{{ $v := .Values.nested }}{{ $v.x.y }}', 'deep'],
    ['{{ $m := .Values.missing }}{{ $m.x }}|{{ (.Values.missing).x }}', '<no value>|<no value>'],
    ['{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ $y := 3 }}{{ end }}{{ $x }}', '2'],
    ['{{ if .Values.empty }}a{{ else if .Values.nil }}b{{ else }}c{{ end }}', 'c'],
    [
      '{{ with .Values.map }}{{ .a }}{{ end }}{{ with .Values.missing }}x{{ else with .Values.str }}{{ . }}{{ end }}',
      '1hello',
    ],
    ['{{ range $i, $v := .Values.list }}{{ $i }}{{ $v }}{{ end }}', '0a1b2c'],
    ['{{ range $k, $v := .Values.map }}{{ $k }}={{ $v }};{{ end }}', 'a=1;b=2;'],
    ['{{ range .Values.missing }}x{{ else }}none{{ end }}', 'none'],
    ['{{ range .Values.list }}{{ if eq . "b" }}{{ continue }}{{ end }}{{ . }}{{ end }}', 'ac'],
    ['{{ range .Values.list }}{{ if eq . "b" }}{{ break }}{{ end }}{{ . }}{{ end }}', 'a'],
    [
      '{{ range $x := .Values.list }}{{ range $.Values.list }}{{ $x }}{{ end }}{{ end }}',
      'aaabbbccc',
    ],
    [
      '{{ define "d" }}<{{ . }}|{{ $ }}>{{ end }}{{ template "d" 1 }}{{ template "d" }}',
      '<1|1><<no value>|<no value>>',
    ],
    ['{{ block "b" "x" }}[{{ . }}]{{ end }}', '[x]'],
    ['{{ and 1 0 }} {{ and 1 2 }} {{ or 0 "" }} {{ or 0 "x" }} {{ not 0 }}', '0 2  x true'],
    ['{{ and false (fail "x") }} {{ or true (fail "x") }}', 'false true'],
    [
      '{{ eq 1 2 1 }} {{ ne "a" "b" }} {{ lt 1.5 2.0 }} {{ ge "b" "a" }} {{ eq .Values.nil .Values.missing }}',
      'true true true true true',
    ],
    ['{{ eq .Values.missing "x" }} {{ eq .Values.n nil }}', 'false false'],
    [
      '{{ len .Values.list }} {{ len "héllo" }} {{ index .Values.list 1 }} {{ index .Values.map "b" }}',
      '3 6 b 2',
    ],
    [
      '{{ index .Values.map "zz" }}|{{ slice .Values.list 1 }}|{{ slice "abc" 1 2 }}',
      '<no value>|[b c]|b',
    ],
    [
      '{{ print "a" 1 2 "b" nil }}|{{ println 1 "x" }}|{{ printf "%05.1f %q" 3.14159 "s" }}',
      'a1 2b<nil>|1 x\n|003.1 "s"',
    ],
    [
      '{{ html "<a>&" }} {{ js "it\'s <b>" }} {{ urlquery "a b/c" }}',
      "&lt;a&gt;&amp; it\\'s \\u003Cb\\u003E a+b%2Fc",
    ],
    ['{{ "x" | upper | printf "%s!" }}', 'X!'],
    ['{{ nothing }}|{{ echo .Values.nil .Values.missing nil }}', '<no value>|NULL,NULL,NULL'],
    [
      '{{ .Files.Get "a.txt" }}{{ .Capabilities.APIVersions.Has "v1" }} {{ .Capabilities.KubeVersion.Version }}',
      'Atrue v1.32.0',
    ],
    ['{{ $f := .Files }}{{ $f.Get "a.txt" | printf "%s-" }}', 'A-'],
    ['{{ call .fn 2 }}', '4'],
  ]
  it.each(cases)('%s', (text, expected) => {
    expect(render(text, { ...data, fn: (x: bigint) => x * 2n })).toBe(expected)
  })
})

describe('execute: errors', () => {
  const cases: [string, string][] = [
    [
      '{{ .Values.missing.x }}',
      'template: t:1:10: executing "t" at <.Values.missing.x>: nil pointer evaluating interface {}.x',
    ],
    [
      '{{ .Values.nil.x }}',
      'template: t:1:10: executing "t" at <.Values.nil.x>: nil pointer evaluating interface {}.x',
    ],
    [
      '{{ .Values.str.x }}',
      'template: t:1:10: executing "t" at <.Values.str.x>: can\'t evaluate field x in type interface {}',
    ],
    [
      '{{ $s := "a" }}{{ $s.x }}',
      'template: t:1:20: executing "t" at <$s.x>: can\'t evaluate field x in type string',
    ],
    [
      '{{ fail "boom" }}',
      'template: t:1:3: executing "t" at <fail "boom">: error calling fail: boom',
    ],
    ['{{ "x" | fail }}', 'template: t:1:9: executing "t" at <fail>: error calling fail: x'],
    [
      '{{ eq .Values.n 42 }}',
      'template: t:1:3: executing "t" at <eq .Values.n 42>: error calling eq: incompatible types for comparison',
    ],
    [
      '{{ lt true false }}',
      'template: t:1:3: executing "t" at <lt true false>: error calling lt: invalid type for comparison',
    ],
    [
      '{{ lt 1 }}',
      'template: t:1:3: executing "t" at <lt>: wrong number of args for lt: want 2 got 1',
    ],
    [
      '{{ eq }}',
      'template: t:1:3: executing "t" at <eq>: wrong number of args for eq: want at least 1 got 0',
    ],
    [
      '{{ range 3 }}{{ end }}',
      'template: t:1:9: executing "t" at <3>: range can\'t iterate over 3',
    ],
    [
      '{{ template "nope" }}',
      'template: t:1:12: executing "t" at <{{template "nope"}}>: template "nope" not defined',
    ],
    [
      '{{ len .Values.missing }}',
      'template: t:1:3: executing "t" at <len .Values.missing>: error calling len: len of nil pointer',
    ],
    [
      '{{ index .Values.list 3 }}',
      'template: t:1:3: executing "t" at <index .Values.list 3>: error calling index: reflect: slice index out of range',
    ],
    ['{{ nil }}', 'template: t:1:3: executing "t" at <nil>: nil is not a command'],
    ['{{ 1 2 }}', 'template: t:1:3: executing "t" at <1>: can\'t give argument to non-function 1'],
    [
      '{{ .Values.str 1 }}',
      'template: t:1:10: executing "t" at <.Values.str>: str is not a method but has arguments',
    ],
    [
      '{{ $l := .Values.list }}{{ $l.x }}',
      'template: t:1:29: executing "t" at <$l.x>: can\'t evaluate field x in type []interface {}',
    ],
    [
      '\n\n  {{ .x.y }}',
      'template: t:3:7: executing "t" at <.x.y>: nil pointer evaluating interface {}.y',
    ],
    [
      'é{{ .x.y }}',
      'template: t:1:7: executing "t" at <.x.y>: nil pointer evaluating interface {}.y',
    ],
  ]
  it.each(cases)('%s', (text, expected) => {
    expect(execError(text, data)).toBe(expected)
  })

  it('keeps the thrown error as cause, with structured location', () => {
    const boom = new Error('boom')
    const set = new TemplateSet({
      funcs: {
        boom: () => {
          throw boom
        },
      },
    })
    set.parse('f.yaml', 'line1\n  {{ boom }}')
    let err: unknown
    try {
      set.execute('f.yaml', {})
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(TemplateExecError)
    const e = err as TemplateExecError
    expect(e.cause).toBe(boom)
    expect(e).toMatchObject({
      code: 'TEMPLATE_EXEC',
      templateName: 'f.yaml',
      line: 2,
      column: 5,
      nodeText: 'boom',
      functionName: 'boom',
      detail: 'error calling boom: boom',
    })
  })

  it('names the define being executed and the file it came from', () => {
    const set = new TemplateSet()
    set.parse('helpers.tpl', '{{ define "h" }}\n{{ .a.b }}{{ end }}')
    set.parse('main.yaml', '{{ template "h" . }}')
    expect(() => set.execute('main.yaml', {})).toThrow(
      'template: helpers.tpl:2:5: executing "h" at <.a.b>: nil pointer evaluating interface {}.b',
    )
  })
})

describe('execute: missingkey', () => {
  it('zero (default) prints <no value> and fails on fields of a missing key', () => {
    expect(render('{{ .a }}', {})).toBe('<no value>')
    expect(execError('{{ .a.b }}')).toContain('nil pointer evaluating interface {}.b')
  })
  it('error fails on the missing key', () => {
    expect(execError('{{ .a }}', {}, { missingKey: 'error' })).toBe(
      'template: t:1:3: executing "t" at <.a>: map has no entry for key "a"',
    )
  })
  it('default keeps no value through field chains', () => {
    expect(render('{{ .a.b }}', {}, { missingKey: 'default' })).toBe('<no value>')
  })
})

describe('execute: named map and slice types (GoStruct with goValue)', () => {
  class FilesMap extends GoStruct {
    readonly goType = 'engine.files'
    constructor(private readonly files: Record<string, string>) {
      super()
    }
    readonly goKind = 'map'
    goValue(): Record<string, unknown> {
      return this.files
    }
    Glob(prefix: string): FilesMap {
      return new FilesMap(
        Object.fromEntries(Object.entries(this.files).filter(([k]) => k.startsWith(prefix))),
      )
    }
  }
  const files = new FilesMap({ 'b/x.yaml': 'X', 'a/y.yaml': 'Y', 'b/z.yaml': 'Z' })

  it('ranges, indexes, measures and reads keys like a map, and still has methods', () => {
    const out = render(
      '{{ range $p, $c := .Files.Glob "b/" }}{{ $p }}={{ $c }};{{ end }}|{{ index .Files "a/y.yaml" }}|{{ len .Files }}|{{ if .Files.Glob "q" }}x{{ else }}empty{{ end }}',
      { Files: files },
    )
    expect(out).toBe('b/x.yaml=X;b/z.yaml=Z;|Y|3|empty')
  })

  it('ranges over a named slice type and keeps its methods', () => {
    class VersionSet extends GoStruct {
      readonly goType = 'chartutil.VersionSet'
      readonly goKind = 'slice'
      constructor(readonly list: string[]) {
        super()
      }
      Has = (v: string) => this.list.includes(v)
      goValue(): string[] {
        return this.list
      }
    }
    const out = render(
      '{{ range .V }}{{ . }},{{ end }}{{ len .V }} {{ index .V 1 }} {{ .V.Has "b" }} {{ if .E }}x{{ else }}empty{{ end }}',
      {
        V: new VersionSet(['a', 'b']),
        E: new VersionSet([]),
      },
    )
    expect(out).toBe('a,b,2 b true empty')
    expect(execError('{{ .V.goValue }}', { V: new VersionSet([]) })).toContain(
      "can't evaluate field goValue",
    )
  })
})

describe('execute: functions with declared Go signatures', () => {
  const typed: FuncMap = {
    trunc: withSignature((n: bigint, s: string) => s.slice(0, Number(n)), {
      params: ['int', 'string'],
    }),
    join: withSignature((sep: string, ...xs: unknown[]) => xs.join(sep), {
      params: ['string'],
      variadic: 'any',
    }),
    half: withSignature((f: number) => f / 2, { params: ['float64'] }),
    keysOf: withSignature((m: Record<string, unknown> | null) => Object.keys(m ?? {}).join(','), {
      params: ['map'],
    }),
  }
  const run = (text: string, d: unknown = data) => {
    const set = new TemplateSet({ funcs: typed })
    set.parse('t', text)
    try {
      return set.execute('t', d)
    } catch (e) {
      return (e as Error).message
    }
  }
  it.each([
    ['{{ trunc 2.0 "abc" }} {{ "abc" | trunc 1 }} {{ trunc \'\\x02\' "abc" }}', 'ab a ab'],
    ['{{ join "-" 1 "a" nil }} {{ join "," }}', '1-a- '],
    ['{{ half 3 }} {{ half 1.5 }}', '1.5 0.75'],
    [
      '{{ keysOf .Values.map }}|{{ keysOf nil }}|{{ $m := .Values.missing }}{{ keysOf $m }}',
      'b,a||',
    ],
    [
      '{{ keysOf .Values.missing }}',
      'template: t:1:17: executing "t" at <.Values.missing>: wrong type for value; expected map[string]interface {}; got interface {}',
    ],
    ['{{ trunc 1.5 "x" }}', 'template: t:1:9: executing "t" at <1.5>: expected integer; found 1.5'],
    [
      '{{ trunc .Values.n "x" }}',
      'template: t:1:16: executing "t" at <.Values.n>: wrong type for value; expected int; got float64',
    ],
    [
      '{{ .Values.missing | trunc 1 }}',
      'template: t:1:27: executing "t" at <1>: invalid value; expected string',
    ],
    [
      '{{ trunc 1 .Values.missing }}',
      'template: t:1:18: executing "t" at <.Values.missing>: wrong type for value; expected string; got interface {}',
    ],
    [
      '{{ trunc 1 }}',
      'template: t:1:3: executing "t" at <trunc>: wrong number of args for trunc: want 2 got 1',
    ],
    [
      '{{ join }}',
      'template: t:1:3: executing "t" at <join>: wrong number of args for join: want at least 1 got 0',
    ],
    ['{{ half "x" }}', 'template: t:1:8: executing "t" at <"x">: expected float; found "x"'],
    [
      '{{ keysOf "x" }}',
      'template: t:1:10: executing "t" at <"x">: can\'t handle "x" for arg of type map[string]interface {}',
    ],
    ['{{ trunc nil "x" }}', 'template: t:1:9: executing "t" at <nil>: cannot assign nil to int'],
  ])('%s', (text, expected) => {
    expect(run(text)).toBe(expected)
  })
})
