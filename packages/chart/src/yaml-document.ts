import { decodeSimpleYaml } from '@slipway/gotemplate'
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Tags,
} from 'yaml'
import { ChartError } from './errors.ts'

/** A YAML file parsed for validation: the plain value, plus where each field was written. */
export interface LocatedYaml {
  value: unknown
  /** 1-based line and column of the node at `path`, or of its nearest ancestor. */
  locate(path: ReadonlyArray<string | number>): { line: number; column: number } | undefined
  /** The source text of the scalar at `path` exactly as written, if it is a scalar. */
  source(path: ReadonlyArray<string | number>): string | undefined
}

/**
 * Parses a small YAML file (Chart.yaml, Chart.lock, requirements.yaml, index.yaml) keeping
 * node positions, so that validation errors can name the line. Values use YAML 1.1, as Go's
 * yaml.v2 does. Template values go through gotemplate's `decodeYaml` instead.
 *
 * @throws ChartError `PARSE_ERROR` with the line and column of the first syntax error.
 */
export function parseLocatedYaml(text: string, file: string): LocatedYaml {
  // Most of these files are plain block YAML, which gotemplate's fast path reads as Go does; the
  // tree with positions is built only when a position or a scalar's source is asked for (an
  // error, a number in a string field).
  const simple = decodeSimpleYaml(text)
  if (simple) {
    let full: LocatedYaml | undefined
    const located = () => (full ??= parseWithPositions(text, file))
    return {
      value: simple.value,
      locate: (path) => located().locate(path),
      source: (path) => located().source(path),
    }
  }
  return parseWithPositions(text, file)
}

// Go's YAML leaves timestamps (2024-01-02) and base-60 numbers (1:30) as strings, as written
const goLikeTags = (tags: Tags): Tags =>
  tags.filter((t) => {
    if (typeof t === 'string') return t !== 'timestamp'
    return t.tag !== 'tag:yaml.org,2002:timestamp' && (t as { format?: string }).format !== 'TIME'
  })

/** {@link parseLocatedYaml} without the fast path: the positioned tree, always. */
export function parseWithPositions(text: string, file: string): LocatedYaml {
  const lineCounter = new LineCounter()
  const doc: Document = parseDocument(text, {
    version: '1.1',
    lineCounter,
    uniqueKeys: false,
    customTags: goLikeTags,
  })
  const first = doc.errors[0]
  if (first) {
    const pos = lineCounter.linePos(first.pos[0])
    throw new ChartError(
      'PARSE_ERROR',
      `${file}: line ${pos.line}: ${first.message.split('\n')[0]}`,
      {
        file,
        line: pos.line,
        column: pos.col,
      },
    )
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 })
  const find = (
    path: ReadonlyArray<string | number>,
  ): { node: Node | undefined; exact: boolean } => {
    let node: unknown = doc.contents
    let found: Node | undefined = doc.contents ?? undefined
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => String((p.key as { value?: unknown })?.value ?? p.key) === String(key),
        )
        if (!pair) return { node: found, exact: false }
        found = (pair.value ?? pair.key) as Node
        node = pair.value
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key]
        if (!item) return { node: found, exact: false }
        found = item as Node
        node = item
      } else return { node: found, exact: false }
    }
    return { node: found, exact: true }
  }
  return {
    value,
    source(path) {
      const { node, exact } = find(path)
      if (!exact || !isScalar(node) || !node.range) return undefined
      return text.slice(node.range[0], node.range[1]).trim()
    },
    locate(path) {
      const found = find(path).node
      const offset = found?.range?.[0]
      if (offset === undefined) return undefined
      const pos = lineCounter.linePos(offset)
      return { line: pos.line, column: pos.col }
    },
  }
}
