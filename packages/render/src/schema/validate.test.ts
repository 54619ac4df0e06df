import { describe, expect, it } from 'vitest'
import { toRenderChart } from '../chart-tree.ts'
import { RenderError } from '../errors.ts'
import { makeChart } from '../testing/make-chart.ts'
import { validateValues } from './validate.ts'

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['zz'],
  properties: {
    a: { type: 'string' },
    b: { type: 'object', properties: { c: { type: 'integer', minimum: 5 } } },
    e: { enum: ['x', 'y'] },
    f: { type: ['string', 'null'] },
  },
}

function messageOf(fn: () => void): string {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(RenderError)
    return (err as RenderError).message
  }
  throw new Error('no error')
}

describe('validateValues', () => {
  it('words errors as Helm 3.17 (gojsonschema) does', () => {
    const chart = toRenderChart(makeChart({ name: 'q' }, { schema }))
    const msg = messageOf(() => validateValues(chart, { a: 1, b: { c: 2 }, e: 'z', f: 1n }))
    const [head, name, ...lines] = msg.split('\n')
    expect(head).toBe(
      "values don't meet the specifications of the schema(s) in the following chart(s):",
    )
    expect(name).toBe('q:')
    expect(lines.sort()).toEqual(
      [
        '',
        '- (root): zz is required',
        '- a: Invalid type. Expected: string, given: integer',
        '- b.c: Must be greater than or equal to 5',
        '- e: e must be one of the following: "x", "y"',
        '- f: Invalid type. Expected: [string,null], given: integer',
      ].sort(),
    )
  })
  it('reports only the type error of a value of the wrong type, as gojsonschema stops there', () => {
    const chart = toRenderChart(
      makeChart(
        { name: 't' },
        { schema: { properties: { p: { type: 'string', enum: ['A', 'B'], minLength: 1 } } } },
      ),
    )
    expect(messageOf(() => validateValues(chart, { p: 5 }))).toBe(
      "values don't meet the specifications of the schema(s) in the following chart(s):\nt:\n- p: Invalid type. Expected: string, given: integer\n",
    )
  })
  it('reports the closest branch of a failed oneOf/anyOf only, as gojsonschema does', () => {
    const chart = toRenderChart(
      makeChart(
        { name: 'o' },
        {
          schema: {
            properties: {
              env: {
                oneOf: [
                  { type: 'array', items: { type: 'object' } },
                  { type: 'object', additionalProperties: { type: 'string' } },
                ],
              },
              n: { anyOf: [{ type: ['string', 'null'] }, { type: ['integer', 'null'] }] },
            },
          },
        },
      ),
    )
    const lines = messageOf(() => validateValues(chart, { env: [1, {}], n: 1.5 }))
      .split('\n')
      .slice(2)
      .sort()
    expect(lines).toEqual(
      [
        '',
        '- env: Must validate one and only one schema (oneOf)',
        '- env.0: Invalid type. Expected: object, given: integer',
        '- n: Must validate at least one schema (anyOf)',
        '- n: Invalid type. Expected: [string,null], given: number',
      ].sort(),
    )
  })
  it('validates subcharts with their own part of the values', () => {
    const sub = makeChart(
      { name: 'sub' },
      { schema: { type: 'object', properties: { n: { type: 'integer' } } } },
    )
    const chart = toRenderChart(makeChart({ name: 'top' }, { dependencies: [sub] }))
    expect(messageOf(() => validateValues(chart, { sub: { n: 1.5 } }))).toBe(
      "values don't meet the specifications of the schema(s) in the following chart(s):\nsub:\n- n: Invalid type. Expected: integer, given: number\n",
    )
    expect(() => validateValues(chart, { sub: { n: 1 } })).not.toThrow()
  })
  it('accepts draft-04 exclusive bounds, and reads 2020-12 schemas with draft 7 keywords as Helm 3.17 does', () => {
    const d4 = toRenderChart(
      makeChart(
        { name: 'd4' },
        {
          schema: {
            $schema: 'http://json-schema.org/draft-04/schema#',
            properties: { n: { minimum: 1, exclusiveMinimum: true } },
          },
        },
      ),
    )
    expect(messageOf(() => validateValues(d4, { n: 1 }))).toContain('- n: Must be greater than 1')
    // the same bound with its key spelled through a JSON escape
    const escaped = makeChart({ name: 'esc' })
    escaped.schema = new TextEncoder().encode(
      '{"properties": {"n": {"minimum": 1, "exclusive\\u004dinimum": true}}}',
    )
    expect(messageOf(() => validateValues(toRenderChart(escaped), { n: 1 }))).toContain(
      '- n: Must be greater than 1',
    )
    const d2020 = toRenderChart(
      makeChart(
        { name: 'd20' },
        {
          schema: {
            $schema: 'https://json-schema.org/draft/2020-12/schema',
            properties: { l: { prefixItems: [{ type: 'string' }] }, d: { $ref: '#/$defs/s' } },
            $defs: { s: { type: 'string' } },
          },
        },
      ),
    )
    expect(messageOf(() => validateValues(d2020, { l: [1], d: 1 }))).toBe(
      "values don't meet the specifications of the schema(s) in the following chart(s):\nd20:\n- d: Invalid type. Expected: string, given: integer\n",
    )
  })
})
