/**
 * Templates for the differential test: each uses Go's builtins, plus `upper`, `trunc`, `indent`
 * and `repeat`, for which the test declares stand-ins with Sprig's Go signatures (so the
 * executor's argument checks are compared with Go's, not Sprig's implementations).
 */

/** The chart's values.yaml (written as JSON, which YAML reads the same way). */
export const VALUES = {
  str: 'hello',
  empty: '',
  int: 42,
  float: 1.5,
  big: 1000000,
  small: 0.00001,
  neg: -3,
  zero: 0,
  yes: true,
  no: false,
  nil: null,
  list: [1, 'two', 3.5, null, true],
  emptyList: [],
  strs: ['b', 'a', 'c'],
  map: { b: 2, a: 1, c: { z: 'zz', y: [3, 2, 1] } },
  emptyMap: {},
  nested: { deep: { deeper: { deepest: 'bottom' } } },
  html: '<a href="x">&\'</a>',
  unicode: 'héllo wörld ✓',
  port: 8080,
  items: [
    { name: 'web', port: 80 },
    { name: 'api', port: 8080 },
  ],
}

/** A helpers file shared by all cases (defines are global, as in a chart). */
export const HELPERS = `{{/* helpers */}}
{{- define "probe.name" -}}
{{ .Values.str }}-name
{{- end }}
{{- define "probe.args" -}}
[{{ . }}]
{{- end -}}
{{ define "probe.recurse" }}{{ if . }}{{ index . 0 }}{{ template "probe.recurse" (slice . 1) }}{{ end }}{{ end }}
{{- define "probe.dollar" }}{{ $ }}|{{ . }}{{ end }}
{{- define "probe.replaced" }}first{{ end }}
`

/** Templates whose rendered output is compared byte for byte. */
export const OUTPUT_CASES: string[] = [
  // text, actions and trimming
  'plain text\nwith lines\n',
  'a {{ "b" }} c',
  'a  \n  {{- "b" -}}  \n  c',
  'a {{- 3 }} {{-3}} {{ -3 -}} x',
  '{{- /* a comment */ -}}\n  x {{/* c */}} y {{- /* t */}} z',
  '{{/* multi\nline\ncomment */}}after',
  // literals
  '{{ 1 }} {{ 0x1F }} {{ 0o17 }} {{ 017 }} {{ 0b101 }} {{ 1_000_000 }} {{ -7 }} {{ +7 }}',
  '{{ 1.0 }} {{ 1.5 }} {{ 1e3 }} {{ 1e6 }} {{ 1000000.0 }} {{ 0.00001 }} {{ 1.25e-7 }} {{ .5 }} {{ 0x1p4 }}',
  "{{ 'a' }} {{ '\\n' }} {{ '\\x41' }} {{ '\\u00e9' }} {{ 'é' }}",
  '{{ "a\\tb\\nc\\\\d\\"e" }} {{ "\\x41\\101\\u00e9\\U0001F600" }} {{ `raw\\n{{x}}` }}',
  '{{ true }} {{ false }} {{ "" }}|{{ print nil }}',
  // printing values
  '{{ .Values.str }} {{ .Values.int }} {{ .Values.float }} {{ .Values.big }} {{ .Values.small }} {{ .Values.neg }}',
  '{{ .Values.list }} {{ .Values.map }} {{ .Values.emptyList }} {{ .Values.emptyMap }}',
  '{{ .Values.nil }}|{{ .Values.missing }}|{{ .Values.map.missing }}|{{ .Values.yes }} {{ .Values.no }}',
  '{{ .Values.unicode }} {{ .Values.html }}',
  '{{ .Release.Name }} {{ .Release.Revision }} {{ .Release.IsInstall }}',
  // field chains and variables
  '{{ .Values.nested.deep.deeper.deepest }} {{ $.Values.str }} {{ (.Values.nested).deep.deeper }}',
  '{{ $x := .Values.nested }}{{ $x.deep.deeper.deepest }} {{ $y := $x.deep }}{{ $y }}',
  '{{ $x := 1 }}{{ $x }}{{ $x = 2 }}{{ $x }}{{ if true }}{{ $x = 3 }}{{ $y := 9 }}{{ $y }}{{ end }}{{ $x }}',
  '{{ $m := .Values.missing }}{{ $m.foo }}|{{ (.Values.missing).foo }}',
  '{{ with $v := .Values.str }}{{ $v }}{{ . }}{{ end }}',
  // if / else
  '{{ if .Values.yes }}yes{{ end }}{{ if .Values.no }}no{{ else }}else{{ end }}',
  '{{ if .Values.zero }}a{{ else if .Values.empty }}b{{ else if .Values.emptyList }}c{{ else if .Values.str }}d{{ end }}',
  '{{ if .Values.nil }}a{{ else if .Values.emptyMap }}b{{ else }}c{{ end }}',
  '{{ if 0 }}a{{ end }}{{ if 0.0 }}b{{ end }}{{ if "" }}c{{ end }}{{ if 1 }}d{{ end }}{{ if .Values.map }}e{{ end }}',
  // with
  '{{ with .Values.map }}{{ .a }} {{ .c.z }}{{ end }}',
  '{{ with .Values.missing }}x{{ else }}none{{ end }}',
  '{{ with .Values.missing }}x{{ else with .Values.str }}{{ . }}{{ else }}none{{ end }}',
  '{{ with .Values.empty }}x{{ else with .Values.zero }}y{{ else }}none{{ end }}',
  // range
  '{{ range .Values.strs }}{{ . }},{{ end }}',
  '{{ range $i, $v := .Values.list }}{{ $i }}={{ $v }};{{ end }}',
  '{{ range $v := .Values.strs }}{{ $v }}{{ end }}',
  '{{ range $k, $v := .Values.map }}{{ $k }}:{{ $v }} {{ end }}',
  '{{ range .Values.emptyList }}x{{ else }}empty{{ end }}|{{ range .Values.missing }}x{{ else }}missing{{ end }}',
  '{{ range .Values.emptyMap }}x{{ else }}empty{{ end }}',
  '{{ range .Values.items }}{{ .name }}={{ .port }} {{ end }}',
  '{{ range .Values.strs }}{{ if eq . "a" }}{{ break }}{{ end }}{{ . }}{{ end }}',
  '{{ range .Values.strs }}{{ if eq . "a" }}{{ continue }}{{ end }}{{ . }}{{ end }}',
  '{{ range $i, $x := .Values.strs }}{{ range $.Values.strs }}{{ $i }}{{ . }}{{ end }}|{{ end }}',
  '{{ $i := "outer" }}{{ range $i, $v := .Values.strs }}{{ end }}{{ $i }}',
  '{{ range .Values.list }}[{{ . }}]{{ end }}',
  // define / template / block
  '{{ template "probe.name" . }}',
  '{{ template "probe.args" "x" }}{{ template "probe.args" }}{{ template "probe.args" .Values.list }}',
  '{{ template "probe.recurse" .Values.strs }}',
  '{{ template "probe.dollar" "dot" }}',
  '{{ define "probe.replaced" }}second{{ end }}{{ template "probe.replaced" }}',
  '{{ define "probe.local" }}local {{ . }}{{ end }}{{ template "probe.local" 5 }}',
  '{{ block "probe.block" .Values.str }}block {{ . }}{{ end }}',
  // and / or / not
  '{{ and 1 2 }} {{ and 1 0 2 }} {{ and "" 1 }} {{ or 0 "" "x" }} {{ or 0 "" }} {{ or .Values.missing 5 }}',
  '{{ and .Values.yes .Values.str }} {{ or .Values.nil .Values.list }} {{ not .Values.zero }} {{ not .Values.str }}',
  '{{ and false .Values.nil.foo }} {{ or true .Values.nil.foo }}',
  '{{ "x" | and 1 }} {{ 0 | or "" }}',
  // comparisons
  '{{ eq 1 1 }} {{ eq 1 2 }} {{ eq 1 2 3 1 }} {{ eq "a" "a" }} {{ eq .Values.int 42.0 }} {{ eq .Values.yes true }}',
  '{{ ne 1 2 }} {{ lt 1 2 }} {{ le 2 2 }} {{ gt "b" "a" }} {{ ge 1.5 1.5 }} {{ lt .Values.float 2.0 }}',
  '{{ eq .Values.missing "x" }} {{ eq .Values.nil .Values.missing }} {{ $m := .Values.missing }}{{ eq $m "x" }}',
  '{{ lt "a" "b" }} {{ lt "B" "a" }} {{ lt "é" "z" }} {{ eq .Values.str "hello" "x" }}',
  // len / index
  '{{ len .Values.list }} {{ len .Values.map }} {{ len .Values.str }} {{ len .Values.unicode }} {{ len "" }}',
  '{{ index .Values.list 1 }} {{ index .Values.map "b" }} {{ index .Values.map "c" "z" }} {{ index .Values "str" }}',
  '{{ index .Values.map "missing" }}|{{ index .Values.strs 2 }}|{{ index "abc" 1 }}|{{ index .Values.map.c.y 0 }}',
  // print / printf / println
  '{{ print "a" 1 2 "b" "c" 3.5 nil }}|{{ print }}|{{ print 1 }}|{{ print .Values.map }}',
  '{{ println "a" 1 }}{{ println }}',
  '{{ printf "%d %s %v %q" 3 "x" .Values.list "q" }}|{{ printf "%05d|%-4s|%x|%t" 42 "ab" 255 true }}',
  '{{ printf "%v %v %v" .Values.int .Values.big .Values.small }}|{{ printf "%d" .Values.int }}|{{ printf "%s" 5 }}',
  '{{ printf "%6.2f|%e|%g|%T|%T|%T" 3.14159 1234.5 0.000001 1 1.5 "s" }}',
  '{{ printf "%v" .Values.nil }}|{{ printf "%v" .Values.missing }}|{{ printf "%%" }}|{{ printf "%d" }}|{{ printf "%d" 1 2 }}',
  // html / js / urlquery
  '{{ html .Values.html }}|{{ html "a" 1 nil }}|{{ js .Values.html }}|{{ js "a\\nb=é" }}',
  '{{ urlquery "a b&c=d/é" }}|{{ urlquery .Values.str 1 }}',
  '{{ js "nbsp\u00a0ideo\u3000zw\u200btab\tdel\u007f" }}|{{ html "\u0000" }}|{{ urlquery "~-_.!*\'()" }}',
  // pipelines and parentheses
  '{{ "x" | printf "%s-%s" "a" }} {{ 1 | print 2 | printf "%s!" }}',
  '{{ (printf "%d" 5) }} {{ print (len .Values.strs) (index .Values.strs 0) }} {{ (index .Values.items 1).name }}',
  '{{ (.Values.map).a }} {{ ((.Values.nested).deep).deeper.deepest }}',
  // whitespace and newlines inside actions
  '{{\n  .Values.str\n}} {{ print\n  1\n  2 }}',
  '{{- range .Values.strs }}\n  - {{ . }}\n{{- end }}\n',
  '{{- if .Values.yes }}\n  yes\n{{- else }}\n  no\n{{- end }}\n',
  // functions with declared Go signatures (see TYPED_FUNCS in the test): literal conversion
  '{{ indent 2.0 "x" }}|{{ trunc 2 "abc" }}|{{ "abc" | trunc 2 }}|{{ upper .Values.str }}|{{ .Values.str | upper }}',
  '{{ upper (print 1) }}|{{ repeat 3 "ab" }}|{{ trunc \'a\' "x" }}|{{ trunc -1 "abc" }}|{{ indent 0x2 "y" }}',
  // spacing and assignment forms
  '{{range $x:=.Values.strs}}{{$x}}{{end}}|{{if.Values.yes}}y{{end}}|{{with .Values.map}}{{.a}}{{end}}',
  '{{ $x := "" }}{{ range $x = .Values.strs }}{{ $x }}{{ end }}{{ $x }}|{{ range $i,$v := .Values.strs }}{{$i}}{{$v}}{{ end }}',
  "{{ '\\'' }} {{ index .Values.map.c \"y\" 1 }} {{ .Values.strs | len }} {{ print 1.5e300 2e-300 -0.0 }}",
  '{{ $ := 5 }}{{ $ }}',
  '{{ with $x := .Values.map }}{{ $x.a }}{{ else }}none{{ end }}{{ range $k, $_ := .Values.emptyMap }}{{ else }}e{{ end }}',
  '{{ if and .Values.list (index .Values.list 0) }}first{{ end }}{{ if or (eq .Values.str "x") (eq .Values.str "hello") }}hello{{ end }}',
  '{{ define "probe.vars" }}{{ $v := . }}{{ range $.strs }}{{ $v.str }}{{ . }}{{ end }}{{ end }}{{ template "probe.vars" .Values }}',
  // text around nested structures
  'start\n{{- range $k, $v := .Values.map }}\n{{ $k }}: {{ if $v }}{{ $v }}{{ end }}\n{{- end }}',
]

/** Templates that must fail with helm's exact error message. */
export const ERROR_CASES: string[] = [
  '{{ .Values.missing.bar }}',
  '{{ .Values.nil.foo }}',
  '# pad\n  {{ .Values.str.foo }}',
  '{{ range .Values.list }}{{ .x }}{{ end }}',
  '{{ eq .Values.port 8080 }}',
  '{{ lt 1 }}',
  '{{ eq 1 }}',
  '{{ lt .Values.missing 1 }}',
  '{{ lt true false }}',
  '{{ eq .Values.list .Values.list }}',
  '{{ template "nope" }}',
  '{{ nosuch 1 }}',
  '{{ if }}',
  '{{ .a }',
  'x\n{{ .a \n}}\n{{ end }}',
  '{{ range 3 }}{{ end }}',
  '{{ range .Values.str }}{{ end }}',
  '{{ len .Values.missing }}',
  '{{ $x := .Values.missing }}{{ len $x }}',
  '{{ len 3 }}',
  '{{ index .Values.list 5 }}',
  '{{ index .Values.strs 3 }}',
  '{{ index .Values.str "a" }}',
  '{{ index .Values.missing 1 }}',
  '{{ $x := 1 }}{{ $x.foo }}',
  '{{ 1 2 }}',
  '{{ "x" | 1 }}',
  '{{ $undefined }}',
  '{{ break }}',
  '{{ else }}',
  '{{ end }}',
  '{{ define "a" }}{{ else }}{{ end }}',
  '{{ if true }}',
  '{{/* unclosed',
  '{{ "unterminated }}',
  '{{ 1abc }}',
  '{{ .Values.x!y }}',
  '{{ ( 1 }}',
  '{{ ) }}',
  '{{ 99999999999999999999 }}',
  '{{ nil }}',
  '{{ .Values.nested.deep.deeper.deepest.more.and.more }}',
  '{{ printf "%d" | .Values.str }}',
  '{{range$x:=.Values.strs}}{{end}}',
  '{{with$.Values.map}}{{end}}',
  // more syntax errors
  '{{ if true }}{{ else }}{{ else }}{{ end }}',
  '{{ define "a" }}x{{ end }}{{ define "a" }}y{{ end }}',
  '{{ define a }}{{ end }}',
  '{{ if true }}{{ $x := 1 }}{{ end }}{{ $x }}',
  '{{ continue }}',
  '{{ range . }}{{ break 1 }}{{ end }}',
  '{{ 1.a }}',
  '{{ "x".y }}',
  "{{ 'ab' }}",
  '{{/* x */ }}',
  '{{ .a\n\n',
  '{{ $x, $y := 1 }}',
  '{{ range $a, $b, $c := . }}{{ end }}',
  '{{ .a : }}',
  '{{ "\\q" }}',
  '{{ # }}',
  '{{ with }}{{ end }}',
  '{{ range $i, 1 }}{{ end }}',
  '{{ template "a" | }}',
  // more execution errors
  '{{ .Values.str 1 }}',
  '{{ $l := .Values.list }}{{ $l.x }}',
  '{{ index .Values.map 1 }}',
  '{{ index .Values.list "a" }}',
  '{{ call .Values.str }}',
  '{{ html }}{{ print .Values.nil.x }}',
  '{{ (1).x }}',
  '{{ and }}',
  // functions with declared Go signatures: Go's reflect checks before the call
  '{{ .Values.missing | upper }}',
  '{{ upper .Values.missing }}',
  '{{ $x := .Values.missing }}{{ upper $x }}',
  '{{ .Values.int | upper }}',
  '{{ .Values.nil | upper }}',
  '{{ trunc 1.5 "x" }}',
  '{{ trunc "a" "x" }}',
  '{{ upper 1 }}',
  '{{ upper nil }}',
  '{{ upper true }}',
  '{{ trunc 1 }}',
  '{{ upper "a" "b" }}',
  '{{ trunc .Values.int "abc" }}',
  '{{ "x" | trunc .Values.missing }}',
]
