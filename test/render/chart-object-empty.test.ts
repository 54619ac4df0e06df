import { describe, expect, it } from 'vitest'
import { expectSameAsHelm, probeChart } from '../support/probe-chart.ts'

// A chart without annotations, keywords or maintainers: Go sees nil maps and slices there,
// which print as map[] and [] and have length 0.
describe('.Chart fields a chart leaves out', () => {
  it('print and measure like helm', async () => {
    const dir = probeChart({
      'cm.yaml': [
        'a: {{ .Chart.Annotations | quote }}',
        'b: {{ len .Chart.Keywords | quote }}',
        'd: {{ .Chart.Maintainers | quote }}',
        'e: {{ toJson .Chart | quote }}',
        '',
      ].join('\n'),
    })
    const out = await expectSameAsHelm(dir)
    expect(out).toContain('a: "map[]"')
  })
})

// Chart.yaml's annotations are a map[string]string: a key it lacks reads as "", not as nil.
describe('.Chart.Annotations', () => {
  it('is a map[string]string whose missing keys are empty strings, as in helm', async () => {
    const dir = probeChart({
      'cm.yaml': [
        'q: {{ .Chart.Annotations.missing | quote }}',
        'eq: {{ eq .Chart.Annotations.missing "" }}',
        't: {{ typeOf .Chart.Annotations }}',
        'k: {{ kindOf .Chart.Annotations.missing }}',
        'i: {{ index .Chart.Annotations "zz" | quote }}',
        'd: {{ .Chart.Annotations.missing | default "dflt" }}',
        '',
      ].join('\n'),
    })
    const out = await expectSameAsHelm(dir)
    expect(out).toContain('q: ""\neq: true\nt: map[string]string')
  })
})
