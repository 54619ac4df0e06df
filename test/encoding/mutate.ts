/**
 * Mutations of YAML documents for the differential tests of the YAML readers: insert a piece of
 * YAML syntax, delete, indent or dedent a line, duplicate a line, cut the document short.
 */
import { YAML_PUNCTUATION, prng } from './probe.ts'

/** JSON with key order, -0 and `__proto__` keys kept apart. */
export function exact(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v)
  if (Array.isArray(v)) return `[${v.map(exact).join(',')}]`
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v)
      .map((k) => `${JSON.stringify(k)}:${exact((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v) ?? 'undefined'
}

export const PIECES = [
  ...YAML_PUNCTUATION,
  ' ',
  '  ',
  '\n',
  '\n  ',
  '&a ',
  '*a',
  '!!str ',
  '|-',
  '---\n',
  '\t',
  'yes',
  '1',
  '0x',
  '1e3',
  '~',
  '<<',
  'k: v',
  '\\u0041',
  '\u2028',
  ', ',
  '[a, "b"]',
  '\n  []',
  '\n      more words',
  "\n    'quoted\n      more'",
  '\n    "dq\\n\n      more"',
  '`',
  '|',
  '\n        ',
  '{}',
  '{a: 1, "b": [x, y]}',
  ': ',
]

export function mutate(text: string, rand: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!
  const at = Math.floor(rand() * (text.length + 1))
  switch (Math.floor(rand() * 5)) {
    case 0:
      return text.slice(0, at) + pick(PIECES) + text.slice(at)
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 4))
    case 2: {
      // indent or dedent one line
      const lines = text.split('\n')
      const i = Math.floor(rand() * lines.length)
      lines[i] = rand() < 0.5 ? ` ${lines[i]}` : lines[i]!.replace(/^ /, '')
      return lines.join('\n')
    }
    case 3: {
      // duplicate a line
      const lines = text.split('\n')
      const i = Math.floor(rand() * lines.length)
      lines.splice(i, 0, lines[i]!)
      return lines.join('\n')
    }
    default:
      return text.slice(0, at)
  }
}

/** `count` mutants of `seeds` (taken in turn), each one to three mutations deep. */
export function* mutants(seeds: readonly string[], count: number, seed: number): Generator<string> {
  const rand = prng(seed)
  for (let n = 0; n < count; n++) {
    let text = seeds[n % seeds.length]!
    const rounds = 1 + Math.floor(rand() * 3)
    for (let r = 0; r < rounds; r++) text = mutate(text, rand)
    yield text
  }
}
