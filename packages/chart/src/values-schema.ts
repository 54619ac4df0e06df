import { inferSchema } from './infer-schema.ts'
import { parseSchema, type JsonSchema } from './schema.ts'
import { utf8 } from './text.ts'
import type { Chart } from './types.ts'

/**
 * The schema a form should use for a chart's values: its values.schema.json when it ships
 * one, else one inferred from values.yaml (`inferred: true`).
 *
 * @throws ChartError `PARSE_ERROR` when values.schema.json is not valid JSON.
 */
export function valuesSchema(chart: Chart): { schema: JsonSchema; inferred: boolean } {
  if (chart.schema) return { schema: parseSchema(chart.schema), inferred: false }
  return { schema: inferSchema(chart.rawValues ? utf8(chart.rawValues) : ''), inferred: true }
}
