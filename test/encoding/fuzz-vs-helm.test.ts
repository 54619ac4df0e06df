import { describe, expect, it } from 'vitest'
import {
  toJson,
  toPrettyJson,
  toRawJson,
  toToml,
  toYaml,
  toYamlPretty,
} from '../../packages/gotemplate/src/encoding/index.ts'
import { YAML_PUNCTUATION, randomTree, helmRender, prng } from './probe.ts'

const PIECES = [
  'a',
  'b',
  'word',
  'x',
  ' ',
  ' ',
  '  ',
  '\n',
  '\n',
  '\n\n',
  '\t',
  ...YAML_PUNCTUATION,
  'yes',
  'no',
  'on',
  'null',
  '~',
  'true',
  '1',
  '0',
  '1.5',
  '1e3',
  '0x1F',
  '007',
  '2024-01-02',
  '1:20',
  'é',
  '日本',
  '😀',
  '\u00a0',
  '\r',
  '<',
  '&',
  '>',
  '\u2028',
  '---',
  '...',
  '<<',
  '=',
  'Lorem ipsum dolor sit amet',
  'consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua',
]

function randomString(r: () => number): string {
  const n = Math.floor(r() * 8)
  let s = ''
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)]
  return s
}

describe('random strings and trees against helm template', () => {
  it('encode byte for byte as helm does', async () => {
    const r = prng(20260422)
    const values: Record<string, unknown> = {}
    for (let i = 0; i < 250; i++) values[`v${i}`] = randomTree(r, randomString)
    // The values travel to helm as JSON (valid YAML), so helm starts from the same tree.
    // U+2028 is escaped: raw, go-yaml takes it for a line break inside the quoted scalar.
    const valuesYaml = JSON.stringify(values).replace(/\u2028/g, '\\u2028')
    const exprs: string[] = []
    const ours: string[] = []
    for (let i = 0; i < 250; i++) {
      const v = values[`v${i}`]
      exprs.push(
        `toYaml .Values.v${i}`,
        `toJson .Values.v${i}`,
        `toYamlPretty .Values.v${i}`,
        `toToml (dict "k" .Values.v${i})`,
        `toPrettyJson .Values.v${i}`,
        `toRawJson .Values.v${i}`,
      )
      ours.push(
        toYaml(v),
        toJson(v),
        toYamlPretty(v),
        toToml({ k: v }),
        toPrettyJson(v),
        toRawJson(v),
      )
    }
    const got = await helmRender(exprs, valuesYaml)
    const diffs = exprs.flatMap((e, i) =>
      got[i] === ours[i]
        ? []
        : [
            `${e}: ${JSON.stringify(values[e.split('.Values.')[1]!.split(')')[0]!])}\n  helm: ${JSON.stringify(got[i])}\n  ours: ${JSON.stringify(ours[i])}`,
          ],
    )
    expect(diffs).toEqual([])
  })
})
