import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { helm } from '../support/tools.ts'

/**
 * Renders template expressions with the reference helm in one run and returns each one's
 * exact output. Each result travels base64-encoded in a YAML comment, so any bytes survive
 * helm's check that the rendered manifest is YAML.
 */
export async function helmRender(
  exprs: string[],
  valuesYaml: string,
  extraArgs: string[] = [],
): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-encoding-'))
  try {
    mkdirSync(join(dir, 'templates'))
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: probe\nversion: 0.1.0\n')
    writeFileSync(join(dir, 'values.yaml'), valuesYaml)
    const body = exprs.map((e, i) => `# ${i} {{ ${e} | toString | b64enc }}\n`).join('')
    writeFileSync(join(dir, 'templates', 'probe.yaml'), body)
    const r = await helm(['template', 'r', dir, ...extraArgs])
    if (r.code !== 0) throw new Error(`helm failed: ${r.stderr.slice(0, 2000)}`)
    const out: string[] = []
    for (const m of r.stdout.matchAll(/^# (\d+) (.*)$/gm)) {
      out[Number(m[1])] = Buffer.from(m[2]!, 'base64').toString('utf8')
    }
    if (out.length !== exprs.length)
      throw new Error(`expected ${exprs.length} results, got ${out.length}`)
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs helm template and returns its error text (for inputs helm must reject). */
export async function helmError(valuesYaml: string, extraArgs: string[] = []): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-encoding-'))
  try {
    mkdirSync(join(dir, 'templates'))
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: probe\nversion: 0.1.0\n')
    writeFileSync(join(dir, 'values.yaml'), valuesYaml)
    writeFileSync(join(dir, 'templates', 'probe.yaml'), '# {{ toJson .Values }}\n')
    const r = await helm(['template', 'r', dir, ...extraArgs])
    return r.code === 0 ? '' : r.stderr
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** YAML's indicator characters and their usual company, for fuzzers to splice into text. */
export const YAML_PUNCTUATION: readonly string[] = [
  ':',
  ': ',
  '#',
  ' #',
  '-',
  '- ',
  '?',
  ',',
  '[',
  ']',
  '{',
  '}',
  "'",
  '"',
  '\\',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
]

export { prng } from '../support/prng.ts'
