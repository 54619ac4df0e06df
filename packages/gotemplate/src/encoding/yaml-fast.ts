/**
 * A fast path for {@link decodeYaml}: most values files and rendered manifests are plain block
 * YAML (mappings, sequences, plain and quoted one-line scalars, literal block scalars, `{}` and
 * `[]`). This reads that subset line by line, without building a syntax tree, and gives up
 * (returns undefined) on anything else: flow collections with content, folded or multi-line
 * scalars, anchors, tags, merge keys, duplicate keys, keys that are not strings, odd escapes,
 * tabs, document markers, unusual indentation. The full decoder then decides, with go-yaml's
 * error messages. Whatever this accepts, it must decode exactly as the full decoder does: the
 * differential tests hold it to that.
 */
import { setKey } from './go-map.ts'
import { fromResolved, resolvePlain } from './yaml-resolve.ts'

/** Thrown to leave the fast path; never escapes this module. */
class NotSimple {}
const notSimple = new NotSimple()
const giveUp = (): never => {
  throw notSimple
}

// Printable characters, minus the ones YAML or go-yaml treat specially (NEL, LS, PS, BOM) and
// surrogates, which the full decoder checks pair by pair.
const UNSIMPLE_CHAR = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/

// Nesting beyond this goes to the full decoder, which has the real limit and its message.
const MAX_DEPTH = 100

// first characters that make a plain scalar something else (YAML's indicators)
const INDICATOR_START = new Set([...'-?:,[]{}#&*!|>\'"%@`'])

// what a plain scalar inside `[...]` may be made of here
const SAFE_FLOW_PLAIN = /[A-Za-z0-9_./=+-]/

interface Line {
  /** Offset of the line's first character in the text. */
  start: number
  /** Offset of the line break ending it (or the text's length). */
  end: number
  /** Spaces before its first character. */
  indent: number
}

/** A line of spaces only (or empty). */
const isBlank = (l: Line): boolean => l.indent === l.end - l.start

/**
 * Decodes `text` when it is simple block YAML; undefined when it is not (the caller falls back
 * to the full decoder). The result is what {@link decodeYaml} returns: JSON-shaped values.
 */
export function decodeSimpleYaml(text: string): { value: unknown } | undefined {
  return UNSIMPLE_CHAR.test(text) ? undefined : readSimple(text)
}

/**
 * {@link decodeSimpleYaml} of the first document of a stream, which is all go-yaml's Unmarshal
 * reads (`include "x.yaml" . | fromYaml` of a template that renders several documents); `doc`
 * is its {@link firstDocumentBounds}. The characters of the whole text are checked.
 */
export function decodeSimpleFirstDocument(
  text: string,
  doc = firstDocumentBounds(text),
): { value: unknown } | undefined {
  if (doc === undefined || UNSIMPLE_CHAR.test(text)) return undefined
  return readSimple(text.slice(doc.start, doc.end))
}

/** Reads text whose characters are checked; undefined when it is not simple. */
function readSimple(text: string): { value: unknown } | undefined {
  try {
    return { value: new SimpleReader(text).document() }
  } catch (err) {
    if (err === notSimple || err instanceof RangeError) return undefined
    throw err
  }
}

/**
 * Where the first document of a stream lies: after a `---` line that opens it, up to the `---`
 * or `...` line that ends it (the rest is never read). Undefined when a marker line holds
 * anything more (`--- |`, `--- # x`), which is left to the full decoder.
 */
export function firstDocumentBounds(text: string): { start: number; end: number } | undefined {
  if (!text.includes('---') && !text.includes('...')) return { start: 0, end: text.length }
  let docStart = 0
  let opened = false
  let content = false
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    const three = text.slice(start, start + 3)
    if ((three === '---' || three === '...') && (end === start + 3 || text[start + 3] === ' ')) {
      if (trimSpaces(text.slice(start + 3, end)) !== '') return undefined
      if (content || opened) return { start: docStart, end: start }
      // a document end before any document
      if (three === '...') return undefined
      opened = true
      docStart = Math.min(end + 1, text.length)
    } else if (!content) {
      // directives (%YAML) belong to the full decoder
      if (text.charCodeAt(start) === 0x25 /* % */) return undefined
      let p = start
      while (p < end && text.charCodeAt(p) === 0x20) p++
      if (p < end && text.charCodeAt(p) !== 0x23 /* # */) content = true
    }
    start = end + 1
  }
  return { start: docStart, end: text.length }
}

class SimpleReader {
  private readonly lines: Line[] = []
  /** The next line to read. */
  private i = 0
  /**
   * When the next "line" is the rest of a sequence entry (`- key: v`), the column it starts at;
   * -1 otherwise.
   */
  private column = -1
  private depth = 0

  constructor(private readonly text: string) {
    let start = 0
    while (start < text.length) {
      let end = text.indexOf('\n', start)
      if (end < 0) end = text.length
      let indent = 0
      while (start + indent < end && text.charCodeAt(start + indent) === 0x20) indent++
      this.lines.push({ start, end, indent })
      start = end + 1
    }
  }

  document(): unknown {
    for (const line of this.lines) {
      // directives and document markers
      const c = this.text.charCodeAt(line.start)
      if (c === 0x25 /* % */) giveUp()
      if (c === 0x2d /* - */ || c === 0x2e /* . */) {
        const three = this.text.slice(line.start, line.start + 3)
        if (three === '---' || three === '...') giveUp()
      }
    }
    this.skipBlank()
    if (this.i >= this.lines.length) return null
    const line = this.lines[this.i]!
    const at = line.start + line.indent
    // a document of one value: `{}` (toYaml of an empty map), `[]`, a scalar
    const single = !this.isSequenceEntry() && this.keyEnd(at, line.end) < 0
    if (single && this.text.charCodeAt(at) === 0x7c /* | */) giveUp()
    const value = single ? this.inlineValue(at, line, -1) : this.blockNode(line.indent, -1)
    this.skipBlank()
    if (this.i < this.lines.length) giveUp()
    return value
  }

  /**
   * Skips empty lines and comment lines (outside block scalars); returns the least indentation
   * of the comments skipped (Infinity for none).
   */
  private skipBlank(): number {
    let comment = Infinity
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!
      const at = line.start + line.indent
      if (at < line.end) {
        if (this.text.charCodeAt(at) !== 0x23 /* # */) return comment
        comment = Math.min(comment, line.indent)
      }
      this.i++
    }
    return comment
  }

  /** Where the current line's content starts, and its indentation as a node. */
  private current(): { at: number; indent: number; line: Line } {
    const line = this.lines[this.i]!
    if (this.column >= 0) return { at: line.start + this.column, indent: this.column, line }
    return { at: line.start + line.indent, indent: line.indent, line }
  }

  /** A mapping or a sequence whose entries sit at column `indent`, inside a node at `parent`. */
  private blockNode(indent: number, parent: number): unknown {
    if (indent <= parent && !(indent === parent && this.isSequenceEntry())) giveUp()
    if (++this.depth > MAX_DEPTH) giveUp()
    const value = this.isSequenceEntry() ? this.sequence(indent) : this.mapping(indent)
    this.depth--
    return value
  }

  private isSequenceEntry(): boolean {
    const { at, line } = this.current()
    return (
      this.text.charCodeAt(at) === 0x2d /* - */ &&
      (at + 1 === line.end || this.text.charCodeAt(at + 1) === 0x20)
    )
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = []
    for (;;) {
      const { at, line } = this.current()
      this.column = -1
      // the entry's content: after the dash and its spaces
      let p = at + 1
      while (p < line.end && this.text.charCodeAt(p) === 0x20) p++
      if (p === line.end || this.text.charCodeAt(p) === 0x23 /* # */) {
        this.i++
        out.push(this.nestedOrNull(indent, false))
      } else if (this.keyEnd(p, line.end) >= 0) {
        // `- key: value`: a mapping whose keys sit at this column
        this.column = p - line.start
        out.push(this.blockNode(this.column, indent))
      } else {
        out.push(this.inlineValue(p, line, indent))
      }
      this.skipBlank()
      if (this.i >= this.lines.length) return out
      const next = this.lines[this.i]!
      if (next.indent > indent) giveUp()
      // the end, or a key of the mapping this sequence sits in at the same column
      if (next.indent < indent || !this.isSequenceEntry()) return out
    }
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    const seen = new Set<string>()
    for (;;) {
      const { at, line } = this.current()
      this.column = -1
      const colon = this.keyEnd(at, line.end)
      if (colon < 0) giveUp()
      const key = this.key(at, colon)
      if (seen.has(key)) giveUp()
      seen.add(key)
      let p = colon + 1
      while (p < line.end && this.text.charCodeAt(p) === 0x20) p++
      if (p === line.end || this.text.charCodeAt(p) === 0x23 /* # */) {
        this.i++
        setKey(out, key, this.nestedOrNull(indent, true))
      } else {
        setKey(out, key, this.inlineValue(p, line, indent))
      }
      this.skipBlank()
      if (this.i >= this.lines.length) return out
      const next = this.lines[this.i]!
      if (next.indent < indent) return out
      if (next.indent > indent) giveUp()
      if (this.isSequenceEntry()) {
        // a sequence at the mapping's own column belongs to the key before, which took it
        giveUp()
      }
    }
  }

  /**
   * The value of a key or entry with nothing after it on its line: a nested block or null. A
   * key's value may be a sequence at the key's own column; an entry's may not (that is the
   * next entry).
   */
  private nestedOrNull(parent: number, ofKey: boolean): unknown {
    const comment = this.skipBlank()
    if (this.i >= this.lines.length) return null
    const next = this.lines[this.i]!
    if (next.indent > parent) {
      // a comment left of the key before its value: go-yaml reads on, the YAML library ends the
      // block there, so the full decoder (and its errors) must decide
      if (comment < parent) giveUp()
      const at = next.start + next.indent
      if (!this.isSequenceEntry() && this.keyEnd(at, next.end) < 0) {
        // a value on a line of its own (`key:` then `  {}`, as toYaml | nindent writes)
        if (this.text.charCodeAt(at) === 0x7c /* | */) giveUp()
        return this.inlineValue(at, next, parent)
      }
      return this.blockNode(next.indent, parent)
    }
    if (ofKey && next.indent === parent && this.isSequenceEntry()) {
      return this.blockNode(parent, parent)
    }
    return null
  }

  /**
   * The offset of the `:` ending a simple key that starts at `at` (plain, or quoted on one
   * line), or -1 when the line holds no such key.
   */
  private keyEnd(at: number, end: number): number {
    const t = this.text
    const c = t.charCodeAt(at)
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      const close = this.quoteEnd(at, end)
      if (close < 0) return -1
      let p = close + 1
      while (p < end && t.charCodeAt(p) === 0x20) p++
      if (t.charCodeAt(p) !== 0x3a /* : */) return -1
      return p + 1 === end || t.charCodeAt(p + 1) === 0x20 ? p : -1
    }
    if (INDICATOR_START.has(t[at]!)) return -1
    const stop = this.plainStop(at, end)
    return stop.colon ? stop.at : -1
  }

  /**
   * Where plain text from `from` meets what ends it: `: ` (or `:` at the line's end), which
   * makes it a key, or ` #`, a comment; `end` when neither comes.
   */
  private plainStop(from: number, end: number): { at: number; colon: boolean } {
    const t = this.text
    for (let p = from; p < end; p++) {
      const ch = t.charCodeAt(p)
      if (ch === 0x3a /* : */ && (p + 1 === end || t.charCodeAt(p + 1) === 0x20)) {
        return { at: p, colon: true }
      }
      if (ch === 0x23 /* # */ && t.charCodeAt(p - 1) === 0x20) return { at: p, colon: false }
    }
    return { at: end, colon: false }
  }

  /** A mapping key from `at` to the colon: a string, or give up. */
  private key(at: number, colon: number): string {
    const t = this.text
    const c = t.charCodeAt(at)
    if (colon - at > 1000) giveUp()
    if (c === 0x22 || c === 0x27) return this.quoted(at, this.quoteEnd(at, colon))
    const raw = trimSpaces(t.slice(at, colon))
    // go-yaml refuses implicit keys over 1024 characters
    if (raw.includes('#') || raw === '<<' || raw.length > 1000) giveUp()
    const r = resolvePlain(raw)
    if (r.tag !== 'str') giveUp()
    return raw
  }

  /** A value that starts on the key's (or dash's) line at `p`. */
  private inlineValue(p: number, line: Line, parent: number): unknown {
    const t = this.text
    const c = t.charCodeAt(p)
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      const close = this.quoteEnd(p, line.end)
      if (close < 0) return this.multiLineQuoted(p, line, parent)
      this.expectLineEnd(close + 1, line.end)
      this.i++
      this.noContinuation(parent)
      return this.quoted(p, close)
    }
    if (c === 0x7c /* | */) return this.literal(p, line, parent)
    if (c === 0x7b /* { */) {
      const [map, close] = this.flowMapping(p, line.end)
      this.expectLineEnd(close + 1, line.end)
      this.i++
      this.noContinuation(parent)
      return map
    }
    if (c === 0x5b /* [ */) {
      const [items, close] = this.flowSequence(p, line.end)
      this.expectLineEnd(close + 1, line.end)
      this.i++
      this.noContinuation(parent)
      return items
    }
    if (INDICATOR_START.has(t[p]!)) {
      // a plain scalar may start with `-`, `:` or `?` when no space follows (`-1`, `:x:sum`)
      const dash = c === 0x2d || c === 0x3a || c === 0x3f
      if (!dash || p + 1 === line.end || t.charCodeAt(p + 1) === 0x20) giveUp()
    }
    const stop = this.plainStop(p, line.end)
    if (stop.colon) giveUp()
    const end = stop.at
    let raw = trimSpaces(t.slice(p, end))
    this.i++
    // more-indented lines continue a plain scalar (CRD descriptions): folded, one space per
    // line break, a line break per empty line; not after a comment
    if (end === line.end) raw += this.plainContinuation(parent)
    this.noContinuation(parent)
    return plainValue(raw)
  }

  /** The folded continuation lines of a plain scalar, from the current line on. */
  private plainContinuation(parent: number): string {
    const t = this.text
    let out = ''
    let breaks = 0
    while (this.i < this.lines.length) {
      const l = this.lines[this.i]!
      if (isBlank(l)) {
        breaks++
        this.i++
        continue
      }
      const at = l.start + l.indent
      if (l.indent <= parent || t.charCodeAt(at) === 0x23 /* # */) break
      // neither a key nor a comment inside a continued scalar
      if (this.plainStop(at, l.end).at < l.end) giveUp()
      out += (breaks > 0 ? '\n'.repeat(breaks) : ' ') + trimSpaces(t.slice(at, l.end))
      breaks = 0
      this.i++
    }
    return out
  }

  /**
   * A flow sequence of scalars on one line (`["a", 'b', c]`), opened at `open`: its items and
   * the offset of its `]`. Nested collections and plain scalars beyond a safe alphabet (where
   * go-yaml's flow rules bite) are left to the full decoder.
   */
  /**
   * A flow mapping on one line whose keys are strings and whose values are scalars or flow
   * sequences of scalars (`{key: app, operator: In, values: [web]}`); returns it and the offset
   * of its `}`.
   */
  private flowMapping(open: number, end: number): [Record<string, unknown>, number] {
    const t = this.text
    const out: Record<string, unknown> = {}
    const seen = new Set<string>()
    let p = open + 1
    const skipSpaces = () => {
      while (p < end && t.charCodeAt(p) === 0x20) p++
    }
    skipSpaces()
    if (t.charCodeAt(p) === 0x7d /* } */) return [out, p]
    for (;;) {
      skipSpaces()
      const [key, afterKey] = this.flowScalar(p, end)
      // (go-yaml refuses keys over 1024 characters)
      if (typeof key !== 'string' || key === '<<' || key.length > 1000 || seen.has(key)) giveUp()
      seen.add(key as string)
      p = afterKey
      // `key: value`, the colon right after the key and a space after it
      if (t.charCodeAt(p) !== 0x3a /* : */ || t.charCodeAt(p + 1) !== 0x20) giveUp()
      p += 2
      skipSpaces()
      if (t.charCodeAt(p) === 0x5b /* [ */) {
        const [items, close] = this.flowSequence(p, end)
        setKey(out, key as string, items)
        p = close + 1
      } else {
        const [value, after] = this.flowScalar(p, end)
        setKey(out, key as string, value)
        p = after
      }
      skipSpaces()
      const sep = t.charCodeAt(p)
      if (sep === 0x7d /* } */) return [out, p]
      if (sep !== 0x2c /* , */) giveUp()
      p++
      skipSpaces()
      // an empty entry or a trailing comma
      if (t.charCodeAt(p) === 0x2c || t.charCodeAt(p) === 0x7d) giveUp()
    }
  }

  /**
   * A quoted scalar, or a plain one of the safe characters, inside a flow collection at `p`:
   * its value (keys resolve as strings only) and the offset after it.
   */
  private flowScalar(p: number, end: number): [unknown, number] {
    const t = this.text
    const c = t.charCodeAt(p)
    if (c === 0x22 || c === 0x27) {
      const close = this.quoteEnd(p, end)
      if (close < 0) giveUp()
      return [this.quoted(p, close), close + 1]
    }
    const start = p
    while (p < end && SAFE_FLOW_PLAIN.test(t[p]!)) p++
    if (p === start || (p === start + 1 && c === 0x2d)) giveUp()
    return [plainValue(t.slice(start, p)), p]
  }

  private flowSequence(open: number, end: number): [unknown[], number] {
    const t = this.text
    const items: unknown[] = []
    let p = open + 1
    const skipSpaces = () => {
      while (p < end && t.charCodeAt(p) === 0x20) p++
    }
    skipSpaces()
    if (t.charCodeAt(p) === 0x5d /* ] */) return [items, p]
    for (;;) {
      skipSpaces()
      const [item, after] = this.flowScalar(p, end)
      items.push(item)
      p = after
      skipSpaces()
      const sep = t.charCodeAt(p)
      if (sep === 0x5d /* ] */) return [items, p]
      if (sep !== 0x2c /* , */) giveUp()
      p++
      skipSpaces()
      // an empty entry or a trailing comma
      if (t.charCodeAt(p) === 0x2c || t.charCodeAt(p) === 0x5d) giveUp()
    }
  }

  /**
   * A quoted scalar over several lines (CRD descriptions): line breaks fold to a space, or to
   * one line break per empty line, with the white space around them dropped. A line break
   * escaped with a backslash is left to the full decoder.
   */
  private multiLineQuoted(open: number, line: Line, parent: number): string {
    const t = this.text
    const q = t.charCodeAt(open)
    // each line's text with its escapes; a backslash ending a line escapes the line break
    const unescape = (piece: string): string => {
      if (q === 0x27) return piece
      let slashes = 0
      while (piece.charCodeAt(piece.length - 1 - slashes) === 0x5c) slashes++
      if (slashes % 2 === 1) giveUp()
      return unescapeDouble(piece)
    }
    let out = unescape(trimSpaces(t.slice(open + 1, line.end)))
    let breaks = 0
    for (let k = this.i + 1; k < this.lines.length; k++) {
      const l = this.lines[k]!
      if (isBlank(l)) {
        breaks++
        continue
      }
      if (l.indent <= parent) giveUp()
      const from = l.start + l.indent
      const close = this.quoteEnd(from - 1, l.end, q)
      const piece = t.slice(from, close < 0 ? l.end : close)
      out +=
        (breaks > 0 ? '\n'.repeat(breaks) : ' ') + unescape(close < 0 ? trimSpaces(piece) : piece)
      breaks = 0
      if (close >= 0) {
        this.expectLineEnd(close + 1, l.end)
        this.i = k + 1
        this.noContinuation(parent)
        return q === 0x27 ? out.replaceAll("''", "'") : out
      }
    }
    return giveUp()
  }

  /** A scalar followed by more-indented lines would be a multi-line scalar (or an error). */
  private noContinuation(parent: number): void {
    this.skipBlank()
    if (this.i < this.lines.length && this.lines[this.i]!.indent > parent) giveUp()
  }

  /** Only spaces, then optionally a comment, from `p` to the end of the line. */
  private expectLineEnd(p: number, end: number): void {
    const t = this.text
    if (p < end && t.charCodeAt(p) !== 0x20) giveUp()
    while (p < end && t.charCodeAt(p) === 0x20) p++
    if (p < end && t.charCodeAt(p) !== 0x23 /* # */) giveUp()
  }

  /**
   * The offset of the quote closing the scalar opened at `at` (of kind `q`, by default the
   * character there), before `end`; -1 if none.
   */
  private quoteEnd(at: number, end: number, q = this.text.charCodeAt(at)): number {
    const t = this.text
    for (let p = at + 1; p < end; p++) {
      const ch = t.charCodeAt(p)
      if (q === 0x22 && ch === 0x5c /* \ */) {
        p++
        continue
      }
      if (ch === q) {
        if (q === 0x27 && t.charCodeAt(p + 1) === 0x27) {
          p++
          continue
        }
        return p
      }
    }
    return -1
  }

  /** The text of a quoted scalar from its opening quote to its closing one. */
  private quoted(open: number, close: number): string {
    const body = this.text.slice(open + 1, close)
    if (this.text.charCodeAt(open) === 0x27) return body.replaceAll("''", "'")
    return unescapeDouble(body)
  }

  /** A literal block scalar (`|`, `|-`, `|+`) whose header starts at `p`. */
  private literal(p: number, line: Line, parent: number): string {
    const t = this.text
    let chomp = t[p + 1]
    let q = p + 1
    if (chomp === '-' || chomp === '+') q++
    else chomp = ''
    this.expectLineEnd(q, line.end)
    this.i++
    // the content's indentation is that of its first non-empty line
    let first = this.i
    let leadingSpaces = 0
    while (first < this.lines.length && isBlank(this.lines[first]!)) {
      leadingSpaces = Math.max(leadingSpaces, this.lines[first]!.indent)
      first++
    }
    if (first >= this.lines.length || this.lines[first]!.indent <= parent) {
      // no content: empty, unless kept line breaks or spaces decide (the full decoder knows)
      if (chomp === '+' || leadingSpaces > 0) giveUp()
      this.i = first
      return ''
    }
    const indent = this.lines[first]!.indent
    if (leadingSpaces > indent) giveUp()
    let last = first
    let n = first
    while (n < this.lines.length) {
      const l = this.lines[n]!
      // a line of spaces past the indentation is content: those spaces
      const empty = isBlank(l) && l.indent <= indent
      if (!empty && l.indent < indent) break
      if (!empty) last = n
      n++
    }
    // a block cut off by the end of the text has no final line break (rendered documents end
    // so); with empty lines after it too, that is left to the full decoder
    const cutOff = n === this.lines.length && !t.endsWith('\n')
    if (cutOff && (last !== n - 1 || chomp === '+')) giveUp()
    // each line past the indentation, with its line break (empty lines give just that)
    const content = (from: number, to: number) => {
      let out = ''
      for (let k = from; k < to; k++) {
        const l = this.lines[k]!
        // (an empty line is shorter than the indentation: nothing)
        out += t.slice(l.start + indent, l.end) + '\n'
      }
      return out
    }
    const body = content(this.i, last + 1)
    this.i = n
    if (chomp === '-' || cutOff) return body.slice(0, -1)
    return chomp === '+' ? body + content(last + 1, n) : body
  }
}

/** The escapes of a double-quoted scalar that plain manifests use; others are left to the full decoder. */
function unescapeDouble(body: string): string {
  if (!body.includes('\\')) return body
  let out = ''
  for (let p = 0; p < body.length; p++) {
    const ch = body[p]!
    if (ch !== '\\') {
      out += ch
      continue
    }
    const e = body[++p]
    if (e === '\\' || e === '"') out += e
    else if (e === 'n') out += '\n'
    else if (e === 't') out += '\t'
    else if (e === 'r') out += '\r'
    else if (e === 'u') {
      const hex = body.slice(p + 1, p + 5)
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) giveUp()
      const code = parseInt(hex, 16)
      if (code >= 0xd800 && code <= 0xdfff) giveUp()
      out += String.fromCharCode(code)
      p += 4
    } else giveUp()
  }
  return out
}

/** Without trailing spaces (only spaces: YAML's white space here, tabs being refused). */
function trimSpaces(s: string): string {
  let end = s.length
  while (end > 0 && s.charCodeAt(end - 1) === 0x20) end--
  return end === s.length ? s : s.slice(0, end)
}

/** A plain scalar as go-yaml v2 types it, after the JSON round trip. */
function plainValue(raw: string): unknown {
  const v = fromResolved(resolvePlain(raw))
  // encoding/json refuses NaN and infinities: the full decoder has the message
  if (typeof v === 'number' && !Number.isFinite(v)) giveUp()
  return v !== null && typeof v === 'object' ? Number((v as { int: bigint }).int) : v
}
