import type { ChartQuery, ChartView, JsonSchema } from '@slipway/api'
import { findReadme, inferSchema, parseSchema, type Chart } from '@slipway/chart'
import { HttpError } from '../errors.ts'
import { MAX_README_BYTES, MAX_SCHEMA_BYTES } from '../limits.ts'

/** A chart version as the loader returns it. */
export interface LoadedChart {
  chart: Chart
  digest: string
  reference: string
  version: string
}

const utf8 = new TextDecoder('utf-8')

function readme(chart: Chart): string | undefined {
  const file = findReadme(chart.files)
  if (!file) return undefined
  const text = utf8.decode(file.data.subarray(0, MAX_README_BYTES))
  return file.data.length > MAX_README_BYTES ? `${text}\n\n…` : text
}

function schemaOf(chart: Chart): JsonSchema {
  const bytes = chart.schema
  if (!bytes) return inferSchema(chart.rawValues ? utf8.decode(chart.rawValues) : '') as JsonSchema
  if (bytes.length > MAX_SCHEMA_BYTES) {
    throw new HttpError(
      'INVALID_SCHEMA',
      422,
      `values.schema.json of ${chart.metadata.name} is larger than ${MAX_SCHEMA_BYTES} bytes`,
      { file: 'values.schema.json' },
    )
  }
  const schema = parseSchema(bytes)
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new HttpError(
      'INVALID_SCHEMA',
      422,
      `values.schema.json of ${chart.metadata.name} must be a JSON object`,
      { file: 'values.schema.json' },
    )
  }
  return schema as JsonSchema
}

/** The JSON the browser gets for a loaded chart: metadata, values, schema (or inferred), README. */
export function toChartView(query: ChartQuery, loaded: LoadedChart): ChartView {
  const { chart } = loaded
  const meta = chart.metadata
  const valuesYaml = chart.rawValues ? utf8.decode(chart.rawValues) : ''
  const schema = schemaOf(chart)
  const text = readme(chart)
  return {
    ref: { repository: query.repository, path: query.path, version: loaded.version },
    reference: loaded.reference,
    digest: loaded.digest,
    metadata: {
      name: meta.name,
      version: meta.version,
      ...(meta.appVersion !== undefined ? { appVersion: String(meta.appVersion) } : {}),
      ...(meta.description ? { description: meta.description } : {}),
      ...(meta.icon ? { icon: meta.icon } : {}),
      ...(meta.home ? { home: meta.home } : {}),
      ...(meta.keywords ? { keywords: meta.keywords } : {}),
      ...(meta.deprecated ? { deprecated: true } : {}),
      ...(meta.type ? { type: meta.type } : {}),
    },
    values: chart.values,
    valuesYaml,
    schema,
    schemaInferred: !chart.schema,
    ...(text !== undefined ? { readme: text } : {}),
  }
}
