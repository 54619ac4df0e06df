/**
 * Differential test of the Go template engine against the reference helm binary: the same
 * templates (Go builtins only) rendered by `helm template` and by TemplateSet must give the
 * same bytes, and the same error messages.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  TemplateExecError,
  TemplateParseError,
  TemplateSet,
  withSignature,
  type FuncMap,
} from '@slipway/gotemplate'
import { helm } from '../support/tools.ts'
import { ERROR_CASES, HELPERS, OUTPUT_CASES, VALUES } from './cases.ts'

const CHART = 'probe'
const END = '#END'
const root = mkdtempSync(join(tmpdir(), 'slipway-gotemplate-diff-'))

function writeChart(dir: string, templates: Record<string, string>): void {
  mkdirSync(join(dir, 'templates'), { recursive: true })
  writeFileSync(join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${CHART}\nversion: 0.1.0\n`)
  writeFileSync(join(dir, 'values.yaml'), JSON.stringify(VALUES, null, 2) + '\n')
  for (const [name, text] of Object.entries(templates))
    writeFileSync(join(dir, 'templates', name), text)
}

/** The data helm passes to templates, for the parts the cases read. */
function renderData(): unknown {
  return {
    Values: JSON.parse(JSON.stringify(VALUES)),
    Release: {
      Name: 'r',
      Namespace: 'default',
      IsInstall: true,
      IsUpgrade: false,
      Revision: 1n,
      Service: 'Helm',
    },
  }
}

function fileName(i: number): string {
  return `c${String(i).padStart(3, '0')}.yaml`
}

/** Minimal stand-ins for a few Sprig functions, declaring Sprig's Go signatures. */
const TYPED_FUNCS: FuncMap = {
  upper: withSignature((s: string) => s.toUpperCase(), { params: ['string'] }),
  trunc: withSignature(
    (c: bigint, s: string) => {
      const n = Number(c)
      if (n < 0 && s.length + n > 0) return s.slice(s.length + n)
      if (n >= 0 && s.length > n) return s.slice(0, n)
      return s
    },
    { params: ['int', 'string'] },
  ),
  indent: withSignature(
    (n: bigint, s: string) =>
      ' '.repeat(Number(n)) + s.replaceAll('\n', '\n' + ' '.repeat(Number(n))),
    {
      params: ['int', 'string'],
    },
  ),
  repeat: withSignature((n: bigint, s: string) => s.repeat(Number(n)), {
    params: ['int', 'string'],
  }),
}

/** Renders like helm: every file parsed into one set, each non-partial file executed. */
function renderWithEngine(templates: Record<string, string>): Record<string, string> {
  const set = new TemplateSet({ funcs: TYPED_FUNCS })
  // helm's parse order: deepest paths first, then reverse lexical order (later defines win)
  const names = Object.keys(templates)
    .map((n) => `${CHART}/templates/${n}`)
    .sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? 1 : a > b ? -1 : 0))
  for (const name of names) set.parse(name, templates[name.slice(`${CHART}/templates/`.length)]!)
  const out: Record<string, string> = {}
  for (const name of names) {
    if (name.split('/').pop()!.startsWith('_')) continue
    out[name] = set.execute(name, renderData()).replaceAll('<no value>', '')
  }
  return out
}

/** Helm's wording of an engine error (parse errors are shortened to their last part). */
function helmMessage(e: unknown): string {
  if (e instanceof TemplateParseError) {
    const parts = e.message.split(': ')
    return `parse error at (${e.parseName}:${e.line}): ${parts[parts.length - 1]}`
  }
  if (e instanceof TemplateExecError) return e.message
  throw e
}

afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('engine output equals helm template output', () => {
  const templates: Record<string, string> = { '_helpers.tpl': HELPERS }
  // The end marker keeps each file's trailing whitespace visible (helm trims the whole blob).
  OUTPUT_CASES.forEach((c, i) => (templates[fileName(i)] = c + END))
  // An invalid YAML file makes helm print every rendered file raw (with --debug) before failing.
  templates['zz-invalid.yaml'] = ': : :\n  - ['
  const helmFiles: Record<string, string> = {}

  beforeAll(async () => {
    const dir = join(root, 'outputs', CHART)
    writeChart(dir, templates)
    const res = await helm(['template', 'r', dir, '--debug'])
    expect(res.stderr).toContain('YAML parse error on probe/templates/')
    const parts = res.stdout.split(/^---\n# Source: /m).slice(1)
    for (const part of parts) {
      const nl = part.indexOf('\n')
      helmFiles[part.slice(0, nl)] = part.slice(nl + 1).replace(/\n$/, '')
    }
  })

  const engine = renderWithEngine(templates)
  OUTPUT_CASES.forEach((c, i) => {
    it(`${fileName(i)}: ${c.length > 60 ? c.slice(0, 60) + '…' : c}`, () => {
      const name = `${CHART}/templates/${fileName(i)}`
      const expected = helmFiles[name]
      expect(expected?.endsWith(END)).toBe(true)
      expect(engine[name]).toBe(expected)
    })
  })
})

describe('engine errors equal helm errors', () => {
  let helmErrors: string[] = []
  beforeAll(async () => {
    helmErrors = await Promise.all(
      ERROR_CASES.map(async (c, i) => {
        const dir = join(root, `error${i}`, CHART)
        writeChart(dir, { 'a.yaml': c, '_helpers.tpl': HELPERS })
        const res = await helm(['template', 'r', dir])
        return res.stderr
          .replace(/^Error: /, '')
          .replace(/\s*Use --debug flag to render out invalid YAML\s*$/, '')
          .trimEnd()
      }),
    )
  })

  ERROR_CASES.forEach((c, i) => {
    it(`error ${i}: ${c}`, () => {
      let message = '<no error>'
      try {
        renderWithEngine({ '_helpers.tpl': HELPERS, 'a.yaml': c })
      } catch (e) {
        message = helmMessage(e)
      }
      expect(message).toBe(helmErrors[i])
    })
  })
})
