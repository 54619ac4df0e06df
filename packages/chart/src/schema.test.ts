import { describe, expect, it } from 'vitest'
import { isChartError } from './errors.ts'
import { parseSchema } from './schema.ts'

describe('parseSchema', () => {
  it('parses bytes', () => {
    expect(parseSchema(new TextEncoder().encode('{"type":"object"}'))).toEqual({ type: 'object' })
  })
  it.each([
    ['{\n  "type": "object",\n  "properties": {,\n}', 3],
    ['{\n  "a": 1\n', 3],
  ])('names the line of a JSON error in %j', (text, line) => {
    let caught: unknown
    try {
      parseSchema(text)
    } catch (err) {
      caught = err
    }
    expect(isChartError(caught, 'PARSE_ERROR')).toBe(true)
    expect((caught as { line: number }).line).toBe(line)
    expect((caught as Error).message).toContain(`values.schema.json: line ${line}`)
  })
  it('refuses a schema that is not an object', () => {
    expect(() => parseSchema('[1]')).toThrow(/must be a JSON object/)
  })
})
