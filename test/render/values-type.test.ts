import { describe, expect, it } from 'vitest'
import { probeChart, templateWithBoth } from '../support/probe-chart.ts'

const values = 'm:\n  k: 1\n'

// The root .Values is Helm's named map type chartutil.Values, not map[string]interface {}.
describe('the type of .Values', () => {
  it('prints as chartutil.Values while nested maps stay plain maps', async () => {
    const dir = probeChart(
      {
        'cm.yaml':
          'a: {{ typeOf .Values | quote }}\nb: {{ typeOf .Values.m | quote }}\nc: {{ kindOf .Values | quote }}\n',
      },
      values,
    )
    const { ours, theirs } = await templateWithBoth(dir)
    expect(theirs.code).toBe(0)
    expect(ours.stdout).toBe(theirs.stdout)
    expect(ours.stdout).toContain('a: "chartutil.Values"')
  })

  it('is refused by dig, as in helm', async () => {
    const dir = probeChart({ 'cm.yaml': 'k: {{ dig "m" "k" "none" .Values }}\n' }, values)
    const { ours, theirs } = await templateWithBoth(dir)
    expect(theirs.code).not.toBe(0)
    expect(ours.code).not.toBe(0)
    expect(ours.stderr).toContain('chartutil.Values')
  })
})
