import { describe, expect, it } from 'vitest'
import { RenderError } from './errors.ts'
import { formatTemplateOutput } from './output/format.ts'
import { mergeValues, renderChart } from './render.ts'
import { makeChart } from './testing/make-chart.ts'

function renderError(fn: () => unknown): RenderError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(RenderError)
    return err as RenderError
  }
  throw new Error('expected a RenderError')
}

const sub = makeChart(
  { name: 'sub' },
  {
    values: { greeting: 'hi' },
    templates: {
      'templates/NOTES.txt': 'sub notes {{ .Values.greeting }}',
      'templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-sub\ndata:\n  g: {{ .Values.greeting }}\n  env: {{ .Values.global.env }}\n',
    },
  },
)
const chart = makeChart(
  { name: 'app', dependencies: [{ name: 'sub', version: '0.1.0', condition: 'sub.enabled' }] },
  {
    values: { name: 'web', global: { env: 'dev' }, sub: { enabled: true } },
    templates: {
      'templates/_helpers.tpl': '{{ define "app.name" }}{{ .Values.name }}{{ end }}',
      'templates/NOTES.txt': 'notes for {{ include "app.name" . }} in {{ .Release.Namespace }}',
      'templates/svc.yaml':
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "app.name" . }}\n  labels:\n    missing: "{{ .Values.nope }}"\n',
      'templates/ns.yaml':
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {{ .Release.Namespace }}\n',
      'templates/hook.yaml':
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: pre-upgrade,pre-install\n    helm.sh/hook-weight: "3"\n',
      'templates/lookup.yaml':
        '{{ $s := lookup "v1" "Secret" .Release.Namespace "creds" }}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: looked-up\ndata:\n  found: {{ dig "data" "password" "none" $s | quote }}\n',
    },
    files: {
      'crds/thing.yaml':
        'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: things.example.invalid\n',
    },
    dependencies: [sub],
  },
)

describe('renderChart', () => {
  it('returns manifests in install order, hooks apart, CRDs, root notes and merged values', () => {
    const r = renderChart(chart, { name: 'shop' }, { releaseName: 'rel', namespace: 'prod' })
    expect(r.manifests.map((m) => [m.name, m.head.kind, m.head.metadata?.name])).toEqual([
      ['app/templates/ns.yaml', 'Namespace', 'prod'],
      ['app/charts/sub/templates/cm.yaml', 'ConfigMap', 'rel-sub'],
      ['app/templates/lookup.yaml', 'ConfigMap', 'looked-up'],
      ['app/templates/svc.yaml', 'Service', 'shop'],
    ])
    expect(r.manifests[3]?.content).toContain('missing: ""')
    expect(r.hooks).toEqual([
      expect.objectContaining({
        name: 'migrate',
        kind: 'Job',
        weight: 3,
        events: ['pre-upgrade', 'pre-install'],
      }),
    ])
    expect(r.crdFiles.map((f) => f.name)).toEqual(['app/crds/thing.yaml'])
    expect(r.crdFiles[0]?.content).toContain('name: things.example.invalid')
    expect(r.notes).toBe('notes for shop in prod')
    expect(r.values).toMatchObject({
      name: 'shop',
      sub: { greeting: 'hi', global: { env: 'dev' } },
    })
  })

  it('renders subchart notes on request and drops disabled subcharts', () => {
    const withSub = renderChart(chart, {}, { releaseName: 'rel', subNotes: true })
    expect(withSub.notes?.split('\n').sort()).toEqual(['notes for web in default', 'sub notes hi'])
    const off = renderChart(chart, { sub: { enabled: false } }, { releaseName: 'rel' })
    expect(off.manifests.map((m) => m.name)).not.toContain('app/charts/sub/templates/cm.yaml')
  })

  it('answers lookup through the injected function, and with an empty map without one', () => {
    const lookup = (apiVersion: string, kind: string, namespace: string, name: string) =>
      apiVersion === 'v1' && kind === 'Secret' && namespace === 'default' && name === 'creds'
        ? { data: { password: 'c2VjcmV0' } }
        : {}
    const found = renderChart(chart, {}, { releaseName: 'rel', lookup })
    expect(found.manifests.find((m) => m.head.metadata?.name === 'looked-up')?.content).toContain(
      'found: "c2VjcmV0"',
    )
    const none = renderChart(chart, {}, { releaseName: 'rel' })
    expect(none.manifests.find((m) => m.head.metadata?.name === 'looked-up')?.content).toContain(
      'found: "none"',
    )
  })

  it('does not change the chart it was given', () => {
    const before = JSON.stringify({ md: chart.metadata, values: chart.values })
    renderChart(chart, { name: 'x', sub: { greeting: null } }, { releaseName: 'rel' })
    expect(JSON.stringify({ md: chart.metadata, values: chart.values })).toBe(before)
  })

  it('prints like helm template', () => {
    const out = formatTemplateOutput(
      renderChart(chart, {}, { releaseName: 'rel', includeCrds: true }),
    )
    expect(
      out.startsWith('---\n# Source: app/crds/thing.yaml\napiVersion: apiextensions.k8s.io/v1\n'),
    ).toBe(true)
    expect(
      out.endsWith(
        '---\n# Source: app/templates/hook.yaml\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: pre-upgrade,pre-install\n    helm.sh/hook-weight: "3"\n',
      ),
    ).toBe(true)
  })
})

describe('render errors', () => {
  const failing = (template: string, extra: object = {}) =>
    makeChart({ name: 'bad', ...extra }, { templates: { 'templates/x.yaml': template } })

  it('locates fail and required as Helm does', () => {
    const e = renderError(() =>
      renderChart(failing('a: 1\nb: {{ fail "boom" }}'), {}, { releaseName: 'r' }),
    )
    expect(e.code).toBe('TEMPLATE_EXEC')
    expect(e.message).toBe('execution error at (bad/templates/x.yaml:2:6): boom')
    expect([e.file, e.line, e.column, e.phase]).toEqual(['bad/templates/x.yaml', 2, 6, 'render'])
    const r = renderError(() =>
      renderChart(failing('{{ required "need x" .Values.x }}'), {}, { releaseName: 'r' }),
    )
    expect(r.message).toBe('execution error at (bad/templates/x.yaml:1:3): need x')
  })

  it('reports parse errors with file and line', () => {
    const e = renderError(() => renderChart(failing('ok\n{{ if }}'), {}, { releaseName: 'r' }))
    expect(e.code).toBe('TEMPLATE_PARSE')
    expect(e.message).toBe('parse error at (bad/templates/x.yaml:2): missing value for if')
    expect([e.file, e.line]).toEqual(['bad/templates/x.yaml', 2])
  })

  it('bounds include recursion with Helm words', () => {
    const e = renderError(() =>
      renderChart(
        failing('{{ define "l" }}{{ include "l" . }}{{ end }}{{ include "l" . }}'),
        {},
        { releaseName: 'r' },
      ),
    )
    expect(e.message).toMatch(
      /rendering template has a nested reference name: l: unable to execute template$/,
    )
  })

  it('checks kubeVersion and missing dependencies', () => {
    const k = renderError(() =>
      renderChart(failing('a: 1', { kubeVersion: '>=1.40.0' }), {}, { releaseName: 'r' }),
    )
    expect(k.code).toBe('KUBE_VERSION_INCOMPATIBLE')
    expect(k.message).toBe(
      'chart requires kubeVersion: >=1.40.0 which is incompatible with Kubernetes v1.32.0',
    )
    expect(() =>
      renderChart(
        failing('a: 1', { kubeVersion: '>=1.40.0' }),
        {},
        { releaseName: 'r', kubeVersion: '1.41' },
      ),
    ).not.toThrow()
    const d = renderError(() =>
      renderChart(
        failing('a: 1', { dependencies: [{ name: 'gone', version: '1.0.0' }] }),
        {},
        { releaseName: 'r' },
      ),
    )
    expect([d.code, d.phase]).toEqual(['MISSING_DEPENDENCY', 'values'])
    expect(d.message).toMatch(/found in Chart.yaml, but missing in charts\/ directory: gone$/)
  })

  it('validates values against the schema before rendering', () => {
    const c = makeChart(
      { name: 's' },
      {
        schema: { type: 'object', properties: { replicas: { type: 'integer' } } },
        templates: { 'templates/x.yaml': '{{ fail "not reached" }}' },
      },
    )
    const e = renderError(() => renderChart(c, { replicas: 'two' }, { releaseName: 'r' }))
    expect([e.code, e.phase]).toEqual(['SCHEMA_VALIDATION', 'values'])
    expect(
      renderError(() =>
        renderChart(c, { replicas: 'two' }, { releaseName: 'r', skipSchemaValidation: true }),
      ).code,
    ).toBe('TEMPLATE_EXEC')
  })
})

describe('mergeValues', () => {
  it('merges sources in order, then coalesces with chart defaults and subcharts', () => {
    const v = mergeValues(chart, [{ name: 'a', sub: { greeting: 'yo' } }, { name: 'b' }])
    expect(v).toMatchObject({
      name: 'b',
      global: { env: 'dev' },
      sub: { enabled: true, greeting: 'yo', global: { env: 'dev' } },
    })
  })
})

describe('values errors', () => {
  it('reports a subchart key that is not a map as Helm does', () => {
    const e = renderError(() => renderChart(chart, { sub: 5n }, { releaseName: 'r' }))
    expect([e.code, e.phase, e.valuesPath, e.message]).toEqual([
      'DEPENDENCY_TYPE_MISMATCH',
      'values',
      'sub',
      'type mismatch on sub: %!t(int64=5)',
    ])
  })
})

describe('capabilities', () => {
  const caps = makeChart(
    { name: 'caps' },
    {
      templates: {
        'templates/x.yaml':
          'kind: ConfigMap\ndata:\n  kube: "{{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Major }}.{{ .Capabilities.KubeVersion.Minor }}"\n  policy: "{{ .Capabilities.APIVersions.Has "policy/v1" }}"\n  mon: "{{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }}"\n',
      },
    },
  )
  const data = (options: object) =>
    renderChart(caps, {}, { releaseName: 'r', ...options })
      .manifests[0]?.content.split('\n')
      .slice(2)
      .join('\n')

  it('defaults to Helm 3.17 without a cluster, and takes --kube-version and --api-versions', () => {
    expect(data({})).toBe('  kube: "v1.32.0 1.32"\n  policy: "true"\n  mon: "false"')
    expect(data({ kubeVersion: '1.29.4', apiVersions: ['monitoring.coreos.com/v1'] })).toBe(
      '  kube: "v1.29.4 1.29"\n  policy: "true"\n  mon: "true"',
    )
  })
  it('replaces the built-in list with a cluster’s', () => {
    expect(data({ clusterApiVersions: ['v1', 'monitoring.coreos.com/v1'] })).toBe(
      '  kube: "v1.32.0 1.32"\n  policy: "false"\n  mon: "true"',
    )
  })
})

describe('bounds', () => {
  it('stops a template whose output passes the limit', () => {
    const big = makeChart(
      { name: 'big' },
      { templates: { 'templates/x.yaml': '{{ range until 100000 }}xxxxxxxxxx{{ end }}' } },
    )
    const e = renderError(() =>
      renderChart(big, {}, { releaseName: 'r', limits: { maxTemplateOutput: 10_000 } }),
    )
    expect(e.code).toBe('LIMIT_EXCEEDED')
    expect(e.file).toBe('big/templates/x.yaml')
  })
  it('stops charts nested deeper than the limit', () => {
    let c = makeChart({ name: 'leaf' })
    for (let i = 0; i < 5; i++) c = makeChart({ name: `c${i}` }, { dependencies: [c] })
    expect(
      renderError(() => renderChart(c, {}, { releaseName: 'r', limits: { maxChartDepth: 3 } }))
        .code,
    ).toBe('LIMIT_EXCEEDED')
  })
})
