/** Helm's toToml: the BurntSushi/toml encoder's output for template values. */
import { GoStruct, isGoMap } from '../value.ts'
import { EncodingError } from './errors.ts'
import { compareGoStrings } from './json-tree.ts'
import { MAX_ENCODE_DEPTH } from './limits.ts'

/** `strconv.FormatFloat(f, 'f', -1, 64)`: shortest digits, never an exponent. */
export function formatFloatFixed(f: number): string {
  const sign = f < 0 || Object.is(f, -0) ? '-' : ''
  const abs = Math.abs(f)
  if (abs === 0) return `${sign}0`
  const s = abs.toExponential()
  const e = s.indexOf('e')
  const digits = s.slice(0, e).replace('.', '')
  const exp = Number(s.slice(e + 1))
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}`
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`
}

const BARE_KEY = /^[A-Za-z0-9_-]+$/

function quoteToml(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\b') out += '\\b'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\f') out += '\\f'
    else if (ch === '\r') out += '\\r'
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return out + '"'
}

const keyPart = (k: string): string => (BARE_KEY.test(k) ? k : quoteToml(k))

type Kind = 'nil' | 'table' | 'arrayTable' | 'other'

function entriesOf(v: object): [string, unknown][] {
  if (isGoMap(v) && !(v instanceof GoStruct))
    return Object.keys(v).map((k) => [k, (v as Record<string, unknown>)[k]])
  return Object.entries(v).filter(([k, x]) => k !== 'goType' && typeof x !== 'function')
}

const isTableValue = (v: unknown): boolean =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)

function kindOf(v: unknown): Kind {
  if (v === null || v === undefined) return 'nil'
  if (isTableValue(v)) return 'table'
  if (Array.isArray(v)) {
    if (v.length === 0) return 'other'
    let allTables = true
    for (const x of v) {
      const k = kindOf(x)
      if (k === 'nil')
        throw new EncodingError('TOML_UNSUPPORTED', 'toml: cannot encode array with nil element')
      if (k !== 'table') allTables = false
    }
    return allTables ? 'arrayTable' : 'other'
  }
  return 'other'
}

class TomlEncoder {
  private out = ''
  private hasWritten = false

  private wf(s: string): void {
    this.out += s
    this.hasWritten = true
  }

  private newline(): void {
    if (this.hasWritten) this.wf('\n')
  }

  private indentStr(key: string[]): string {
    return '  '.repeat(Math.max(key.length - 1, 0))
  }

  encode(key: string[], v: unknown, depth: number): string {
    if (depth > MAX_ENCODE_DEPTH)
      throw new EncodingError('TOML_UNSUPPORTED', 'toml: value nested too deeply')
    if (v === null || v === undefined) return this.out
    if (isTableValue(v)) {
      this.table(key, v as object, depth)
    } else if (Array.isArray(v) && kindOf(v) === 'arrayTable') {
      for (const item of v) {
        this.newline()
        this.wf(`${this.indentStr(key)}[[${key.map(keyPart).join('.')}]]`)
        this.newline()
        this.map(key, item as object, false, depth)
      }
    } else {
      this.keyValue(key, v, false, depth)
    }
    return this.out
  }

  private table(key: string[], v: object, depth: number): void {
    if (key.length === 1) this.newline()
    if (key.length > 0) {
      this.wf(`${this.indentStr(key)}[${key.map(keyPart).join('.')}]`)
      this.newline()
    }
    this.map(key, v, false, depth)
  }

  private keyValue(key: string[], v: unknown, inline: boolean, depth: number): void {
    if (key.length === 0) {
      this.element(v, depth)
      return
    }
    this.wf(`${this.indentStr(key)}${keyPart(key[key.length - 1]!)} = `)
    this.element(v, depth)
    if (!inline) this.newline()
  }

  private map(key: string[], v: object, inline: boolean, depth: number): void {
    const direct: [string, unknown][] = []
    const sub: [string, unknown][] = []
    for (const [k, x] of entriesOf(v)) {
      const kind = kindOf(x)
      ;(kind === 'table' || kind === 'arrayTable' ? sub : direct).push([k, x])
    }
    const writeKeys = (list: [string, unknown][], trailComma: boolean) => {
      list.sort((a, b) => compareGoStrings(a[0], b[0]))
      list.forEach(([k, x], i) => {
        if (x === null || x === undefined) return
        if (inline) {
          this.keyValue([k], x, true, depth + 1)
          if (trailComma || i !== list.length - 1) this.wf(', ')
        } else {
          this.encode([...key, k], x, depth + 1)
        }
      })
    }
    if (inline) this.wf('{')
    writeKeys(direct, sub.length > 0)
    writeKeys(sub, false)
    if (inline) this.wf('}')
  }

  private element(v: unknown, depth: number): void {
    switch (typeof v) {
      case 'boolean':
        return this.wf(v ? 'true' : 'false')
      case 'bigint':
        return this.wf(v.toString())
      case 'number': {
        if (Number.isNaN(v)) return this.wf('nan')
        if (!Number.isFinite(v)) return this.wf(v < 0 ? '-inf' : 'inf')
        const s = formatFloatFixed(v)
        return this.wf(s.includes('.') ? s : `${s}.0`)
      }
      case 'string':
        return this.wf(quoteToml(v))
      case 'object': {
        if (v === null) break
        if (Array.isArray(v) || v instanceof Uint8Array) {
          const items = Array.from(v as ArrayLike<unknown>, (x) =>
            typeof x === 'number' && v instanceof Uint8Array ? BigInt(x) : x,
          )
          kindOf(items)
          this.wf('[')
          items.forEach((x, i) => {
            this.element(x, depth + 1)
            if (i !== items.length - 1) this.wf(', ')
          })
          return this.wf(']')
        }
        return this.map([], v, true, depth + 1)
      }
    }
    throw new EncodingError('TOML_UNSUPPORTED', `toml: cannot encode a value of type ${typeof v}`)
  }
}

/**
 * BurntSushi/toml's Encoder output for a value: plain keys before tables, keys in byte
 * order, `[table]` and `[[array]]` headers indented two spaces per level, floats always with
 * a decimal point, nil map values left out.
 *
 * @throws {EncodingError} `toml: cannot encode array with nil element` and the like
 */
export function encodeToml(value: unknown): string {
  return new TomlEncoder().encode([], value, 0)
}
