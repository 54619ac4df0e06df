/**
 * Sprig's `camelcase`, `snakecase` and `kebabcase` (huandu/xstrings v1.5 ToCamelCase,
 * ToSnakeCase, ToKebabCase): word splitting by character class, so `HTTPServer` becomes
 * `http_server` and `camelcase "a.b-c"` is `A.bC`.
 */
import type { FuncMap } from '../func.ts'
import { fn } from './args.ts'
import { isLetter, isSpace, isUpper, toLowerRune, toUpperRune } from './text.ts'

const isConnector = (c: string) => c === '-' || c === '_' || isSpace(c)
const isPunct = (c: string) => /^\p{P}$/u.test(c)
const isNumber = (c: string) => /^\p{N}$/u.test(c)
const isCJK = (c: string) =>
  /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]$/u.test(c)
const isAlphabet = (c: string) => isLetter(c) && !isCJK(c)

/**
 * Sprig's `camelcase` (xstrings.ToPascalCase): connectors dropped and the next character
 * upper-cased; a word that starts with a capital has the rest of its leading capitals
 * lowered (`HTTPServer` → `Httpserver`, `FOO_BAR` → `FooBar`, `fooBAR` → `FooBAR`).
 */
export function toCamelCase(s: string): string {
  const r = Array.from(s)
  if (r.length === 0) return ''
  let out = ''
  let i = 0
  let r0 = ''
  let run = false
  for (; i < r.length; i++) {
    r0 = r[i]!
    if (!isConnector(r0)) {
      run = isUpper(r0)
      r0 = toUpperRune(r0)
      i++
      break
    }
    out += r0
  }
  // A lone connector is written twice, as xstrings does.
  if (i >= r.length) return out + r0
  for (; i < r.length; i++) {
    const r1 = r0
    r0 = r[i]!
    if (isConnector(r0) && isConnector(r1)) {
      out += r1
      continue
    }
    if (isConnector(r1)) {
      run = isUpper(r0)
      r0 = toUpperRune(r0)
    } else {
      if (!isConnector(r0)) {
        if (run && isUpper(r0)) r0 = toLowerRune(r0)
        else run = false
      }
      out += r1
    }
  }
  return out + r0
}

type WordType = 'invalid' | 'number' | 'upper' | 'alphabet' | 'connector' | 'punct' | 'other'

function nextWord(r: string[], start: number): [WordType, number] {
  if (start >= r.length) return ['invalid', start]
  let i = start
  const c = r[i++]!
  const run = (pred: (x: string) => boolean) => {
    while (i < r.length && pred(r[i]!)) i++
  }
  if (isConnector(c)) {
    run(isConnector)
    return ['connector', i]
  }
  if (isPunct(c)) {
    run(isPunct)
    return ['punct', i]
  }
  if (isUpper(c)) {
    if (i < r.length) {
      const n = r[i]!
      if (isUpper(n)) {
        run(isUpper)
        // "HTTPServer": the last capital starts the next word.
        if (i < r.length && isAlphabet(r[i]!)) i--
      } else if (isAlphabet(n)) run((x) => isAlphabet(x) && !isUpper(x))
    }
    return ['upper', i]
  }
  if (isAlphabet(c)) {
    run((x) => isAlphabet(x) && !isUpper(x))
    return ['alphabet', i]
  }
  if (isNumber(c)) {
    run(isNumber)
    return ['number', i]
  }
  run((x) => !(isConnector(x) || isAlphabet(x) || isNumber(x) || isPunct(x)))
  return ['other', i]
}

function lowerWord(wt: WordType, word: string[], connector: string): string {
  if (wt !== 'upper' && wt !== 'connector') return word.join('')
  return word.map((c) => (isConnector(c) ? connector : isUpper(c) ? toLowerRune(c) : c)).join('')
}

/** xstrings' camelCaseToLowerCase, behind ToSnakeCase and ToKebabCase. */
export function toLowerCase(s: string, connector: string): string {
  const r = Array.from(s)
  if (r.length === 0) return ''
  let out = ''
  let pos = 0
  const next = (): [WordType, string[]] => {
    const [wt, end] = nextWord(r, pos)
    const word = r.slice(pos, end)
    pos = end
    return [wt, word]
  }
  let [wt, word] = next()
  while (pos < r.length) {
    if (wt !== 'connector') out += lowerWord(wt, word, connector)
    const prev = wt
    const last = word
    ;[wt, word] = next()
    switch (prev) {
      case 'number':
        while (wt === 'alphabet' || wt === 'number') {
          out += lowerWord(wt, word, connector)
          ;[wt, word] = next()
        }
        if (wt !== 'invalid' && wt !== 'punct' && wt !== 'connector') out += connector
        break
      case 'connector':
        out += lowerWord(prev, last, connector)
        break
      case 'punct':
        break
      default: {
        if (wt !== 'number') {
          if (wt !== 'connector' && wt !== 'punct') out += connector
          break
        }
        if (pos >= r.length) break
        const lastNum = word
        ;[wt, word] = next()
        if (wt !== 'alphabet') {
          out += lowerWord('number', lastNum, connector)
          if (wt !== 'connector' && wt !== 'punct') out += connector
          break
        }
        out += connector + lowerWord('number', lastNum, connector)
        while (wt === 'alphabet' || wt === 'number') {
          out += lowerWord(wt, word, connector)
          ;[wt, word] = next()
        }
        if (wt !== 'invalid' && wt !== 'connector' && wt !== 'punct') out += connector
      }
    }
  }
  return out + lowerWord(wt, word, connector)
}

/** Case conversion functions. */
export const caseFuncs: FuncMap = {
  camelcase: fn(['string'], toCamelCase),
  snakecase: fn(['string'], (s: string) => toLowerCase(s, '_')),
  kebabcase: fn(['string'], (s: string) => toLowerCase(s, '-')),
}
