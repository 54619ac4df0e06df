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

/**
 * A random value tree for the fuzzers: mostly `leaf` strings, some numbers, lists and maps
 * (with `leaf` keys), at most three levels deep.
 */
export function randomTree(r: () => number, leaf: (r: () => number) => string, depth = 0): unknown {
  const k = r()
  if (depth > 2 || k < 0.55) return leaf(r)
  if (k < 0.6) return Math.floor(r() * 1e6) / (r() < 0.5 ? 1 : 1000)
  if (k < 0.8)
    return Array.from({ length: Math.floor(r() * 4) }, () => randomTree(r, leaf, depth + 1))
  const m: Record<string, unknown> = {}
  for (let i = Math.floor(r() * 4); i > 0; i--) m[leaf(r)] = randomTree(r, leaf, depth + 1)
  return m
}
