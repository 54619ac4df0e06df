import { describe, expect, it } from 'vitest'
import { nodeString } from './ast.ts'
import { TemplateParseError } from './errors.ts'
import { parseTemplate } from './parse.ts'

const options = {
  hasFunction: (n: string) => ['print', 'upper', 'eq', 'and'].includes(n),
  maxParseDepth: 50,
}

function parseError(text: string): string {
  try {
    parseTemplate('f.yaml', text, options)
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateParseError)
    return (e as Error).message
  }
  return '<no error>'
}

describe('parse errors', () => {
  const cases: [string, string][] = [
    ['{{ nosuch 1 }}', 'template: f.yaml:1: function "nosuch" not defined'],
    ['{{ if }}', 'template: f.yaml:1: missing value for if'],
    ['{{ .a }', 'template: f.yaml:1: unexpected "}" in operand'],
    ['x\n{{ .a \n}}\n{{ end }}', 'template: f.yaml:4: unexpected {{end}}'],
    ['{{ else }}', 'template: f.yaml:1: unexpected {{else}}'],
    ['{{ if true }}', 'template: f.yaml:1: unexpected EOF'],
    [
      '{{ if true }}{{ else }}{{ else }}{{ end }}',
      'template: f.yaml:1: expected end; found {{else}}',
    ],
    [
      '{{ define "a" }}{{ else }}{{ end }}',
      'template: f.yaml:1: unexpected {{else}} in define clause',
    ],
    [
      '{{ define "a" }}x{{ end }}{{ define "a" }}y{{ end }}',
      'template: f.yaml:1: template: multiple definition of template "a"',
    ],
    ['{{ define a }}{{ end }}', 'template: f.yaml:1: unexpected "a" in define clause'],
    ['{{ template x }}', 'template: f.yaml:1: unexpected "x" in template clause'],
    ['{{ $x }}', 'template: f.yaml:1: undefined variable "$x"'],
    ['{{ if true }}{{ $x := 1 }}{{ end }}{{ $x }}', 'template: f.yaml:1: undefined variable "$x"'],
    ['{{ break }}', 'template: f.yaml:1: {{break}} outside {{range}}'],
    ['{{ continue }}', 'template: f.yaml:1: {{continue}} outside {{range}}'],
    ['{{ range . }}{{ break 1 }}{{ end }}', 'template: f.yaml:1: unexpected "1" in {{break}}'],
    ['{{ "x" | 1 }}', 'template: f.yaml:1: non executable command in pipeline stage 2'],
    ['{{ 1.a }}', 'template: f.yaml:1: bad number syntax: "1.a"'],
    ['{{ 1abc }}', 'template: f.yaml:1: bad number syntax: "1a"'],
    ['{{ "x".y }}', 'template: f.yaml:1: unexpected . after term "\\"x\\""'],
    ['{{ .Values.x!y }}', "template: f.yaml:1: bad character U+0021 '!'"],
    ['{{ ( 1 }}', 'template: f.yaml:1: unclosed left paren'],
    ['{{ ) }}', 'template: f.yaml:1: unexpected right paren'],
    ['{{ 99999999999999999999 }}', 'template: f.yaml:1: integer overflow: "99999999999999999999"'],
    ['{{ "abc }}', 'template: f.yaml:1: unterminated quoted string'],
    ['{{ `abc }}', 'template: f.yaml:1: unterminated raw quoted string'],
    ["{{ 'ab' }}", "template: f.yaml:1: malformed character constant: 'ab'"],
    ['{{/* x ', 'template: f.yaml:1: unclosed comment'],
    ['{{/* x */ }}', 'template: f.yaml:1: comment ends before closing delimiter'],
    ['{{ .a ', 'template: f.yaml:1: unclosed action'],
    ['{{ .a\n\n', 'template: f.yaml:3: unclosed action started at f.yaml:1'],
    ['{{ $x, $y := 1 }}', 'template: f.yaml:1: too many declarations in command'],
    ['{{ range $a, $b, $c := . }}{{ end }}', 'template: f.yaml:1: too many declarations in range'],
    ['{{ a: }}', 'template: f.yaml:1: function "a" not defined'],
    ['{{ .a : }}', 'template: f.yaml:1: expected :='],
    ['{{ "\\q" }}', 'template: f.yaml:1: invalid syntax'],
    ['{{ # }}', 'template: f.yaml:1: unexpected "#" in command'],
    [
      '{{ ' + '('.repeat(60) + '1' + ')'.repeat(60) + ' }}',
      'template: f.yaml:1: max expression depth exceeded',
    ],
    [
      '{{ if 1 }}'.repeat(60) + '{{ end }}'.repeat(60),
      'template: f.yaml:1: max expression depth exceeded',
    ],
  ]
  it.each(cases)('%s', (text, expected) => {
    expect(parseError(text)).toBe(expected)
  })

  it('carries the location as data', () => {
    let err: TemplateParseError | undefined
    try {
      parseTemplate('chart/templates/a.yaml', 'a\nb\n{{ nope }}', options)
    } catch (e) {
      err = e as TemplateParseError
    }
    expect(err).toMatchObject({
      code: 'TEMPLATE_PARSE',
      parseName: 'chart/templates/a.yaml',
      line: 3,
      detail: 'function "nope" not defined',
    })
  })
})

describe('parse trees', () => {
  it('round-trips pipelines through Go-style node strings', () => {
    const cases: [string, string][] = [
      ['{{ .a.b | print "x" 1 }}', '{{.a.b | print "x" 1}}'],
      ['{{ $x := (print .a).b }}', '{{$x := (print .a).b}}'],
      ['{{ $.a }}{{ $x := 1 }}{{ $x.y }}', '{{$.a}}{{$x := 1}}{{$x.y}}'],
      [
        '{{ if .a }}x{{ else if .b }}y{{ else }}z{{ end }}',
        '{{if .a}}x{{else}}{{if .b}}y{{else}}z{{end}}{{end}}',
      ],
      ['{{ range $i, $v := . }}{{ break }}{{ end }}', '{{range $i, $v := .}}{{break}}{{end}}'],
      ['{{ template "x" . }}', '{{template "x" .}}'],
    ]
    for (const [text, expected] of cases) {
      const tree = parseTemplate('t', text, options).get('t')!
      expect(nodeString(tree.root)).toBe(expected)
    }
  })

  it('returns the file and each define', () => {
    const trees = parseTemplate(
      'f',
      'a{{ define "x" }}X{{ end }}{{ block "y" . }}Y{{ end }}',
      options,
    )
    expect([...trees.keys()].sort()).toEqual(['f', 'x', 'y'])
    expect(trees.get('x')!.source.parseName).toBe('f')
  })

  it('types number constants as Go does', () => {
    const values = (text: string) => {
      const tree = parseTemplate('t', text, options).get('t')!
      const action = tree.root.nodes[0]
      if (action?.type !== 'action') throw new Error('no action')
      const arg = action.pipe.cmds[0]!.args[0]!
      return arg.type === 'number' ? arg.value : undefined
    }
    expect(values('{{ 3 }}')).toBe(3n)
    expect(values('{{ 3.0 }}')).toBe(3)
    expect(values('{{ 1e3 }}')).toBe(1000)
    expect(values('{{ 0x1F }}')).toBe(31n)
    expect(values('{{ 0x1e }}')).toBe(30n)
    expect(values('{{ -0x1e }}')).toBe(-30)
    expect(values("{{ 'é' }}")).toBe(233n)
    expect(values('{{ 0x1p-2 }}')).toBe(0.25)
  })
})
