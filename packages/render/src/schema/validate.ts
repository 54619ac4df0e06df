import { Ajv, type AnySchema, type ErrorObject, type ValidateFunction } from 'ajv'
import { isGoMap } from '@slipway/gotemplate'
import type { RenderChart } from '../chart-tree.ts'
import { RenderError } from '../errors.ts'
import { goJsonSchemaFormats } from './formats.ts'
import { formatSchemaError } from './messages.ts'
import { quickCheck } from './quick-check.ts'
import { decodeUtf8 } from '../text.ts'

// Building Ajv's validator dominates a cold render: values are first walked against the schema
// (quick-check.ts), and the validator is built only when the walk cannot answer or they fail.
const validatorCache = new WeakMap<Uint8Array, ValidateFunction | Error>()
const schemaCache = new WeakMap<Uint8Array, Record<string, unknown> | Error>()

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

/** The schema as both validators read it: draft-04 bounds upgraded, `$schema` dropped. */
function readSchema(bytes: Uint8Array): Record<string, unknown> | Error {
  let hit = schemaCache.get(bytes)
  if (hit === undefined) {
    try {
      const text = decodeUtf8(bytes)
      const parsed: unknown = JSON.parse(text)
      // most schemas have no exclusive bound (nor an escaped key that could spell one): no
      // copy of the whole tree for them
      const s = (/exclusiveM|\\u/.test(text) ? upgradeDraft4(parsed) : parsed) as Record<
        string,
        unknown
      >
      // gojsonschema knows drafts 4, 6 and 7 only: a 2019-09 or 2020-12 schema is read with
      // the draft 7 keywords (`$defs` references resolve, `prefixItems` and the like are ignored)
      if (s !== null && typeof s === 'object') delete s.$schema
      hit = s
    } catch (err) {
      hit = err instanceof Error ? err : new Error(String(err))
    }
    schemaCache.set(bytes, hit)
  }
  return hit
}

/**
 * Ajv's validator for a schema read as gojsonschema reads it (with Helm's formats); remote
 * references are never fetched, a render being deterministic and offline.
 *
 * @throws whatever Ajv finds wrong with the schema
 */
export function buildAjvValidator(schema: unknown): ValidateFunction {
  const ajv = new Ajv({
    strict: false,
    // also decides validity: Ajv 8 stopping at the first error misjudges `contains` beside a
    // tuple `items`
    allErrors: true,
    validateSchema: false,
    logger: false,
    // generated code is run once per render: optimizing it costs more than it saves
    code: { optimize: false },
  })
  for (const [name, check] of Object.entries(goJsonSchemaFormats))
    ajv.addFormat(name, { type: 'string', validate: check })
  return ajv.compile(schema as AnySchema)
}

function compile(bytes: Uint8Array): ValidateFunction | Error {
  const hit = validatorCache.get(bytes)
  if (hit) return hit
  let result: ValidateFunction | Error
  try {
    const s = readSchema(bytes)
    if (s instanceof Error) throw s
    result = buildAjvValidator(s)
  } catch (err) {
    result = err instanceof Error ? err : new Error(String(err))
  }
  validatorCache.set(bytes, result)
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

/**
 * gojsonschema stops checking a subschema once the value has the wrong type: drop what Ajv
 * reports besides the type error for the same subschema and value (and below them).
 */
function withoutShadowedErrors(errors: ErrorObject[]): ErrorObject[] {
  const typeFailures = errors
    .filter((e) => e.keyword === 'type')
    .map((e) => ({
      schema: e.schemaPath.slice(0, -'type'.length),
      instance: e.instancePath,
      error: e,
    }))
  if (typeFailures.length === 0) return errors
  return errors.filter(
    (e) =>
      !typeFailures.some(
        (t) =>
          t.error !== e &&
          e.schemaPath.startsWith(t.schema) &&
          (e.instancePath === t.instance || e.instancePath.startsWith(`${t.instance}/`)),
      ),
  )
}

/**
 * When no branch of a `oneOf`/`anyOf` matches, gojsonschema reports the branch that came
 * closest (the most checks passed; the first on a tie), not all of them. Approximated from
 * Ajv's errors: a branch whose type matched beats one whose type did not, then fewer errors
 * win, then the earlier branch.
 */
function onlyClosestBranches(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors
  const combinators = errors
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length)
  for (const c of combinators) {
    if (!kept.includes(c)) continue
    const prefix = `${c.schemaPath}/`
    const branches = new Map<string, ErrorObject[]>()
    for (const e of kept) {
      if (!e.schemaPath.startsWith(prefix)) continue
      const index = e.schemaPath.slice(prefix.length).split('/')[0] as string
      branches.set(index, [...(branches.get(index) ?? []), e])
    }
    if (branches.size < 2) continue
    const typeFailed = (index: string, list: ErrorObject[]) =>
      list.some(
        (e) =>
          e.keyword === 'type' &&
          e.schemaPath === `${prefix}${index}/type` &&
          e.instancePath === c.instancePath,
      )
    const ranked = [...branches].sort(([ia, la], [ib, lb]) => {
      const ta = typeFailed(ia, la) ? 1 : 0
      const tb = typeFailed(ib, lb) ? 1 : 0
      return ta - tb || la.length - lb.length || Number(ia) - Number(ib)
    })
    const best = ranked[0]?.[0]
    kept = kept.filter(
      (e) => !e.schemaPath.startsWith(prefix) || e.schemaPath.startsWith(`${prefix}${best}/`),
    )
  }
  return kept
}

/** Validates values against one schema; returns gojsonschema-style lines (`- field: msg\n`). */
export function validateAgainstSingleSchema(values: unknown, schema: Uint8Array): string {
  const data = toJsonValues(values ?? {})
  // most values pass: say so without building a validator when the schema allows
  const read = readSchema(schema)
  if (!(read instanceof Error) && quickCheck(read, data) === true) return ''
  const validate = compile(schema)
  if (validate instanceof Error) return `- (root): unable to validate schema: ${validate.message}\n`
  if (validate(data)) return ''
  let out = ''
  const seen = new Set<string>()
  for (const e of onlyClosestBranches(withoutShadowedErrors(validate.errors ?? []))) {
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
