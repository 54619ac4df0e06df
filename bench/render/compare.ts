/**
 * Fidelity report: renders every chart of a directory with `helm template` and with
 * `slipway template`, with default values and with each `ci/*.yaml` values file, and reports per
 * run whether the outputs are identical, the same parsed YAML, or differ (with the documents
 * that differ). Documents that differ between two helm runs (random functions) are masked.
 *
 *   pnpm exec tsx bench/render/compare.ts DIR [--max-ci N] [--filter SUBSTR] [--diff]
 *
 * DIR holds one chart per directory, with dependencies vendored in each chart's charts/.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { decodeYaml } from '@slipway/gotemplate'
import {
  compareOutputs,
  splitPrinted,
  type PrintedDocument,
} from '../../test/render/support/documents.ts'
import { errorText, helmTemplate, slipwayTemplate } from '../../test/render/support/run-template.ts'

type Status = 'identical' | 'same-yaml' | 'differs' | 'both-fail' | 'helm-fails' | 'slipway-fails'

interface Row {
  chart: string
  values: string
  status: Status
  detail: string
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

function parsed(text: string): unknown {
  try {
    return decodeYaml(text.replace(/^---\n/, ''))
  } catch {
    return Symbol('unparsable')
  }
}

/** Indexes of documents whose text changes between two helm runs (random functions). */
function unstable(a: PrintedDocument[], b: PrintedDocument[]): Set<number> {
  const out = new Set<number>()
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i]?.text !== b[i]?.text) out.add(i)
  return out
}

async function compareRun(
  dir: string,
  args: string[],
): Promise<{ status: Status; detail: string }> {
  const [want, got] = await Promise.all([helmTemplate(args, dir), slipwayTemplate(args, dir)])
  if (want.code !== 0 && got.code !== 0) {
    const same = errorText(want.stderr).trim() === errorText(got.stderr).trim()
    return {
      status: 'both-fail',
      detail: same ? 'same error' : errorText(got.stderr).split('\n')[0]!.slice(0, 200),
    }
  }
  if (want.code !== 0)
    return { status: 'helm-fails', detail: errorText(want.stderr).split('\n')[0]!.slice(0, 200) }
  if (got.code !== 0)
    return { status: 'slipway-fails', detail: errorText(got.stderr).split('\n')[0]!.slice(0, 300) }
  if (want.stdout === got.stdout) return { status: 'identical', detail: '' }

  let e = splitPrinted(want.stdout)
  let a = splitPrinted(got.stdout)
  const again = await helmTemplate(args, dir)
  const masked = unstable(e, splitPrinted(again.stdout))
  if (masked.size > 0 && e.length === a.length) {
    e = e.filter((_, i) => !masked.has(i))
    a = a.filter((_, i) => !masked.has(i))
    if (e.every((d, i) => d.text === a[i]?.text)) {
      return { status: 'identical', detail: `${masked.size} random document(s) masked` }
    }
  }
  const differing: string[] = []
  let sameYaml = e.length === a.length
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i]?.text === a[i]?.text) continue
    differing.push(e[i]?.source ?? a[i]?.source ?? '?')
    if (!isDeepStrictEqual(parsed(e[i]?.text ?? ''), parsed(a[i]?.text ?? ''))) sameYaml = false
  }
  const detail =
    e.length !== a.length
      ? `helm ${e.length} documents, slipway ${a.length}`
      : `${differing.length} document(s): ${[...new Set(differing)].slice(0, 4).join(', ')}`
  const out = { status: (sameYaml ? 'same-yaml' : 'differs') as Status, detail }
  if (process.argv.includes('--diff')) {
    out.detail += `\n${compareOutputs(e.map((d) => `---\n${d.text}`).join(''), a.map((d) => `---\n${d.text}`).join(''))}`
  }
  return out
}

async function main(): Promise<void> {
  const root = process.argv[2]
  if (!root || !existsSync(root)) {
    console.error('usage: tsx bench/render/compare.ts DIR [--max-ci N] [--filter SUBSTR] [--diff]')
    process.exit(2)
  }
  const maxCi = Number(arg('--max-ci') ?? '3')
  const filter = arg('--filter')
  const rows: Row[] = []
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name)
    if (!statSync(dir).isDirectory() || !existsSync(join(dir, 'Chart.yaml'))) continue
    if (filter && !name.includes(filter)) continue
    const sets: Array<[string, string[]]> = [['defaults', []]]
    const ci = join(dir, 'ci')
    if (existsSync(ci)) {
      for (const f of readdirSync(ci)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .slice(0, maxCi)) {
        sets.push([`ci/${f}`, ['-f', join('ci', f)]])
      }
    }
    for (const [label, extra] of sets) {
      const r = await compareRun(dir, ['release-name', '.', ...extra])
      rows.push({ chart: name, values: label, ...r })
      console.log(`${r.status.padEnd(13)} ${name} [${label}]${r.detail ? ` ${r.detail}` : ''}`)
    }
  }
  const counts = new Map<Status, number>()
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1)
  console.log(`\n${rows.length} runs: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}`)
}

await main()
