import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeJson } from '../../packages/gotemplate/src/encoding/index.ts'
import { applySetFlags, StrvalsError } from '../../packages/render/src/strvals/index.ts'
import type { SetFlags } from '../../packages/render/src/strvals/index.ts'
import { helm } from '../support/tools.ts'

/** Prints every value's Go type, recursively through maps and one level into lists. */
export const PROBE_TEMPLATE = `{{- define "types" }}{{ range $k, $v := . }}{{ $k }}:{{ typeOf $v }}{{ if kindIs "map" $v }}({{ include "types" $v }}){{ end }}{{ if kindIs "slice" $v }}[{{ range $v }}{{ typeOf . }},{{ end }}]{{ end }};{{ end }}{{ end -}}
# {{ toJson .Values | b64enc }}
# {{ include "types" .Values | b64enc }}
`

/** What a set of flags produced: the values as JSON with their Go types, or the error. */
export type FlagsResult = { json: string; types: string } | { error: string }

/** Runs `fn` with a probe chart that prints the values and their Go types. */
export async function withProbeChart<T>(fn: (chartDir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-strvals-'))
  try {
    mkdirSync(join(dir, 'templates'))
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: probe\nversion: 0.1.0\n')
    writeFileSync(join(dir, 'templates', 'probe.yaml'), PROBE_TEMPLATE)
    return await fn(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const FLAG_NAMES: Record<keyof SetFlags, string> = {
  set: '--set',
  setString: '--set-string',
  setJson: '--set-json',
  setFile: '--set-file',
  setLiteral: '--set-literal',
}

/** helm template's values for the flags, or its error without the `Error: ` prefix. */
export async function helmForFlags(chartDir: string, flags: SetFlags): Promise<FlagsResult> {
  const args: string[] = []
  for (const [k, list] of Object.entries(flags) as [keyof SetFlags, string[]][]) {
    for (const v of list) args.push(`${FLAG_NAMES[k]}=${v}`)
  }
  const r = await helm(['template', 'r', chartDir, ...args])
  if (r.code !== 0) return { error: r.stderr.trim().replace(/^Error: /, '') }
  const lines = [...r.stdout.matchAll(/^# (\S*)$/gm)].map((m) =>
    Buffer.from(m[1]!, 'base64').toString('utf8'),
  )
  return { json: lines[0]!, types: lines[1] ?? '' }
}

function goType(v: unknown): string {
  if (v === null) return '<nil>'
  if (Array.isArray(v)) return '[]interface {}'
  switch (typeof v) {
    case 'bigint':
      return 'int64'
    case 'number':
      return 'float64'
    case 'string':
      return 'string'
    case 'boolean':
      return 'bool'
    default:
      return 'map[string]interface {}'
  }
}

/** The `types` line the probe template prints, computed from our values. */
export function typesOf(m: Record<string, unknown>): string {
  return Object.keys(m)
    .sort()
    .map((k) => {
      const v = m[k]
      let s = `${k}:${goType(v)}`
      if (goType(v) === 'map[string]interface {}') s += `(${typesOf(v as Record<string, unknown>)})`
      if (Array.isArray(v)) s += `[${v.map((x) => goType(x) + ',').join('')}]`
      return s + ';'
    })
    .join('')
}

/** Our values for the flags (files read as the CLI reads them), or our error. */
export function oursForFlags(flags: SetFlags): FlagsResult {
  const readFile = (p: string) => {
    try {
      return readFileSync(p, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new Error(`open ${p}: no such file or directory`)
      throw e
    }
  }
  try {
    const v = applySetFlags({}, flags, readFile)
    return { json: encodeJson(v), types: typesOf(v) }
  } catch (e) {
    if (e instanceof StrvalsError) return { error: e.message }
    throw e
  }
}
