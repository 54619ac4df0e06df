import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { helm, slipway } from '../support/tools.ts'

function chart(template: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'slipway-values-type-')), 'c')
  mkdirSync(join(dir, 'templates'), { recursive: true })
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n')
  writeFileSync(join(dir, 'values.yaml'), 'm:\n  k: 1\n')
  writeFileSync(join(dir, 'templates', 'cm.yaml'), template)
  return dir
}

// The root .Values is Helm's named map type chartutil.Values, not map[string]interface {}.
describe('the type of .Values', () => {
  it('prints as chartutil.Values while nested maps stay plain maps', async () => {
    const dir = chart(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: {{ typeOf .Values | quote }}\n  b: {{ typeOf .Values.m | quote }}\n  c: {{ kindOf .Values | quote }}\n',
    )
    const [ours, theirs] = await Promise.all([
      slipway(['template', 'r', dir]),
      helm(['template', 'r', dir]),
    ])
    expect(theirs.code).toBe(0)
    expect(ours.stdout).toBe(theirs.stdout)
    expect(ours.stdout).toContain('a: "chartutil.Values"')
  })

  it('is refused by dig, as in helm', async () => {
    const dir = chart('k: {{ dig "m" "k" "none" .Values }}\n')
    const [ours, theirs] = await Promise.all([
      slipway(['template', 'r', dir]),
      helm(['template', 'r', dir]),
    ])
    expect(theirs.code).not.toBe(0)
    expect(ours.code).not.toBe(0)
    expect(ours.stderr).toContain('chartutil.Values')
  })
})
