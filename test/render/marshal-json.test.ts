import { describe, expect, it } from 'vitest'
import { expectSameAsHelm, probeChart, templateWithBoth } from '../support/probe-chart.ts'

// Types with their own MarshalJSON (time.Time, *semver.Version) encode as JSON strings.
describe('toJson and toYaml of times and versions', () => {
  it('write strings, as helm', async () => {
    const dir = probeChart({
      'cm.yaml': [
        'a: {{ semver "1.2.3-rc.1+b" | toJson }}',
        'b: {{ toDate "2006-01-02" "2024-03-05" | toJson }}',
        'c: {{ dict "v" (semver "2.0.0") | toJson }}',
        'd: {{ toDate "2006-01-02" "2024-03-05" | toYaml }}',
        '',
      ].join('\n'),
    })
    const { ours, theirs } = await templateWithBoth(dir, { TZ: 'UTC' })
    expect(theirs.code).toBe(0)
    expect(ours.stdout).toBe(theirs.stdout)
    expect(ours.stdout).toContain('c: {"v":"2.0.0"}')
  })

  it("Sprig's JSON functions are there too", async () => {
    const dir = probeChart({
      'cm.yaml': [
        'a: {{ dict "a" 1 "b" "<x>" | mustToJson }}',
        'b: {{ dict "a" 1 | toPrettyJson | nindent 2 }}',
        'c: {{ dict "b" "<x>" | toRawJson }}',
        'd: {{ list 1 2 | mustToPrettyJson | nindent 2 }}',
        'e: {{ mustFromJson "{\\"k\\": 2}" | toJson }}',
        '',
      ].join('\n'),
    })
    await expectSameAsHelm(dir)
  })
})
