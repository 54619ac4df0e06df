/**
 * encoding/json.Unmarshal into `interface{}`: numbers become float64, and malformed input is
 * reported with Go's scanner messages (`invalid character 'x' looking for beginning of value`).
 */
import { EncodingError } from './errors.ts'
import { setKey } from './go-map.ts'

/** Go's quoteChar for scanner messages. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`
  if (c === '"') return `'"'`
  const q = JSON.stringify(c).slice(1, -1)
  return `'${/^[\x20-\x7e]$/.test(c) ? c : /^\\u00[0-9a-f]{2}$/.test(q) ? `\\x${q.slice(4)}` : q}'`
}

/** Scanner states where end of input is a plain "unexpected end" rather than a bad ' '. */
const SPACE_ENDS = new Set([
  'looking for beginning of value',
  'after array element',
  'after object key',
  'after object key:value pair',
  'looking for beginning of object key string',
  'after top-level value',
])

class JsonParser {
  private i = 0
  /** The first type error (a number out of float64 range); decoding goes on, as in Go. */
  savedError: EncodingError | undefined
  constructor(private readonly s: string) {}

  private fail(message: string, code: 'JSON_SYNTAX' | 'JSON_TYPE' = 'JSON_SYNTAX'): never {
    throw new EncodingError(code, message)
  }

  private invalid(context: string): never {
    if (this.i >= this.s.length) {
      // Go's scanner ends input by feeding a space.
      if (SPACE_ENDS.has(context)) this.fail('unexpected end of JSON input')
      this.fail(`invalid character ' ' ${context}`)
    }
    const c = String.fromCodePoint(this.s.codePointAt(this.i)!)
    this.fail(`invalid character ${quoteChar(c)} ${context}`)
  }

  private ws(): void {
    while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i]!)) this.i++
  }

  parseTop(): unknown {
    this.ws()
    const v = this.value()
    this.ws()
    if (this.i < this.s.length) this.invalid('after top-level value')
    return v
  }

  private value(): unknown {
    const c = this.s[this.i]
    switch (c) {
      case '{':
        return this.object()
      case '[':
        return this.array()
      case '"':
        return this.string()
      case 't':
        return this.literal('true', true)
      case 'f':
        return this.literal('false', false)
      case 'n':
        return this.literal('null', null)
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number()
        return this.invalid('looking for beginning of value')
    }
  }

  private literal<T>(word: string, v: T): T {
    for (let k = 0; k < word.length; k++, this.i++) {
      if (this.s[this.i] !== word[k]) {
        if (k === 0) this.invalid('looking for beginning of value')
        this.invalid(`in literal ${word} (expecting ${quoteChar(word[k]!)})`)
      }
    }
    return v
  }

  private number(): number | null {
    const start = this.i
    const digit = () =>
      this.s[this.i] !== undefined && this.s[this.i]! >= '0' && this.s[this.i]! <= '9'
    if (this.s[this.i] === '-') {
      this.i++
      if (!digit()) this.invalid('in numeric literal')
    }
    if (this.s[this.i] === '0') this.i++
    else while (digit()) this.i++
    if (this.s[this.i] === '.') {
      this.i++
      if (!digit()) this.invalid('after decimal point in numeric literal')
      while (digit()) this.i++
    }
    if (this.s[this.i] === 'e' || this.s[this.i] === 'E') {
      this.i++
      if (this.s[this.i] === '+' || this.s[this.i] === '-') this.i++
      if (!digit()) this.invalid('in exponent of numeric literal')
      while (digit()) this.i++
    }
    const text = this.s.slice(start, this.i)
    const f = Number(text)
    if (!Number.isFinite(f)) {
      this.savedError ??= new EncodingError(
        'JSON_TYPE',
        `json: cannot unmarshal number ${text} into Go value of type float64`,
      )
      return null
    }
    return f
  }

  private string(): string {
    this.i++ // opening quote
    let out = ''
    for (;;) {
      if (this.i >= this.s.length) this.fail('unexpected end of JSON input')
      const c = this.s[this.i]!
      if (c === '"') {
        this.i++
        return out
      }
      if (c < ' ') this.invalid('in string literal')
      if (c !== '\\') {
        out += c
        this.i++
        continue
      }
      this.i++
      const e = this.s[this.i]
      const simple: Record<string, string> = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
      }
      if (e !== undefined && simple[e] !== undefined) {
        out += simple[e]
        this.i++
        continue
      }
      if (e !== 'u') this.invalid('in string escape code')
      this.i++
      let hex = ''
      for (let k = 0; k < 4; k++, this.i++) {
        const h = this.s[this.i]
        if (h === undefined || !/[0-9a-fA-F]/.test(h))
          this.invalid('in \\u hexadecimal character escape')
        hex += h
      }
      out += String.fromCharCode(parseInt(hex, 16))
    }
  }

  private array(): unknown[] {
    this.i++
    const out: unknown[] = []
    this.ws()
    if (this.s[this.i] === ']') {
      this.i++
      return out
    }
    for (;;) {
      this.ws()
      out.push(this.value())
      this.ws()
      if (this.s[this.i] === ',') {
        this.i++
        continue
      }
      if (this.s[this.i] === ']') {
        this.i++
        return out
      }
      this.invalid('after array element')
    }
  }

  private object(): Record<string, unknown> {
    this.i++
    const out: Record<string, unknown> = {}
    this.ws()
    if (this.s[this.i] === '}') {
      this.i++
      return out
    }
    for (;;) {
      this.ws()
      if (this.s[this.i] !== '"') this.invalid('looking for beginning of object key string')
      const k = this.string()
      this.ws()
      if (this.s[this.i] !== ':') this.invalid('after object key')
      this.i++
      this.ws()
      setKey(out, k, this.value())
      this.ws()
      if (this.s[this.i] === ',') {
        this.i++
        continue
      }
      if (this.s[this.i] === '}') {
        this.i++
        return out
      }
      this.invalid('after object key:value pair')
    }
  }
}

/**
 * `json.Unmarshal(text, &v)` with `v interface{}`: objects are plain objects, numbers float64.
 *
 * @throws {EncodingError} with Go's message (`unexpected end of JSON input`, `invalid character …`)
 */
export function decodeJson(text: string): unknown {
  const { value, error } = decodeJsonPartial(text)
  if (error) throw error
  return value
}

/**
 * Like {@link decodeJson}, but a type error (a number beyond float64) comes back beside the
 * partly decoded value, as Go's decoder leaves it. Syntax errors still throw.
 */
export function decodeJsonPartial(text: string): {
  value: unknown
  error: EncodingError | undefined
} {
  const parser = new JsonParser(text)
  const value = parser.parseTop()
  return { value, error: parser.savedError }
}

/** Go's name for the JSON kind of a decoded value, as in `cannot unmarshal array into …`. */
export function jsonKindName(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (v === null) return 'null'
  if (typeof v === 'object') return 'object'
  return typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : 'string'
}
