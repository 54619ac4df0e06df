/**
 * go-yaml reads a flow collection (`[...]`, `{...}`) that spans lines whatever the indentation of
 * its lines: `a: [\n1, 2\n]` is `{a: [1, 2]}`. The `yaml` package follows YAML 1.2, where those
 * lines must be indented past the collection's parent, and fails. Inside a flow collection
 * indentation means nothing (line breaks fold, leading spaces are dropped), so such lines can be
 * indented for the `yaml` package without changing what the document says: line numbers stay.
 */
import { Lexer } from 'yaml'

// the lexer's tokens that are no text of the source
const DOCUMENT = '\x02'
const FLOW_END = '\x18'
const SCALAR = '\x1f'

/**
 * Each line indented lexes the text again: at most this many characters lexed in all, so that
 * a document of many such lines costs a bounded time (past it, the `yaml` package's error stands).
 */
const maxLexedChars = 5_000_000

/** Where the lexer ends a flow collection early, at an under-indented line: its start, and how far to indent it. */
function underIndentedFlowLine(text: string): { lineStart: number; indent: number } | undefined {
  let offset = 0
  const open: number[] = []
  for (const token of new Lexer().lex(text)) {
    if (token === FLOW_END) {
      const outer = open[0]
      if (outer === undefined) return undefined
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1
      // the text ends inside the collection: nothing to indent, go-yaml fails too
      if (text.slice(lineStart).trim() === '') return undefined
      // a document marker inside a flow collection fails in go-yaml too
      if (/^(---|\.\.\.)(\s|$)/.test(text.slice(lineStart, lineStart + 4))) return undefined
      // past the column of the outermost collection's start: past its parent's indentation
      const column = outer - (text.lastIndexOf('\n', outer - 1) + 1)
      return { lineStart, indent: column + 1 }
    }
    if (token === DOCUMENT || token === SCALAR) continue
    if (token === '[' || token === '{') open.push(offset)
    else if ((token === ']' || token === '}') && open.length > 0) open.pop()
    offset += token.length
  }
  return undefined
}

/**
 * `text` with the lines of its flow collections indented as the `yaml` package needs them, or
 * undefined when no line needs it (or too many do).
 */
export function relaxFlowIndentation(text: string): string | undefined {
  let current = text
  const rounds = Math.min(1000, Math.floor(maxLexedChars / (text.length + 1)))
  for (let i = 0; i < rounds; i++) {
    const line = underIndentedFlowLine(current)
    if (!line) return i > 0 ? current : undefined
    current = `${current.slice(0, line.lineStart)}${' '.repeat(line.indent)}${current.slice(line.lineStart)}`
  }
  return undefined
}
