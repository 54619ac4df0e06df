import { Ajv, type AnySchema, type ValidateFunction } from 'ajv'
import { isGoMap } from '@slipway/gotemplate'
import type { RenderChart } from '../chart-tree.ts'
import { RenderError } from '../errors.ts'
import { goJsonSchemaFormats } from './formats.ts'
import { formatSchemaError } from './messages.ts'
import { decodeUtf8 } from '../text.ts'

const cache = new WeakMap<Uint8Array, ValidateFunction | Error>()

/** Rewrites draft-04 boolean `exclusiveMinimum`/`exclusiveMaximum` into draft-06+ numbers. */
function upgradeDraft4(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(upgradeDraft4)
  if (!isGoMap(node)) return node
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(node)) out[k] = upgradeDraft4(v)
  if (out.exclusiveMinimum === true && typeof out.minimum === 'number') {
    out.exclusiveMinimum = out.minimum
    delete out.minimum
  } else if (out.exclusiveMinimum === false) delete out.exclusiveMinimum
  if (out.exclusiveMaximum === true && typeof out.maximum === 'number') {
    out.exclusiveMaximum = out.maximum
    delete out.maximum
  } else if (out.exclusiveMaximum === false) delete out.exclusiveMaximum
  return out
}

function compile(bytes: Uint8Array): ValidateFunction | Error {
  const hit = cache.get(bytes)
  if (hit) return hit
  let result: ValidateFunction | Error
  try {
    const schema = JSON.parse(decodeUtf8(bytes)) as Record<string, unknown>
    // generated code is run once per render: optimizing it costs more than it saves
    const opts = { strict: false, allErrors: true, validateSchema: false, logger: false, code: { optimize: false } } as const
    // gojsonschema knows drafts 4, 6 and 7 only: a 2019-09 or 2020-12 schema is read with the
    // draft 7 keywords (`$defs` references resolve, `prefixItems` and the like are ignored)
    const ajv = new Ajv(opts)
    const s = upgradeDraft4(schema) as Record<string, unknown>
    delete s.$schema
    for (const [name, check] of Object.entries(goJsonSchemaFormats)) ajv.addFormat(name, { type: 'string', validate: check })
    // remote references are never fetched: a render is deterministic and offline
    result = ajv.compile(s as AnySchema)
  } catch (err) {
    result = err instanceof Error ? err : new Error(String(err))
  }
  cache.set(bytes, result)
  return result
}

/** Values as gojsonschema sees them after Helm's YAML → JSON round trip. */
function toJsonValues(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v)
  if (Array.isArray(v)) return v.map(toJsonValues)
  if (isGoMap(v)) {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toJsonValues(x)
    return out
  }
  return v
}

/** Validates values against one schema; returns gojsonschema-style lines (`- field: msg\n`). */
export function validateAgainstSingleSchema(values: unknown, schema: Uint8Array): string {
  const validate = compile(schema)
  if (validate instanceof Error) return `- (root): unable to validate schema: ${validate.message}\n`
  const data = toJsonValues(values ?? {})
  if (validate(data)) return ''
  let out = ''
  const seen = new Set<string>()
  for (const e of validate.errors ?? []) {
    const line = formatSchemaError(e, data)
    if (line === null || seen.has(line)) continue
    seen.add(line)
    out += `- ${line}\n`
  }
  return out
}

function validateTree(chart: RenderChart, values: Record<string, unknown>): string {
  let out = ''
  if (chart.schema) {
    const errs = validateAgainstSingleSchema(values, chart.schema)
    if (errs) out += `${chart.metadata.name}:\n${errs}`
  }
  for (const sub of chart.dependencies) {
    const sv = values[sub.metadata.name]
    out += validateTree(sub, isGoMap(sv) ? sv : {})
  }
  return out
}

/**
 * Helm's ValidateAgainstSchema: the chart's values.schema.json against its coalesced values,
 * then every subchart's against its own part. Throws a {@link RenderError} in Helm's words.
 */
export function validateValues(chart: RenderChart, values: Record<string, unknown>): void {
  const errs = validateTree(chart, values)
  if (errs) {
    throw new RenderError(
      'SCHEMA_VALIDATION',
      `values don't meet the specifications of the schema(s) in the following chart(s):\n${errs}`,
      { phase: 'values', chart: chart.metadata.name },
    )
  }
}
