import type { ErrorObject } from 'ajv'

/** Type name as gojsonschema reports the "given" type of a JSON value. */
export function jsonTypeOf(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'boolean') return 'boolean'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  if (typeof v === 'string') return 'string'
  if (Array.isArray(v)) return 'array'
  return 'object'
}

/** Turns an Ajv instance path (`/a/0/b`) into gojsonschema's field (`a.0.b`, `(root)`). */
export function fieldOf(instancePath: string): string {
  if (instancePath === '') return '(root)'
  return instancePath
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.')
}

function valueAt(data: unknown, instancePath: string): unknown {
  if (instancePath === '') return data
  let cur: unknown = data
  for (const raw of instancePath.slice(1).split('/')) {
    const p = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[p]
  }
  return cur
}

function num(v: unknown): string {
  return typeof v === 'number' ? String(v) : JSON.stringify(v)
}

/**
 * One Ajv error as gojsonschema words it (`- field: message` without the dash). Returns null
 * for Ajv's summary errors that gojsonschema does not report on their own.
 */
export function formatSchemaError(e: ErrorObject, data: unknown): string | null {
  const field = fieldOf(e.instancePath)
  const p = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'required':
      return `${field}: ${String(p.missingProperty)} is required`
    case 'type': {
      const t = p.type
      const expected = Array.isArray(t) ? `[${t.join(',')}]` : String(t)
      return `${field}: Invalid type. Expected: ${expected}, given: ${jsonTypeOf(valueAt(data, e.instancePath))}`
    }
    case 'enum':
      return `${field}: ${field} must be one of the following: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    case 'const':
      return `${field}: ${field} does not match: ${JSON.stringify(p.allowedValue)}`
    case 'minimum':
      return p.comparison === '>='
        ? `${field}: Must be greater than or equal to ${num(p.limit)}`
        : `${field}: Must be greater than ${num(p.limit)}`
    case 'exclusiveMinimum':
      return `${field}: Must be greater than ${num(p.limit)}`
    case 'maximum':
      return p.comparison === '<='
        ? `${field}: Must be less than or equal to ${num(p.limit)}`
        : `${field}: Must be less than ${num(p.limit)}`
    case 'exclusiveMaximum':
      return `${field}: Must be less than ${num(p.limit)}`
    case 'multipleOf':
      return `${field}: Must be a multiple of ${num(p.multipleOf)}`
    case 'minLength':
      return `${field}: String length must be greater than or equal to ${num(p.limit)}`
    case 'maxLength':
      return `${field}: String length must be less than or equal to ${num(p.limit)}`
    case 'pattern':
      return `${field}: Does not match pattern '${String(p.pattern)}'`
    case 'format':
      return `${field}: Does not match format '${String(p.format)}'`
    case 'minItems':
      return `${field}: Array must have at least ${num(p.limit)} items`
    case 'maxItems':
      return `${field}: Array must have at most ${num(p.limit)} items`
    case 'uniqueItems':
      return `${field}: array items[${num(p.j)},${num(p.i)}] must be unique`
    case 'minProperties':
      return `${field}: Must have at least ${num(p.limit)} properties`
    case 'maxProperties':
      return `${field}: Must have at most ${num(p.limit)} properties`
    case 'additionalProperties':
      return `${field}: Additional property ${String(p.additionalProperty)} is not allowed`
    case 'additionalItems':
      return `${field}: No additional items allowed on array`
    case 'anyOf':
      return `${field}: Must validate at least one schema (anyOf)`
    case 'oneOf':
      return `${field}: Must validate one and only one schema (oneOf)`
    case 'not':
      return `${field}: Must not validate the schema (not)`
    case 'contains':
      return `${field}: At least one of the items must match`
    case 'if':
      return p.failingKeyword === 'else'
        ? `${field}: Must validate "else" as "if" was not valid`
        : `${field}: Must validate "then" as "if" was valid`
    case 'false schema':
      return `${field}: False always fails validation`
    case 'dependencies':
    case 'dependentRequired':
      return `${field}: Has a dependency on ${String(p.deps)}`
    case 'propertyNames':
      return null
    default:
      return `${field}: ${e.message ?? e.keyword}`
  }
}
