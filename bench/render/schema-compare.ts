/**
 * Schema-error fidelity: for every chart of DIR with a values.schema.json, writes values that
 * break the chart's own defaults (wrong types, or with --deep bad strings, negative numbers and
 * mixed lists, deeper), runs `helm template` and `slipway template` with them, and compares the
 * error lines as sets (Helm's order is random). Prints same/DIFF per chart with the lines that
 * differ.
 *
 *   pnpm exec tsx bench/render/schema-compare.ts DIR [--deep]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decodeYaml } from '@slipway/gotemplate'
import { errorText, helmTemplate, slipwayTemplate } from '../../test/render/support/run-template.ts'

type Obj = Record<string, unknown>

const deep = process.argv.includes('--deep')
const maxDepth = deep ? 4 : 2
const maxChanges = deep ? 40 : 12

/** Values of the wrong shape for each default found (up to a bound). */
function breakValues(values: Obj): Obj {
  let n = 0
  const walk = (src: Obj, dst: Obj, depth: number): void => {
    for (const [k, v] of Object.entries(src)) {
      if (n > maxChanges) return
      if (typeof v === 'string') dst[k] = deep ? 'Bad Value!' : 12345
      else if (typeof v === 'number') dst[k] = deep ? -1.5 : 'not-a-number'
      else if (typeof v === 'boolean') dst[k] = 'maybe'
      else if (Array.isArray(v)) dst[k] = deep ? [1, 'x', { a: 1 }, null] : 'not-a-list'
      else if (v && typeof v === 'object' && depth < maxDepth) {
        const o: Obj = {}
        dst[k] = o
        walk(v as Obj, o, depth + 1)
        continue
      } else continue
      n++
    }
  }
  const out: Obj = {}
  walk(values, out, 0)
  return out
}

async function main(): Promise<void> {
  const root = process.argv[2]
  if (!root || !existsSync(root)) {
    console.error('usage: tsx bench/render/schema-compare.ts DIR [--deep]')
    process.exit(2)
  }
  const work = mkdtempSync(join(tmpdir(), 'slipway-schema-'))
  let same = 0
  let diff = 0
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name)
    if (!existsSync(join(dir, 'values.schema.json'))) continue
    const values = (decodeYaml(readFileSync(join(dir, 'values.yaml'), 'utf8')) ?? {}) as Obj
    const file = join(work, `${name}.json`)
    writeFileSync(file, JSON.stringify(breakValues(values)))
    const args = ['release-name', '.', '-f', file]
    const [w, g] = await Promise.all([helmTemplate(args, dir), slipwayTemplate(args, dir)])
    const wl = errorText(w.stderr).trim().split('\n').sort()
    const gl = errorText(g.stderr).trim().split('\n').sort()
    const ok = w.code === g.code && JSON.stringify(wl) === JSON.stringify(gl)
    if (ok) same++
    else diff++
    console.log(`${ok ? 'same' : 'DIFF'} ${name} (helm exit ${w.code}, ${wl.length} lines)`)
    if (!ok) {
      const ws = new Set(wl)
      const gs = new Set(gl)
      for (const l of wl) if (!gs.has(l)) console.log(`  helm only: ${l.slice(0, 200)}`)
      for (const l of gl) if (!ws.has(l)) console.log(`  slipway only: ${l.slice(0, 200)}`)
    }
  }
  console.log(`\n${same} same, ${diff} differ`)
}

await main()
