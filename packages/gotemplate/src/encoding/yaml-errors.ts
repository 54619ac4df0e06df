/** go-yaml v2's wording for the syntax errors the `yaml` package reports. */
import type { YAMLError } from 'yaml'

/**
 * A go-yaml v2 style message (`yaml: line 3: mapping values are not allowed in this context`)
 * for a parse error. go-yaml names a scanner problem's own line but a parser problem's line
 * minus one (its 0-based mark), and names no line when that number is 0.
 */
export function yamlErrorMessage(
  err: YAMLError,
  text: string,
  at: { line: number; column: number },
): string {
  let loc = at
  const { msg, kind, mark } = goMessage(err, text, loc)
  if (mark !== undefined) loc = lineColOf(text, mark)
  // At the end of input go-yaml's scanner has already moved to a fresh line.
  if (kind === 'parser' && (mark ?? err.pos[0]) >= text.length && !text.endsWith('\n'))
    loc = { line: loc.line + 1, column: 1 }
  const line =
    kind === 'scanner'
      ? loc.line > 1
        ? loc.line
        : 0
      : kind === 'scanner-next'
        ? loc.line + 1
        : loc.line - 1
  return line > 0 ? `yaml: line ${line}: ${msg}` : `yaml: ${msg}`
}

type Kind = 'scanner' | 'scanner-next' | 'parser'

function lineColOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

/** The offset of the first `:` that starts a mapping value at or after `from` (go-yaml's mark). */
function mappingColonAt(text: string, from: number): number | undefined {
  const m = /:(?=[ \t\r\n]|$)/.exec(text.slice(from))
  return m ? from + m.index : undefined
}

function lineAt(text: string, line: number): string {
  return text.split('\n')[line - 1] ?? ''
}

/** Whether the block the error sits in is a sequence (so go-yaml wanted another `-`). */
function inSequence(text: string, loc: { line: number; column: number }): boolean {
  const lines = text.split('\n')
  const here = lines[loc.line - 1] ?? ''
  const indent = here.length - here.trimStart().length
  for (let i = loc.line - 2; i >= 0; i--) {
    const l = lines[i]!
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue
    const li = l.length - l.trimStart().length
    if (li < indent) return false
    if (li === indent) return l.trimStart().startsWith('- ') || l.trim() === '-'
  }
  return false
}

/** The offset of the first character of the first line after `line` that is neither blank nor a comment. */
function nextContentLine(text: string, line: number): number | undefined {
  const lines = text.split('\n')
  let offset = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0)
  for (let i = line; i < lines.length; i++) {
    const l = lines[i]!
    const body = l.trimStart()
    if (body !== '' && !body.startsWith('#')) return offset + l.length - body.length
    offset += l.length + 1
  }
  return undefined
}

/**
 * The block collection go-yaml is in at the content line starting at `offset`: the nearest
 * line above that is a sequence entry at that line's column, or that is less indented (deeper
 * lines and block scalar text are skipped). A sequence written at its key's own column
 * (`a:\n- x`) belongs to that key's mapping.
 */
function enclosingBlock(text: string, offset: number): { sequence: boolean; column: number } {
  const lines = text.split('\n')
  const indentOf = (l: string) => l.length - l.trimStart().length
  const skip = (l: string) => l.trim() === '' || l.trimStart().startsWith('#')
  const entry = (l: string) => /^-(\s|$)/.test(l.trimStart())
  const at = text.slice(0, offset).split('\n').length - 1
  const indent = indentOf(lines[at] ?? '')
  for (let i = at - 1; i >= 0; i--) {
    const l = lines[i]!
    if (skip(l) || indentOf(l) > indent || (indentOf(l) === indent && !entry(l))) continue
    const column = indentOf(l)
    if (!entry(l)) return { sequence: false, column }
    for (let j = i - 1; j >= 0; j--) {
      const above = lines[j]!
      if (skip(above) || indentOf(above) > column) continue
      if (indentOf(above) < column || entry(above)) break
      return { sequence: false, column }
    }
    return { sequence: true, column }
  }
  return { sequence: false, column: 0 }
}

const withoutComments = (s: string) => s.replace(/(^|\s)#[^\n]*/g, '$1')

/**
 * A line with neither an entry's `-` nor a key's `:`: at a block sequence's own column such a
 * plain scalar must be a key, so go-yaml's scanner fails wanting its ':'.
 */
const wantsColon = (line: string) =>
  !/^\s*-(\s|$)/.test(line) && !/:(\s|$)/.test(withoutComments(line))

/**
 * An unclosed flow collection: where go-yaml's parser meets what ends it, the end of the text
 * or a document marker at the start of a line (comments and blanks aside), and whether it
 * wanted a node there (after `[`, `{`, `,` or `:`) rather than `,` or the closing bracket.
 * Undefined when something else follows `pos`.
 */
function unclosedFlow(text: string, pos: number): { mark: number; wantsNode: boolean } | undefined {
  const rest = withoutComments(text.slice(pos))
  const next = rest.search(/\S/)
  let mark = text.length
  if (next >= 0) {
    const lineStart = rest.lastIndexOf('\n', next) + 1
    if (lineStart !== next || !/^(---|\.\.\.)(\s|$)/.test(rest.slice(next, next + 4)))
      return undefined
    mark = pos + text.slice(pos).indexOf(rest.slice(next, next + 3))
  }
  return { mark, wantsNode: /[[{,:]\s*$/.test(withoutComments(text.slice(0, pos))) }
}

function flowProblem(
  text: string,
  pos: number,
  seq: boolean,
): { msg: string; kind: Kind; mark?: number } {
  const expected = seq ? "did not find expected ',' or ']'" : "did not find expected ',' or '}'"
  const unclosed = unclosedFlow(text, pos)
  if (!unclosed) return { msg: expected, kind: 'parser' }
  const msg = unclosed.wantsNode ? 'did not find expected node content' : expected
  return { msg, kind: 'parser', mark: unclosed.mark }
}

function goMessage(
  err: YAMLError,
  text: string,
  loc: { line: number; column: number },
): { msg: string; kind: Kind; mark?: number | undefined } {
  const m = err.message
  const blockProblem = (): { msg: string; kind: Kind } => {
    if (!inSequence(text, loc)) return { msg: 'did not find expected key', kind: 'parser' }
    if (wantsColon(lineAt(text, loc.line)))
      return { msg: "could not find expected ':'", kind: 'scanner-next' }
    return { msg: "did not find expected '-' indicator", kind: 'parser' }
  }
  // A comment less indented than a block scalar ends it, and the `yaml` package faults the
  // comment (or a blank line before it); go-yaml skips both and faults the next content line.
  const here = lineAt(text, loc.line).trimStart()
  if (
    (err.code === 'BAD_INDENT' ||
      err.code === 'BLOCK_AS_IMPLICIT_KEY' ||
      (err.code === 'MISSING_CHAR' && !/quote|flow/i.test(m))) &&
    (here === '' || here.startsWith('#'))
  ) {
    const next = nextContentLine(text, loc.line)
    if (next !== undefined) {
      const block = enclosingBlock(text, next)
      const at = lineColOf(text, next)
      if (block.sequence && at.column - 1 === block.column && wantsColon(lineAt(text, at.line)))
        return { msg: "could not find expected ':'", kind: 'scanner-next', mark: next }
      const msg = block.sequence
        ? "did not find expected '-' indicator"
        : 'did not find expected key'
      return { msg, kind: 'parser', mark: next }
    }
  }
  switch (err.code) {
    case 'TAB_AS_INDENT':
      // A tab continuing a plain value's line is reported as such; elsewhere it starts no token.
      if (
        !lineAt(text, loc.line - 1)
          .trimEnd()
          .endsWith(':')
      ) {
        return { msg: 'found a tab character that violates indentation', kind: 'scanner' }
      }
      return { msg: 'found character that cannot start any token', kind: 'scanner' }
    case 'BLOCK_IN_FLOW':
      return { msg: 'did not find expected node content', kind: 'parser' }
    case 'BAD_SCALAR_START':
      return { msg: 'found character that cannot start any token', kind: 'scanner' }
    case 'BLOCK_AS_IMPLICIT_KEY':
      return {
        msg: 'mapping values are not allowed in this context',
        kind: 'scanner',
        mark: mappingColonAt(text, err.pos[0]),
      }
    case 'MULTILINE_IMPLICIT_KEY':
      if (/^\s*- /.test(lineAt(text, loc.line)))
        return { msg: 'did not find expected key', kind: 'parser' }
      return { msg: "could not find expected ':'", kind: 'scanner-next' }
    case 'BAD_DQ_ESCAPE':
      return { msg: 'found unknown escape character', kind: 'scanner' }
    case 'MISSING_CHAR':
      if (/quote/i.test(m)) {
        // A backslash right before the end is an escape of nothing to go-yaml.
        const tail = /\\+$/.exec(text.slice(0, err.pos[0]))?.[0].length ?? 0
        if (tail % 2 === 1) return { msg: 'found unknown escape character', kind: 'scanner' }
        return { msg: 'found unexpected end of stream', kind: 'scanner' }
      }
      if (/^Flow (sequence|map)/i.test(m) && unclosedFlow(text, err.pos[0]))
        return flowProblem(text, err.pos[0], /^Flow sequence/i.test(m))
      if (/,\s*$/.test(text.slice(0, err.pos[0])))
        return { msg: 'did not find expected node content', kind: 'parser' }
      if (/flow map/i.test(m)) return { msg: "did not find expected ',' or '}'", kind: 'parser' }
      if (/flow seq/i.test(m)) return { msg: "did not find expected ',' or ']'", kind: 'parser' }
      if (/Implicit map keys/i.test(m))
        return { msg: "could not find expected ':'", kind: 'scanner-next' }
      if (/\]/.test(m)) return { msg: "did not find expected ',' or ']'", kind: 'parser' }
      if (/\}/.test(m)) return { msg: "did not find expected ',' or '}'", kind: 'parser' }
      return { msg: 'did not find expected node content', kind: 'parser' }
    case 'BAD_INDENT':
      if (/^Flow (sequence|map)/i.test(m))
        return flowProblem(text, err.pos[0], /^Flow sequence/i.test(m))
      if (/Flow sequence/i.test(m))
        return { msg: "did not find expected ',' or ']'", kind: 'parser' }
      if (/Flow map/i.test(m)) return { msg: "did not find expected ',' or '}'", kind: 'parser' }
      return blockProblem()
    case 'UNEXPECTED_TOKEN':
      // a `,` where an entry should start: go-yaml's parser wanted a node
      if (/^Unexpected , in flow/.test(m))
        return { msg: 'did not find expected node content', kind: 'parser' }
      return blockProblem()
    default:
      // The parser recursing past the JavaScript stack: say what it means.
      if (/call stack/i.test(m)) return { msg: 'document is nested too deeply', kind: 'parser' }
      return { msg: m.replace(/ at line \d+, column \d+.*$/s, ''), kind: 'parser' }
  }
}
