import type { RJSFValidationError } from '@rjsf/utils'
import { schemaProblem } from '@slipway/render/schema-messages'

/**
 * A validation error worded as `helm install` words it (gojsonschema's messages, shared with
 * the renderer), so the form says live what Helm would say at Save. The form shows it at the
 * field, so the field's name is left out and the sentence starts in capitals. Unknown keywords
 * keep the validator's message.
 *
 * @example helmMessage({ name: 'minimum', params: { limit: 0, comparison: '>=' } }) // 'Must be greater than or equal to 0'
 */
export function helmMessage(
  error: Pick<RJSFValidationError, 'name' | 'params' | 'message' | 'property'>,
): string {
  const problem = schemaProblem(String(error.name), (error.params ?? {}) as Record<string, unknown>)
  if (problem === undefined) return error.message ?? String(error.name)
  // `required` starts with the property's own name, kept as it is spelled
  return error.name === 'required' ? problem : problem[0]!.toUpperCase() + problem.slice(1)
}

/** rjsf `transformErrors`: every error in Helm's words. */
export function toHelmErrors(errors: RJSFValidationError[]): RJSFValidationError[] {
  return errors.map((e) => {
    const message = helmMessage(e)
    return { ...e, message, stack: `${e.property ?? ''} ${message}`.trim() }
  })
}
