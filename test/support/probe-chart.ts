import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { helm, isolatedHelmEnv, slipway } from './tools.ts'

/**
 * Writes a throw-away chart `c` (apiVersion v2, version 0.1.0) with the given templates
 * (file name → text) and values.yaml, and returns its directory: for comparing one construct
 * between `helm template` and `slipway template`.
 */
export function probeChart(templates: Record<string, string>, valuesYaml = ''): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'slipway-probe-')), 'c')
  mkdirSync(join(dir, 'templates'), { recursive: true })
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n')
  writeFileSync(join(dir, 'values.yaml'), valuesYaml)
  for (const [name, text] of Object.entries(templates)) {
    writeFileSync(join(dir, 'templates', name), text)
  }
  return dir
}

/** `slipway template r DIR` and `helm template r DIR`, side by side (helm in an isolated home). */
export async function templateWithBoth(dir: string, env: NodeJS.ProcessEnv = {}) {
  const [ours, theirs] = await Promise.all([
    slipway(['template', 'r', dir], { env: { ...process.env, ...env } }),
    helm(['template', 'r', dir], { env: isolatedHelmEnv(env) }),
  ])
  return { ours, theirs }
}

/**
 * Renders the probe chart with both and expects the same output, helm succeeding and Slipway
 * printing no warning; returns that output for further checks.
 */
export async function expectSameAsHelm(dir: string): Promise<string> {
  const { ours, theirs } = await templateWithBoth(dir)
  expect(theirs.code).toBe(0)
  expect(ours.stderr).toBe('')
  expect(ours.stdout).toBe(theirs.stdout)
  return ours.stdout
}
