import { ChartError } from './errors.ts'
import { utf8 } from './text.ts'

/** A JSON Schema document (draft-04 to 2020-12), as values.schema.json holds. */
export interface JsonSchema {
  $schema?: string
  $ref?: string
  title?: string
  description?: string
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema | JsonSchema[]
  required?: string[]
  enum?: unknown[]
  default?: unknown
  /** Field order for forms (Cyclops' extension). */
  order?: string[]
  [keyword: string]: unknown
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

/**
 * Parses values.schema.json, naming the line of a syntax error. The chart keeps the bytes;
 * this is for callers that need the object (forms, validation).
 *
 * @throws ChartError `PARSE_ERROR` with file, line and column.
 */
export function parseSchema(data: Uint8Array | string, file = 'values.schema.json'): JsonSchema {
  const text = typeof data === 'string' ? data : utf8(data)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    const message = (err as Error).message
    let pos: { line: number; column: number } | undefined
    const lc = /line (\d+) column (\d+)/.exec(message)
    const at = /position (\d+)/.exec(message)
    if (lc) pos = { line: Number(lc[1]), column: Number(lc[2]) }
    else if (at) pos = lineColumnAt(text, Number(at[1]))
    else if (/end of JSON input/.test(message)) pos = lineColumnAt(text, text.length)
    const where = pos ? `line ${pos.line}, column ${pos.column}: ` : ''
    throw new ChartError(
      'PARSE_ERROR',
      `${file}: ${where}invalid JSON: ${message.replace(/ \(line \d+ column \d+\)$/, '')}`,
      {
        file,
        ...(pos ?? {}),
      },
      { cause: err },
    )
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ChartError('PARSE_ERROR', `${file}: a schema must be a JSON object`, {
      file,
      line: 1,
    })
  }
  return value as JsonSchema
}
