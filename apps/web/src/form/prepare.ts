import type { RJSFSchema } from '@rjsf/utils'
import { isObject } from './schema.ts'

/**
 * The schema as rjsf should see it: `$schema` dropped (the validator compiles draft-07 and the
 * newer drafts' common keywords alike, and would refuse an unknown meta-schema URL).
 */
export function prepareSchema(schema: { [key: string]: unknown }): RJSFSchema {
  const { $schema: _meta, ...rest } = schema
  return (isObject(rest) ? rest : {}) as RJSFSchema
}
