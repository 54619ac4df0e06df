/**
 * Helm's strvals parser (pkg/strvals/parser.go, v3.17): `a.b[0].c=x,d={1,2}` into a values
 * map. The control flow mirrors Helm's so that odd inputs end the way they end in Helm,
 * including which partial writes happen before an error.
 */
import { StrvalsError } from './errors.ts'
import { goAtoi, goQuote, goQuoteRunes, goTypeName } from './go-text.ts'
import { MAX_INDEX, MAX_NESTED_LIST_LEVEL, MAX_NESTED_NAME_LEVEL } from './limits.ts'
import type { Values } from './values.ts'
import { isValuesMap, setValue } from './values.ts'

/** Go's io.EOF as a result: the input ended where that is allowed. */
export const EOF = Symbol('EOF')
type Err = StrvalsError | typeof EOF | undefined

/** A failed Go type assertion, recovered by `key` into "unable to parse key: …". */
class TypeAssertion extends Error {}

function assertList(v: unknown): unknown[] {
  if (Array.isArray(v)) return v
  throw new TypeAssertion(
    `interface conversion: interface {} is ${goTypeName(v)}, not []interface {}`,
  )
}

function assertMap(v: unknown): Values {
  if (isValuesMap(v)) return v
  throw new TypeAssertion(
    `interface conversion: interface {} is ${goTypeName(v)}, not map[string]interface {}`,
  )
}

/** Turns the runes of one value into the value stored (typing, or reading a file). */
export type RunesReader = (runes: string) => unknown

const isGoSpace = (r: string): boolean => /^[\t\n\v\f\r \u0085\u00a0\p{Zs}\u2028\u2029]$/u.test(r)

/** A rune reader over the expression, like Go's bytes.Buffer. */
class Scanner {
  private pos = 0
  constructor(private readonly runes: string[]) {}

  read(): string | undefined {
    return this.runes[this.pos++] ?? (this.pos--, undefined)
  }

  unread(): void {
    this.pos--
  }

  rest(): string {
    return this.runes.slice(this.pos).join('')
  }

  skip(n: number): void {
    this.pos += Array.from(this.rest().slice(0, n)).length
  }

  /** runesUntil: reads to a stop rune (consumed) or the end; `\x` escapes x unless literal. */
  until(stop: string, escapes: boolean): { k: string[]; last: string | undefined } {
    const k: string[] = []
    for (;;) {
      const r = this.read()
      if (r === undefined) return { k, last: undefined }
      if (stop.includes(r)) return { k, last: r }
      if (r === '\\' && escapes) {
        const next = this.read()
        if (next === undefined) return { k, last: undefined }
        k.push(next)
        continue
      }
      k.push(r)
    }
  }
}

/** What kind of `--set` flag an expression came from. */
export type ParserMode = 'set' | 'json' | 'literal'

/** Helm's strvals parser over one expression. */
export class StrvalsParser {
  private readonly sc: Scanner
  private readonly escapes: boolean
  private listNesting = 0

  constructor(
    expr: string,
    private readonly data: Values,
    private readonly mode: ParserMode,
    private readonly reader: RunesReader,
  ) {
    this.sc = new Scanner(Array.from(expr))
    this.escapes = mode !== 'literal'
  }

  /** Parses the whole expression into the target map; throws Helm's error. */
  parse(): void {
    for (;;) {
      const err = this.key(this.data, 0)
      if (err === undefined) continue
      if (err === EOF) return
      throw err
    }
  }

  private key(data: Values, level: number): Err {
    try {
      return this.mode === 'literal' ? this.literalKey(data, level) : this.setKey(data, level)
    } catch (e) {
      if (e instanceof TypeAssertion)
        return new StrvalsError('STRVALS_TYPE', `unable to parse key: ${e.message}`)
      throw e
    }
  }

  private setKey(data: Values, level: number): Err {
    const { k, last } = this.sc.until('=[,.', true)
    const kk = k.join('')
    switch (last) {
      case undefined:
        if (k.length === 0) return EOF
        return new StrvalsError('STRVALS_NO_VALUE', `key ${goQuote(kk)} has no value`)
      case '[':
        return this.keyList(data, kk, level)
      case '=': {
        if (this.mode === 'json') {
          if (this.emptyVal()) {
            setValue(data, kk, null)
            return undefined
          }
          const v = this.jsonValue()
          if (v instanceof StrvalsError) return v
          setValue(data, kk, v.value)
          this.emptyVal()
          return undefined
        }
        const vl = this.valList()
        if (Array.isArray(vl)) {
          setValue(data, kk, vl)
          return undefined
        }
        if (vl === EOF) {
          setValue(data, kk, '')
          return EOF
        }
        if (vl !== NOT_LIST) return vl
        const rs = this.val()
        setValue(data, kk, this.reader(rs))
        return undefined
      }
      case ',':
        setValue(data, kk, '')
        return new StrvalsError(
          'STRVALS_NO_VALUE',
          `key ${goQuote(kk)} has no value (cannot end with ,)`,
        )
      default:
        return this.keyMap(data, kk, level)
    }
  }

  private literalKey(data: Values, level: number): Err {
    const { k, last } = this.sc.until('=[.', false)
    const kk = k.join('')
    switch (last) {
      case undefined:
        return EOF
      case '=':
        setValue(data, kk, this.sc.until('', false).k.join(''))
        return undefined
      case '.':
        return this.keyMap(data, kk, level)
      default:
        return this.keyList(data, kk, level)
    }
  }

  /** `k[i]…`: find or create the list, then fill the item. */
  private keyList(data: Values, kk: string, level: number): Err {
    const i = this.keyIndex()
    if (i instanceof StrvalsError) return i
    let list: unknown[] = []
    if (Object.hasOwn(data, kk)) list = assertList(data[kk])
    const r = this.listItem(list, i, level)
    setValue(data, kk, r.list)
    return r.err
  }

  /** `k.…`: find or create the map, then recurse. */
  private keyMap(data: Values, kk: string, level: number): Err {
    level++
    if (level > MAX_NESTED_NAME_LEVEL) {
      return new StrvalsError(
        'STRVALS_NESTING',
        `value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`,
      )
    }
    let inner: Values = {}
    if (Object.hasOwn(data, kk)) inner = assertMap(data[kk])
    const e = this.key(inner, level)
    const empty = Object.keys(inner).length === 0
    if (e === undefined && empty)
      return new StrvalsError('STRVALS_NO_VALUE', `key map ${goQuote(kk)} has no value`)
    if (!empty) setValue(data, kk, inner)
    return e
  }

  private keyIndex(): number | StrvalsError {
    const { k, last } = this.sc.until(']', this.escapes)
    if (last === undefined) return new StrvalsError('STRVALS_INDEX', 'error parsing index: EOF')
    try {
      return goAtoi(k.join(''))
    } catch (e) {
      return new StrvalsError('STRVALS_INDEX', `error parsing index: ${(e as Error).message}`)
    }
  }

  private listItem(list: unknown[], i: number, level: number): { list: unknown[]; err: Err } {
    // `a[0][0]…` and `a[0].b[0].c…` recurse without Helm's name-level bound: bound them here.
    if (++this.listNesting > MAX_NESTED_LIST_LEVEL) {
      return {
        list,
        err: new StrvalsError(
          'STRVALS_NESTING',
          `list nested level is greater than maximum supported nested level of ${MAX_NESTED_LIST_LEVEL}`,
        ),
      }
    }
    try {
      return this.listItemAt(list, i, level)
    } finally {
      this.listNesting--
    }
  }

  private listItemAt(list: unknown[], i: number, level: number): { list: unknown[]; err: Err } {
    if (i < 0)
      return { list, err: new StrvalsError('STRVALS_INDEX', `negative ${i} index not allowed`) }
    const { k, last } = this.sc.until('[.=', this.escapes)
    if (k.length > 0) {
      return {
        list,
        err: new StrvalsError(
          'STRVALS_SYNTAX',
          `unexpected data at end of array index: ${goQuoteRunes(k)}`,
        ),
      }
    }
    switch (last) {
      case undefined:
        return { list, err: EOF }
      case '=': {
        if (this.mode === 'literal') return setIndex(list, i, this.sc.until('', false).k.join(''))
        if (this.mode === 'json') {
          if (this.emptyVal()) return setIndex(list, i, null)
          const v = this.jsonValue()
          if (v instanceof StrvalsError) return { list, err: v }
          const r = setIndex(list, i, v.value)
          if (r.err) return r
          this.emptyVal()
          return r
        }
        const vl = this.valList()
        if (Array.isArray(vl)) return setIndex(list, i, vl)
        if (vl === EOF) return setIndex(list, i, '')
        if (vl !== NOT_LIST) return { list, err: vl }
        return setIndex(list, i, this.reader(this.val()))
      }
      case '[': {
        const nextI = this.keyIndex()
        if (nextI instanceof StrvalsError) return { list, err: nextI }
        let current: unknown[] = []
        if (list.length > i && list[i] !== null && list[i] !== undefined)
          current = assertList(list[i])
        const r = this.listItem(current, nextI, level)
        if (r.err !== undefined) return { list, err: r.err }
        return setIndex(list, i, r.list)
      }
      default: {
        let inner: Values = {}
        if (list.length > i) {
          // Indices given out of order: whatever was there is replaced by a map.
          if (!isValuesMap(list[i])) list[i] = {}
          inner = list[i] as Values
        }
        const e = this.key(inner, level)
        if (e !== undefined) return { list, err: e }
        return setIndex(list, i, inner)
      }
    }
  }

  /** Skips blanks and one comma; true when no value follows (end of input or a comma). */
  private emptyVal(): boolean {
    for (;;) {
      const r = this.sc.read()
      if (r === undefined || r === ',') return true
      if (!isGoSpace(r)) {
        this.sc.unread()
        return false
      }
    }
  }

  private val(): string {
    return this.sc.until(',', this.escapes).k.join('')
  }

  /** `{a,b}` lists; NOT_LIST when the value does not start with `{`. */
  private valList(): unknown[] | typeof NOT_LIST | typeof EOF | StrvalsError {
    const r = this.sc.read()
    if (r === undefined) return EOF
    if (r !== '{') {
      this.sc.unread()
      return NOT_LIST
    }
    const list: unknown[] = []
    for (;;) {
      const { k, last } = this.sc.until(',}', this.escapes)
      if (last === undefined)
        return new StrvalsError('STRVALS_SYNTAX', "list must terminate with '}'")
      if (last === '}') {
        const next = this.sc.read()
        if (next !== undefined && next !== ',') this.sc.unread()
        list.push(this.reader(k.join('')))
        return list
      }
      list.push(this.reader(k.join('')))
    }
  }

  /** One JSON value from the rest of the input (json.Decoder.Decode), numbers as float64. */
  private jsonValue(): { value: unknown } | StrvalsError {
    const rest = this.sc.rest()
    const end = jsonValueEnd(rest)
    if (end < 0) return new StrvalsError('STRVALS_JSON', 'invalid JSON value')
    try {
      const value: unknown = JSON.parse(rest.slice(0, end))
      this.sc.skip(end)
      return { value }
    } catch (e) {
      return new StrvalsError('STRVALS_JSON', (e as Error).message)
    }
  }
}

const NOT_LIST = Symbol('not a list')

/** setIndex: grows the list with nils as needed, within Helm's index bound. */
function setIndex(list: unknown[], index: number, val: unknown): { list: unknown[]; err: Err } {
  if (index < 0)
    return { list, err: new StrvalsError('STRVALS_INDEX', `negative ${index} index not allowed`) }
  if (index > MAX_INDEX) {
    return {
      list,
      err: new StrvalsError(
        'STRVALS_INDEX',
        `index of ${index} is greater than maximum supported index of ${MAX_INDEX}`,
      ),
    }
  }
  let out = list
  if (out.length <= index) {
    out = [...list]
    while (out.length <= index) out.push(null)
  }
  out[index] = val
  return { list: out, err: undefined }
}

/**
 * Where the first JSON value in `s` ends (after leading blanks), or -1. Numbers and literals
 * end where Go's scanner ends them; JSON.parse then checks the text.
 */
function jsonValueEnd(s: string): number {
  let i = 0
  while (i < s.length && ' \t\r\n'.includes(s[i]!)) i++
  const c = s[i]
  if (c === undefined) return -1
  if (c === '{' || c === '[') {
    let depth = 0
    for (; i < s.length; i++) {
      const ch = s[i]!
      if (ch === '"') {
        for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++
        if (i >= s.length) return -1
      } else if (ch === '{' || ch === '[') depth++
      else if (ch === '}' || ch === ']') {
        depth--
        if (depth === 0) return i + 1
      }
    }
    return -1
  }
  if (c === '"') {
    for (i++; i < s.length && s[i] !== '"'; i++) if (s[i] === '\\') i++
    return i < s.length ? i + 1 : -1
  }
  for (const word of ['true', 'false', 'null']) if (s.startsWith(word, i)) return i + word.length
  const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(s.slice(i))
  if (!m || m[0] === '' || m[0] === '-') return -1
  const after = s[i + m[0].length]
  if (after === '.' || after === 'e' || after === 'E') return -1
  return i + m[0].length
}
