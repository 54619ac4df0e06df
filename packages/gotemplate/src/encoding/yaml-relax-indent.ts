/**
 * go-yaml reads flow collections (`[...]`, `{...}`) and quoted scalars that span lines whatever
 * the indentation of their lines: `a: [\n1, 2\n]` is `{a: [1, 2]}` and `a:\n  b: "x\n  y"` is
 * `{a: {b: "x y"}}`. The `yaml` package follows YAML 1.2, where those lines must be indented past
 * their parent, and fails. Inside them indentation means nothing (line breaks fold, leading
 * spaces are dropped), so such lines can be indented for the `yaml` package without changing what
 * the document says; line numbers stay.
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

/** Whether a quoted scalar's token holds its closing quote (the lexer cuts it at an unindented line). */
function closedQuote(token: string): boolean {
  const quote = token[0]
  for (let i = 1; i < token.length; i++) {
    const c = token[i]
    if (quote === '"' && c === '\\') i++
    else if (c === quote) {
      if (quote === "'" && token[i + 1] === "'") i++
      else return i === token.length - 1
    }
  }
  return false
}

const columnOf = (text: string, offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1)

/**
 * The first line the lexer finds indented too little inside a flow collection or a quoted
 * scalar: where it starts, and how far to indent it (past the column where the collection or
 * scalar starts, so past its parent's indentation).
 */
function underIndentedLine(text: string): { lineStart: number; indent: number } | undefined {
  let offset = 0
  const open: number[] = []
  for (const token of new Lexer().lex(text)) {
    let lineStart: number | undefined
    let indent = 0
    if (token === FLOW_END) {
      const outer = open[0]
      if (outer === undefined) return undefined
      lineStart = text.lastIndexOf('\n', offset - 1) + 1
      indent = columnOf(text, outer) + 1
    } else if ((token[0] === '"' || token[0] === "'") && !closedQuote(token)) {
      const nl = text.indexOf('\n', offset + token.length)
      if (nl < 0) return undefined
      lineStart = nl + 1
      indent = columnOf(text, offset) + 1
    }
    if (lineStart !== undefined) {
      // the text ends there, or a document marker: go-yaml fails too
      if (text.slice(lineStart).trim() === '') return undefined
      if (/^(---|\.\.\.)(\s|$)/.test(text.slice(lineStart, lineStart + 4))) return undefined
      return { lineStart, indent }
    }
    if (token === DOCUMENT || token === SCALAR) continue
    if (token === '[' || token === '{') open.push(offset)
    else if ((token === ']' || token === '}') && open.length > 0) open.pop()
    offset += token.length
  }
  return undefined
}

/**
 * `text` with the lines of its flow collections and quoted scalars indented as the `yaml`
 * package needs them, or undefined when no line needs it (or too many do).
 */
export function relaxIndentation(text: string): string | undefined {
  let current = text
  const rounds = Math.min(1000, Math.floor(maxLexedChars / (text.length + 1)))
  for (let i = 0; i < rounds; i++) {
    const line = underIndentedLine(current)
    if (!line) return i > 0 ? current : undefined
    current = `${current.slice(0, line.lineStart)}${' '.repeat(line.indent)}${current.slice(line.lineStart)}`
  }
  return undefined
}
