/**
 * A port of the parts of libyaml's emitter (as go-yaml v2 carries it) that Helm's toYaml
 * output goes through: block mappings and sequences, flow `{}`/`[]` for empty collections,
 * and the plain, single-quoted, double-quoted and literal scalar writers with their
 * 80-column folding. Byte-for-byte fidelity is the point, so names follow libyaml's.
 */

import { analyzeScalar, isBreak, isPrintable, isSpace } from './yaml-scalar-analysis.ts'
import type { ScalarAnalysis } from './yaml-scalar-analysis.ts'

/** What the emitter writes: scalars with a requested style, sequences, mappings. */
export type YamlNode =
  | { kind: 'scalar'; value: string; style: 'plain' | 'double' | 'literal' | 'single' }
  | { kind: 'seq'; items: YamlNode[] }
  | { kind: 'map'; entries: [YamlNode, YamlNode][] }

/** Emitter settings. */
export interface EmitterOptions {
  /** Spaces per level (go-yaml: 2 for v3's toYamlPretty, 2 for v2). */
  indent?: number
  /** Indent block sequences under their mapping key (go-yaml v3 with SetIndent). */
  indentSequences?: boolean
  /** Column past which long scalars are folded (go-yaml v2: 80; v3: never). */
  width?: number
  /** go-yaml v3's analysis: a tab rules out plain and single-quoted styles but not a block. */
  tabsInBlocks?: boolean
}

interface Context {
  root: boolean
  sequence: boolean
  mapping: boolean
  simpleKey: boolean
}

class Emitter {
  private out = ''
  private column = 0
  private whitespace = true
  private indention = true
  private indent = -1
  private readonly indents: number[] = []
  private flowLevel = 0
  private ctx: Context = { root: false, sequence: false, mapping: false, simpleKey: false }
  private readonly bestIndent: number
  private readonly indentSequences: boolean
  private readonly bestWidth: number
  private readonly tabsInBlocks: boolean

  constructor(options: EmitterOptions) {
    this.bestIndent = options.indent ?? 2
    this.indentSequences = options.indentSequences ?? false
    this.bestWidth = options.width ?? 80
    this.tabsInBlocks = options.tabsInBlocks ?? false
  }

  document(root: YamlNode): string {
    this.node(root, { root: true, sequence: false, mapping: false, simpleKey: false })
    // Document end. go-yaml v2 never closes an open-ended document with "...".
    this.writeIndent()
    return this.out
  }

  private put(s: string): void {
    this.out += s
    this.column++
  }

  private putBreak(): void {
    this.out += '\n'
    this.column = 0
  }

  private write(c: string): void {
    this.out += c
    this.column++
  }

  private writeBreak(c: string): void {
    if (c === '\n') {
      this.putBreak()
    } else {
      this.write(c)
      this.column = 0
    }
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0)
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
      this.putBreak()
    while (this.column < indent) this.put(' ')
    this.whitespace = true
    this.indention = true
  }

  private writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(' ')
    for (const c of indicator) this.write(c)
    this.whitespace = isWhitespace
    this.indention = this.indention && isIndention
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent)
    if (this.indent < 0) this.indent = flow ? this.bestIndent : 0
    else if (!indentless) this.indent += this.bestIndent
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!
  }

  private node(n: YamlNode, ctx: Context): void {
    this.ctx = ctx
    switch (n.kind) {
      case 'scalar':
        return this.scalar(n.value, n.style, analyzeScalar(n.value, this.tabsInBlocks))
      case 'seq':
        if (this.flowLevel > 0 || n.items.length === 0) return this.flowSequence(n.items)
        return this.blockSequence(n.items)
      case 'map':
        if (this.flowLevel > 0 || n.entries.length === 0) return this.flowMapping(n.entries)
        return this.blockMapping(n.entries)
    }
  }

  private flowSequence(items: YamlNode[]): void {
    this.writeIndicator('[', true, true, false)
    this.increaseIndent(true, false)
    this.flowLevel++
    items.forEach((item, i) => {
      if (i > 0) this.writeIndicator(',', false, false, false)
      this.node(item, { root: false, sequence: true, mapping: false, simpleKey: false })
    })
    this.flowLevel--
    this.popIndent()
    this.writeIndicator(']', false, false, false)
  }

  private flowMapping(entries: [YamlNode, YamlNode][]): void {
    this.writeIndicator('{', true, true, false)
    this.increaseIndent(true, false)
    this.flowLevel++
    entries.forEach(([k, v], i) => {
      if (i > 0) this.writeIndicator(',', false, false, false)
      this.node(k, { root: false, sequence: false, mapping: true, simpleKey: true })
      this.writeIndicator(':', false, false, false)
      this.node(v, { root: false, sequence: false, mapping: true, simpleKey: false })
    })
    this.flowLevel--
    this.popIndent()
    this.writeIndicator('}', false, false, false)
  }

  private blockSequence(items: YamlNode[]): void {
    const indentless = this.ctx.mapping && !this.indention && !this.indentSequences
    this.increaseIndent(false, indentless)
    for (const item of items) {
      this.writeIndent()
      this.writeIndicator('-', true, false, true)
      this.node(item, { root: false, sequence: true, mapping: false, simpleKey: false })
    }
    this.popIndent()
  }

  private blockMapping(entries: [YamlNode, YamlNode][]): void {
    this.increaseIndent(false, false)
    for (const [k, v] of entries) {
      this.writeIndent()
      if (isSimpleKey(k)) {
        this.node(k, { root: false, sequence: false, mapping: true, simpleKey: true })
        this.writeIndicator(':', false, false, false)
      } else {
        this.writeIndicator('?', true, false, true)
        this.node(k, { root: false, sequence: false, mapping: true, simpleKey: false })
        this.writeIndent()
        this.writeIndicator(':', true, false, true)
      }
      this.node(v, { root: false, sequence: false, mapping: true, simpleKey: false })
    }
    this.popIndent()
  }

  private scalar(
    value: string,
    requested: 'plain' | 'double' | 'literal' | 'single',
    a: ScalarAnalysis,
  ): void {
    let style = requested
    if (this.ctx.simpleKey && a.multiline) style = 'double'
    if (style === 'plain') {
      if (
        (this.flowLevel > 0 && !a.flowPlainAllowed) ||
        (this.flowLevel === 0 && !a.blockPlainAllowed)
      )
        style = 'single'
      if (value.length === 0 && (this.flowLevel > 0 || this.ctx.simpleKey)) style = 'single'
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double'
    if (style === 'literal' && (!a.blockAllowed || this.flowLevel > 0 || this.ctx.simpleKey))
      style = 'double'

    this.increaseIndent(true, false)
    const allowBreaks = !this.ctx.simpleKey
    switch (style) {
      case 'plain':
        this.writePlain(value, allowBreaks)
        break
      case 'single':
        this.writeSingleQuoted(value, allowBreaks)
        break
      case 'double':
        this.writeDoubleQuoted(value, allowBreaks)
        break
      case 'literal':
        this.writeLiteral(value)
        break
    }
    this.popIndent()
  }

  private writePlain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ')
    // Folding only happens at a space past the width, so short or space-free text goes out whole.
    const hasBreak = /[\r\n\u0085\u2028\u2029]/.test(value)
    const mayFold =
      allowBreaks && value.includes(' ') && this.column + value.length > this.bestWidth
    if (!hasBreak && !mayFold) {
      this.out += value
      this.column += countCodePoints(value)
      this.whitespace = false
      this.indention = false
      return
    }
    const chars = Array.from(value)
    let spaces = false
    let breaks = false
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && !isSpace(chars[i + 1])) {
          this.writeIndent()
        } else {
          this.write(c)
        }
        spaces = true
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak()
        this.writeBreak(c)
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        this.write(c)
        this.indention = false
        spaces = false
        breaks = false
      }
    }
    this.whitespace = false
    this.indention = false
  }

  private writeSingleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false)
    const chars = Array.from(value)
    let spaces = false
    let breaks = false
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!
      if (isSpace(c)) {
        if (
          allowBreaks &&
          !spaces &&
          this.column > this.bestWidth &&
          i > 0 &&
          i < chars.length - 1 &&
          !isSpace(chars[i + 1])
        ) {
          this.writeIndent()
        } else {
          this.write(c)
        }
        spaces = true
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak()
        this.writeBreak(c)
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        if (c === "'") this.put("'")
        this.write(c)
        this.indention = false
        spaces = false
        breaks = false
      }
    }
    this.writeIndicator("'", false, false, false)
    this.whitespace = false
    this.indention = false
  }

  private writeDoubleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false)
    const chars = Array.from(value)
    let spaces = false
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!
      if (!isPrintable(c) || c === '\ufeff' || isBreak(c) || c === '"' || c === '\\') {
        this.put('\\')
        this.writeEscape(c)
        spaces = false
      } else if (isSpace(c)) {
        if (
          allowBreaks &&
          !spaces &&
          this.column > this.bestWidth &&
          i !== 0 &&
          i !== chars.length - 1
        ) {
          this.writeIndent()
          if (isSpace(chars[i + 1])) this.put('\\')
        } else {
          this.write(c)
        }
        spaces = true
      } else {
        this.write(c)
        spaces = false
      }
    }
    this.writeIndicator('"', false, false, false)
    this.whitespace = false
    this.indention = false
  }

  private writeEscape(c: string): void {
    const v = c.codePointAt(0)!
    const simple: Record<number, string> = {
      0x00: '0',
      0x07: 'a',
      0x08: 'b',
      0x09: 't',
      0x0a: 'n',
      0x0b: 'v',
      0x0c: 'f',
      0x0d: 'r',
      0x1b: 'e',
      0x22: '"',
      0x5c: '\\',
      0x85: 'N',
      0xa0: '_',
      0x2028: 'L',
      0x2029: 'P',
    }
    const s = simple[v]
    if (s !== undefined) {
      this.put(s)
      return
    }
    const [letter, width] = v <= 0xff ? ['x', 2] : v <= 0xffff ? ['u', 4] : ['U', 8]
    this.put(letter)
    for (const d of v.toString(16).toUpperCase().padStart(width, '0')) this.put(d)
  }

  private writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false)
    const chars = Array.from(value)
    // Block scalar hints: an indentation indicator when the text starts with a space or a
    // break, and the chomping indicator for the trailing breaks.
    if (isSpace(chars[0]) || isBreak(chars[0]))
      this.writeIndicator(String(this.bestIndent), false, false, false)
    let chomp = ''
    if (chars.length === 0) chomp = '-'
    else if (!isBreak(chars[chars.length - 1])) chomp = '-'
    else if (chars.length === 1 || isBreak(chars[chars.length - 2])) chomp = '+'
    if (chomp) this.writeIndicator(chomp, false, false, false)
    this.putBreak()
    this.indention = true
    this.whitespace = true
    let breaks = true
    for (const c of chars) {
      if (isBreak(c)) {
        this.writeBreak(c)
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        this.write(c)
        this.indention = false
        breaks = false
      }
    }
  }
}

/** yaml_emitter_check_simple_key: short single-line scalars and empty collections. */
function isSimpleKey(k: YamlNode): boolean {
  switch (k.kind) {
    case 'scalar':
      return !analyzeScalar(k.value).multiline && utf8Length(k.value) <= 128
    case 'seq':
      return k.items.length === 0
    case 'map':
      return k.entries.length === 0
  }
}

function countCodePoints(s: string): number {
  let n = s.length
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) n--
  }
  return n
}

function utf8Length(s: string): number {
  let n = 0
  for (const c of s) {
    const cp = c.codePointAt(0)!
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return n
}

/** Emits one YAML document for `root` as go-yaml's emitter would (with a trailing newline). */
export function emitYaml(root: YamlNode, options: EmitterOptions = {}): string {
  return new Emitter(options).document(root)
}
