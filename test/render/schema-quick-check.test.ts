/**
 * The schema walk against Ajv, whose answer it stands in for: on random schemas and values,
 * wherever the walk answers, Ajv must agree.
 */
import { describe, expect, it } from 'vitest'
import { quickCheck } from '../../packages/render/src/schema/quick-check.ts'
import { buildAjvValidator } from '../../packages/render/src/schema/validate.ts'
import { prng } from '../support/prng.ts'

const KEYS = ['a', 'b', 'x1', 'name', 'constructor']
const SCALARS = [
  ...[null, true, false, 0, 1, -3, 2.5, 1e21],
  ...['', 'a', 'abc', '2024-01-02', '1.2.3.4', 'x@y.z', 'http://h/p', '💡x'],
]
const TYPES = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object']
const PATTERNS = ['^a', 'c$', '[0-9]+', '^\\p{L}+$', '^x']
const FORMATS = ['ipv4', 'date', 'email', 'uri', 'hostname', 'made-up']

function generators(rand: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const int = (n: number) => Math.floor(rand() * n)

  const value = (depth: number): unknown => {
    const r = rand()
    if (depth >= 3 || r < 0.5) return pick(SCALARS)
    if (r < 0.75) return Array.from({ length: int(4) }, () => value(depth + 1))
    const out: Record<string, unknown> = {}
    for (let i = int(4); i > 0; i--) out[pick(KEYS)] = value(depth + 1)
    return out
  }

  const schema = (depth: number): unknown => {
    if (rand() < 0.08) return rand() < 0.7
    const s: Record<string, unknown> = {}
    const n = 1 + int(depth >= 3 ? 2 : 3)
    for (let i = 0; i < n; i++) {
      const k = depth >= 3 ? int(14) : int(30)
      const sub = () => schema(depth + 1)
      switch (k) {
        case 0:
          s.type = rand() < 0.7 ? pick(TYPES) : [pick(TYPES), pick(TYPES)]
          break
        case 1:
          s.enum = Array.from({ length: 1 + int(3) }, () => value(2))
          break
        case 2:
          s.const = value(2)
          break
        case 3:
          s[pick(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'])] = pick([
            0, 1, 2.5, -3,
          ])
          break
        case 4:
          s.multipleOf = pick([0.5, 2, 3, 0.1])
          break
        case 5:
          s[pick(['minLength', 'maxLength'])] = int(4)
          break
        case 6:
          s.pattern = pick(PATTERNS)
          break
        case 7:
          s.format = pick(FORMATS)
          break
        case 8:
          s[pick(['minItems', 'maxItems', 'minProperties', 'maxProperties'])] = int(3)
          break
        case 9:
          s.uniqueItems = rand() < 0.8
          break
        case 10:
          s.required = Array.from({ length: 1 + int(2) }, () => pick(KEYS))
          break
        case 11:
          s.description = 'annotations are ignored'
          s.default = value(2)
          break
        case 12:
          s.$ref = pick(['#/definitions/d0', '#/definitions/d1', '#/$defs/e', '#'])
          break
        case 13:
          s.nullable = true
          break
        case 14:
        case 15:
          s.properties = Object.fromEntries(
            Array.from({ length: 1 + int(3) }, () => [pick(KEYS), sub()]),
          )
          break
        case 16:
          s.patternProperties = { [pick(PATTERNS)]: sub() }
          break
        case 17:
          s.additionalProperties = rand() < 0.5 ? rand() < 0.5 : sub()
          break
        case 18:
          s.items = rand() < 0.6 ? sub() : [sub(), sub()]
          break
        case 19:
          s.additionalItems = rand() < 0.5 ? false : sub()
          break
        case 20:
          s.contains = sub()
          break
        case 21:
          s.propertyNames = { pattern: pick(PATTERNS) }
          break
        case 22:
          s.dependencies = { [pick(KEYS)]: rand() < 0.5 ? [pick(KEYS)] : sub() }
          break
        case 23:
        case 24:
          s[pick(['allOf', 'anyOf', 'oneOf'])] = [sub(), sub()]
          break
        case 25:
          s.not = sub()
          break
        case 26:
          s.if = sub()
          s.then = sub()
          if (rand() < 0.5) s.else = sub()
          break
        case 27:
          s.prefixItems = [sub()]
          break
        default:
          s.type = pick(TYPES)
      }
    }
    return s
  }

  const root = () => {
    const s = schema(0)
    if (typeof s !== 'object' || s === null) return s
    return {
      ...s,
      definitions: { d0: schema(2), d1: { type: 'string', maxLength: 3 } },
      $defs: { e: schema(2) },
    }
  }
  return { value, root }
}

describe('quickCheck', () => {
  it('says what Ajv says wherever it answers, on 20,000 random schemas and values', () => {
    const rand = prng(4242)
    const { value, root } = generators(rand)
    let answered = 0
    let invalid = 0
    for (let n = 0; n < 20_000; n++) {
      const schema = root()
      const data = value(0)
      const quick = quickCheck(schema, data)
      if (quick === undefined) continue
      let validate: ReturnType<typeof buildAjvValidator>
      try {
        validate = buildAjvValidator(schema)
      } catch {
        // a schema Ajv refuses: the walk must not have answered
        throw new Error(`answered for a schema Ajv refuses: ${JSON.stringify(schema)}`)
      }
      let expected: boolean
      try {
        expected = validate(data) as boolean
      } catch {
        // a schema that recurses into itself on the same value overflows Ajv's stack, while
        // the walk may settle the value on another keyword first: nothing to compare
        continue
      }
      answered++
      if (!expected) invalid++
      if (quick !== expected) {
        expect.fail(`${JSON.stringify(schema)} on ${JSON.stringify(data)}: ${quick} vs ${expected}`)
      }
    }
    // both answers occur often, so both are checked
    expect(answered).toBeGreaterThan(10_000)
    expect(invalid).toBeGreaterThan(2_000)
    expect(answered - invalid).toBeGreaterThan(2_000)
  })

  it('answers for the schemas charts write', () => {
    const schema = {
      type: 'object',
      required: ['image'],
      properties: {
        replicas: { type: 'integer', minimum: 0, description: 'how many' },
        image: {
          type: 'object',
          properties: { tag: { type: 'string', pattern: '^[a-z0-9.-]+$' } },
          additionalProperties: false,
        },
        ports: { type: 'array', items: { $ref: '#/$defs/port' } },
      },
      $defs: {
        port: { type: 'object', properties: { port: { type: 'integer', maximum: 65535 } } },
      },
    }
    expect(quickCheck(schema, { replicas: 2, image: { tag: '1.0' }, ports: [{ port: 80 }] })).toBe(
      true,
    )
    expect(quickCheck(schema, { replicas: 2, image: { tag: '1.0', x: 1 } })).toBe(false)
    expect(quickCheck(schema, { image: {}, ports: [{ port: 70000 }] })).toBe(false)
  })

  it('leaves to Ajv what it cannot be sure of', () => {
    expect(quickCheck({ $ref: 'https://example.invalid/s.json' }, {})).toBeUndefined()
    expect(quickCheck({ $id: 'x', type: 'object' }, {})).toBeUndefined()
    expect(quickCheck({ format: 'made-up' }, 'x')).toBeUndefined()
    expect(quickCheck({ required: ['toString'] }, {})).toBeUndefined()
    expect(quickCheck({ $ref: '#/definitions/missing' }, {})).toBeUndefined()
    expect(quickCheck({ type: 'object', $ref: '#' }, {})).toBeUndefined()
  })
})
