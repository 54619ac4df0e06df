import { describe, expect, it } from 'vitest'
import { probeChart, templateWithBoth } from '../support/probe-chart.ts'

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
    const { ours, theirs } = await templateWithBoth(dir)
    expect(theirs.code).toBe(0)
    expect(ours.stderr).toBe('')
    expect(ours.stdout).toBe(theirs.stdout)
    expect(ours.stdout).toContain('a: "map[]"')
  })
})
