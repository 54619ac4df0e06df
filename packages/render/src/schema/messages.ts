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
 * What gojsonschema says of a failed keyword, after the field it names: `Must be greater than
 * 0`. Some of its messages repeat the field first (`enum`, `const`: `x must be one of ...`) and
 * start in lower case for it; `type` goes on with `, given: ...`, which needs the data. Undefined
 * for keywords gojsonschema has no words for. The dashboard's form words errors with this too.
 */
export function schemaProblem(keyword: string, p: Record<string, unknown>): string | undefined {
  switch (keyword) {
    case 'required':
      return `${String(p.missingProperty)} is required`
    case 'type':
      return `Invalid type. Expected: ${Array.isArray(p.type) ? `[${p.type.join(',')}]` : String(p.type)}`
    case 'enum':
      return `must be one of the following: ${((p.allowedValues as unknown[]) ?? []).map((v) => JSON.stringify(v)).join(', ')}`
    case 'const':
      return `does not match: ${JSON.stringify(p.allowedValue)}`
    case 'minimum':
      return p.comparison === '>='
        ? `Must be greater than or equal to ${num(p.limit)}`
        : `Must be greater than ${num(p.limit)}`
    case 'exclusiveMinimum':
      return `Must be greater than ${num(p.limit)}`
    case 'maximum':
      return p.comparison === '<='
        ? `Must be less than or equal to ${num(p.limit)}`
        : `Must be less than ${num(p.limit)}`
    case 'exclusiveMaximum':
      return `Must be less than ${num(p.limit)}`
    case 'multipleOf':
      return `Must be a multiple of ${num(p.multipleOf)}`
    case 'minLength':
      return `String length must be greater than or equal to ${num(p.limit)}`
    case 'maxLength':
      return `String length must be less than or equal to ${num(p.limit)}`
    case 'pattern':
      return `Does not match pattern '${String(p.pattern)}'`
    case 'format':
      return `Does not match format '${String(p.format)}'`
    case 'minItems':
      return `Array must have at least ${num(p.limit)} items`
    case 'maxItems':
      return `Array must have at most ${num(p.limit)} items`
    case 'uniqueItems':
      return `array items[${num(p.j)},${num(p.i)}] must be unique`
    case 'minProperties':
      return `Must have at least ${num(p.limit)} properties`
    case 'maxProperties':
      return `Must have at most ${num(p.limit)} properties`
    case 'additionalProperties':
      return `Additional property ${String(p.additionalProperty)} is not allowed`
    case 'additionalItems':
      return 'No additional items allowed on array'
    case 'anyOf':
      return 'Must validate at least one schema (anyOf)'
    case 'oneOf':
      return 'Must validate one and only one schema (oneOf)'
    case 'not':
      return 'Must not validate the schema (not)'
    case 'contains':
      return 'At least one of the items must match'
    case 'if':
      return p.failingKeyword === 'else'
        ? 'Must validate "else" as "if" was not valid'
        : 'Must validate "then" as "if" was valid'
    case 'false schema':
      return 'False always fails validation'
    case 'dependencies':
    case 'dependentRequired':
      return `Has a dependency on ${String(p.deps)}`
    default:
      return undefined
  }
}

/**
 * One Ajv error as gojsonschema words it (`- field: message` without the dash). Returns null
 * for Ajv's summary errors that gojsonschema does not report on their own.
 */
export function formatSchemaError(e: ErrorObject, data: unknown): string | null {
  const field = fieldOf(e.instancePath)
  // (its own errors come with those of the names it checked)
  if (e.keyword === 'propertyNames') return null
  const problem = schemaProblem(e.keyword, e.params as Record<string, unknown>)
  if (problem === undefined) return `${field}: ${e.message ?? e.keyword}`
  if (e.keyword === 'type')
    return `${field}: ${problem}, given: ${jsonTypeOf(valueAt(data, e.instancePath))}`
  if (e.keyword === 'enum' || e.keyword === 'const') return `${field}: ${field} ${problem}`
  return `${field}: ${problem}`
}
