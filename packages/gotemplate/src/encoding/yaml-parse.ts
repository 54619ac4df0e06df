/**
 * The parsing half of YAML decoding: the `yaml` package's lexer and parser, with go-yaml's
 * reader checks (control characters), a nesting bound checked on the token tree before any
 * recursion, and syntax errors worded as go-yaml words them.
 */
import { Composer, isMap, isScalar, isSeq, Parser } from 'yaml'
import type { Document, Node as YamlNode, YAMLError } from 'yaml'
import { EncodingError } from './errors.ts'
import { MAX_YAML_DEPTH } from './limits.ts'
import { lineCol } from './text-position.ts'
import { yamlErrorMessage } from './yaml-errors.ts'

/** Characters go-yaml's reader refuses anywhere in a document (YAML 1.1's printable set). */
const NOT_YAML_CHAR = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u

/** Throws go-yaml's reader error when the text holds a character YAML does not allow. */
export function checkYamlChars(text: string, file: string | undefined): void {
  const bad = NOT_YAML_CHAR.exec(text)
  if (!bad) return
  const { line, column } = lineCol(text, bad.index)
  throw new EncodingError(
    'YAML_SYNTAX',
    'error converting YAML to JSON: yaml: control characters are not allowed',
    {
      file,
      line,
      column,
    },
  )
}

/** The deepest collection nesting in a token tree, walked without recursion. */
function tokenDepth(tokens: readonly unknown[]): { depth: number; offset: number } {
  const stack: [unknown, number][] = tokens.map((t) => [t, 0])
  let max = { depth: 0, offset: 0 }
  while (stack.length > 0) {
    const [tok, depth] = stack.pop()!
    if (tok === null || typeof tok !== 'object') continue
    const t = tok as {
      items?: { key?: unknown; value?: unknown }[]
      value?: unknown
      offset?: number
    }
    if (Array.isArray(t.items)) {
      if (depth + 1 > max.depth) max = { depth: depth + 1, offset: t.offset ?? 0 }
      if (max.depth > MAX_YAML_DEPTH) return max
      for (const item of t.items) {
        if (item.key) stack.push([item.key, depth + 1])
        if (item.value) stack.push([item.value, depth + 1])
      }
    } else if (t.value && typeof t.value === 'object') {
      stack.push([t.value, depth])
    }
  }
  return max
}

/** Parses every document of a stream, refusing nesting past {@link MAX_YAML_DEPTH}. */
export function parseDocs(text: string, file: string | undefined): Document.Parsed[] {
  const tokens = Array.from(new Parser().parse(text))
  const { depth, offset } = tokenDepth(tokens)
  if (depth > MAX_YAML_DEPTH) {
    const { line, column } = lineCol(text, offset)
    throw new EncodingError(
      'YAML_SYNTAX',
      `error converting YAML to JSON: yaml: line ${line}: document is nested deeper than ${MAX_YAML_DEPTH} levels`,
      { file, line, column },
    )
  }
  const composer = new Composer({
    version: '1.1',
    schema: 'failsafe',
    merge: false,
    uniqueKeys: false,
    strict: false,
  })
  return Array.from(composer.compose(tokens)) as Document.Parsed[]
}

/** Throws the first syntax error of a document as go-yaml would report it. */
export function checkSyntax(doc: Document.Parsed, text: string, file: string | undefined): void {
  let errors = doc.errors
  // After a complete flow collection or quoted scalar at the root, go-yaml starts reading a
  // next document, which Unmarshal never looks at: trailing text there is no error.
  const root = doc.contents as YamlNode | null
  const closed =
    isMap(root) || isSeq(root)
      ? root.flow
      : isScalar(root) && root.type !== 'PLAIN' && !root.type?.startsWith('BLOCK')
  if (closed && root?.range) {
    const end = root.range[1]
    errors = errors.filter((e) => e.pos[0] < end || e.code !== 'UNEXPECTED_TOKEN')
  }
  const err: YAMLError | undefined = errors[0]
  if (!err) return
  const loc = lineCol(text, err.pos[0])
  throw new EncodingError(
    'YAML_SYNTAX',
    `error converting YAML to JSON: ${yamlErrorMessage(err, text, loc)}`,
    {
      file,
      line: loc.line,
      column: loc.column,
    },
  )
}
