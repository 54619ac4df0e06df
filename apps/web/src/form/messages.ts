import type { RJSFValidationError } from '@rjsf/utils'

function num(v: unknown): string {
  return typeof v === 'number' ? String(v) : JSON.stringify(v)
}

/**
 * A validation error worded as `helm install` words it (gojsonschema's messages), so the form
 * says live what Helm would say at Save. Unknown keywords keep the validator's message.
 *
 * @example helmMessage({ name: 'minimum', params: { limit: 0, comparison: '>=' } }) // 'Must be greater than or equal to 0'
 */
export function helmMessage(
  error: Pick<RJSFValidationError, 'name' | 'params' | 'message' | 'property'>,
): string {
  const p = (error.params ?? {}) as Record<string, unknown>
  switch (error.name) {
    case 'required':
      return `${String(p.missingProperty)} is required`
    case 'type':
      return `Invalid type. Expected: ${Array.isArray(p.type) ? `[${p.type.join(',')}]` : String(p.type)}`
    case 'enum':
      return `Must be one of the following: ${((p.allowedValues as unknown[]) ?? []).map((v) => JSON.stringify(v)).join(', ')}`
    case 'const':
      return `Does not match: ${JSON.stringify(p.allowedValue)}`
    case 'minimum':
      return p.comparison === '>'
        ? `Must be greater than ${num(p.limit)}`
        : `Must be greater than or equal to ${num(p.limit)}`
    case 'exclusiveMinimum':
      return `Must be greater than ${num(p.limit)}`
    case 'maximum':
      return p.comparison === '<'
        ? `Must be less than ${num(p.limit)}`
        : `Must be less than or equal to ${num(p.limit)}`
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
      return `Array items[${num(p.j)},${num(p.i)}] must be unique`
    case 'additionalProperties':
      return `Additional property ${String(p.additionalProperty)} is not allowed`
    case 'oneOf':
      return 'Must validate one and only one schema (oneOf)'
    case 'anyOf':
      return 'Must validate at least one schema (anyOf)'
    case 'not':
      return 'Must not validate the schema (not)'
    default:
      return error.message ?? String(error.name)
  }
}

/** rjsf `transformErrors`: every error in Helm's words. */
export function toHelmErrors(errors: RJSFValidationError[]): RJSFValidationError[] {
  return errors.map((e) => {
    const message = helmMessage(e)
    return { ...e, message, stack: `${e.property ?? ''} ${message}`.trim() }
  })
}
