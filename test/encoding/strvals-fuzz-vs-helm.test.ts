/**
 * Random `--set` family expressions given to helm template and to applySetFlags: the values
 * (with Go types) or the error must match. Each expression is one helm run, since an error
 * stops helm.
 */
import { describe, expect, it } from 'vitest'
import type { SetFlags } from '../../packages/render/src/strvals/index.ts'
import { oursForFlags, helmForFlags, withProbeChart } from './strvals-probe.ts'
import { prng } from './probe.ts'

const KEYS = [
  'a',
  'b',
  'a.b',
  'a.c',
  'l[0]',
  'l[1]',
  'l[0].x',
  'm[1][0]',
  'n.l[2]',
  'k\\.e',
  'k\\,f',
  'sp ace',
  'a.b.c',
  'l',
  'm',
  '',
]
const VALUES = [
  '1',
  '0',
  '-5',
  '007',
  '1.5',
  'true',
  'FALSE',
  'null',
  '',
  'x',
  '{1,2}',
  '{a,b}',
  '{}',
  'a\\,b',
  'x y',
  '\\=',
  '1e3',
  '{"j":1}',
  '[1,2]',
  '"s"',
]

function randomExpr(r: () => number): string {
  const n = 1 + Math.floor(r() * 3)
  const parts: string[] = []
  for (let i = 0; i < n; i++)
    parts.push(`${KEYS[Math.floor(r() * KEYS.length)]}=${VALUES[Math.floor(r() * VALUES.length)]}`)
  return parts.join(',')
}

const FLAGS: (keyof SetFlags)[] = ['set', 'set', 'setString', 'setJson', 'setLiteral']

describe('random --set expressions against helm template', () => {
  it('give the same values or the same error', async () => {
    const r = prng(424242)
    const cases: SetFlags[] = []
    for (let i = 0; i < 40; i++) {
      const flag = FLAGS[Math.floor(r() * FLAGS.length)]!
      cases.push({ [flag]: [randomExpr(r)] })
    }
    await withProbeChart(async (chart) => {
      const diffs: string[] = []
      for (const flags of cases) {
        const want = await helmForFlags(chart, flags)
        const got = oursForFlags(flags)
        if (JSON.stringify(got) !== JSON.stringify(want))
          diffs.push(
            `${JSON.stringify(flags)}\n  helm: ${JSON.stringify(want)}\n  ours: ${JSON.stringify(got)}`,
          )
      }
      expect(diffs).toEqual([])
    })
  }, 120_000)
})
