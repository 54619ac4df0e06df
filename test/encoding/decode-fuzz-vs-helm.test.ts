/**
 * Random value trees written as YAML in many styles (block, flow, quoted, folded, literal,
 * other indents) by the YAML library, then read by helm and by decodeYaml: the trees, or the
 * errors, must match. Known difference left: in multi-line flow collections with several
 * exotic plain scalars (`:x`, `?`, `-` starts), the error reported can be a different one
 * than go-yaml's first.
 */
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { decodeYaml, encodeJson } from '../../packages/gotemplate/src/encoding/index.ts'
import { YAML_PUNCTUATION, randomTree, helmRender, helmError, prng } from './probe.ts'

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
  '---',
  '...',
  '<<',
  '=',
  'Lorem ipsum dolor sit amet',
  '0o17',
  '+5',
  '.5',
  'Y',
  'N',
  'Off',
]
function randomString(r: () => number): string {
  const n = Math.floor(r() * 4)
  let s = ''
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)]
  return s
}
const STYLES: object[] = [
  {},
  { defaultStringType: 'QUOTE_SINGLE' },
  { defaultStringType: 'PLAIN', lineWidth: 20, minContentWidth: 5 },
  { defaultStringType: 'BLOCK_LITERAL' },
  { defaultStringType: 'BLOCK_FOLDED', lineWidth: 30 },
  { collectionStyle: 'flow' },
  { defaultKeyType: 'PLAIN', indentSeq: false },
  { version: '1.1' },
  { indent: 4 },
]
describe('decoding random YAML against helm template', () => {
  for (const seed of [1, 3]) {
    it.each(STYLES)(`seed ${seed} style %j`, async (style) => {
      const r = prng(seed)
      const values: Record<string, unknown> = {}
      for (let i = 0; i < 60; i++) values[`v${i}`] = randomTree(r, randomString)
      const text = stringify(values, style as never)
      let ours: string
      try {
        ours = encodeJson(decodeYaml(text))
      } catch (e) {
        ours = 'ERR ' + (e as Error).message
      }
      let want: string
      try {
        want = (await helmRender(['toJson .Values'], text))[0]!
      } catch {
        want =
          'ERR ' + (await helmError(text)).trim().replace(/^Error: cannot load values.yaml: /, '')
      }
      expect(ours).toBe(want)
    })
  }
})
