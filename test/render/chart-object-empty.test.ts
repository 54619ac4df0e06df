import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { helm, slipway } from '../support/tools.ts'

// A chart without annotations, keywords or maintainers: Go sees nil maps and slices there,
// which print as map[] and [] and have length 0.
describe('.Chart fields a chart leaves out', () => {
  it('print and measure like helm', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-chart-empty-'))
    mkdirSync(join(dir, 'c', 'templates'), { recursive: true })
    writeFileSync(join(dir, 'c', 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n')
    writeFileSync(
      join(dir, 'c', 'templates', 'cm.yaml'),
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: x',
        'data:',
        '  a: {{ .Chart.Annotations | quote }}',
        '  b: {{ len .Chart.Keywords | quote }}',
        '  d: {{ .Chart.Maintainers | quote }}',
        '  e: {{ toJson .Chart | quote }}',
        '',
      ].join('\n'),
    )
    const [ours, theirs] = await Promise.all([
      slipway(['template', 'r', join(dir, 'c')]),
      helm(['template', 'r', join(dir, 'c')]),
    ])
    expect(theirs.code).toBe(0)
    expect(ours.stderr).toBe('')
    expect(ours.stdout).toBe(theirs.stdout)
    expect(ours.stdout).toContain('a: "map[]"')
  })
})
