import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { helm } from '../support/tools.ts'

/**
 * Renders many template expressions with the reference helm in one run and returns each
 * expression's raw output. `--debug` makes helm print the rendered text even when it is not
 * valid YAML, which most probe output is not.
 */
export async function helmProbe(exprs: string[], valuesYaml: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-sprig-'))
  try {
    mkdirSync(join(dir, 'templates'))
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: probe\nversion: 0.1.0\n')
    writeFileSync(join(dir, 'values.yaml'), valuesYaml)
    // The first line is invalid YAML on purpose: helm then prints the raw text (--debug).
    const body = 'a: b: c\n' + exprs.map((e, i) => `<<<${i}>>>${e}`).join('\n') + '\n<<<END>>>\n'
    writeFileSync(join(dir, 'templates', 'probe.yaml'), body)
    const r = await helm(['template', 'r', dir, '--debug'])
    const start = r.stdout.indexOf('<<<0>>>')
    const end = r.stdout.indexOf('<<<END>>>')
    if (start < 0 || end < 0)
      throw new Error(`helm failed: ${r.stderr.slice(0, 2000)}\n${r.stdout.slice(0, 300)}`)
    const parts = r.stdout
      .slice(start, end)
      .split(/<<<\d+>>>/)
      .slice(1)
    return parts.map((p, i) => (i < parts.length - 1 ? p.slice(0, -1) : p.slice(0, -1)))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Whether helm fails to render one expression (for functions that must fail). */
export async function helmFails(expr: string): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-sprig-'))
  try {
    mkdirSync(join(dir, 'templates'))
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: probe\nversion: 0.1.0\n')
    writeFileSync(join(dir, 'templates', 'probe.yaml'), `x: {{ ${expr} }}\n`)
    const r = await helm(['template', 'r', dir])
    return r.code !== 0
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
