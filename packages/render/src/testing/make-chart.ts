import type { Chart, ChartMetadata, Values } from '@slipway/chart'
import { encodeUtf8 } from '../text.ts'

/** An in-memory chart for tests: templates and files given as text by path. */
export function makeChart(
  metadata: Partial<ChartMetadata> & { name: string },
  parts: {
    values?: Values
    templates?: Record<string, string>
    files?: Record<string, string>
    schema?: unknown
    dependencies?: Chart[]
  } = {},
): Chart {
  const toFiles = (m: Record<string, string> = {}) =>
    Object.keys(m)
      .sort()
      .map((name) => ({ name, data: encodeUtf8(m[name] as string) }))
  return {
    metadata: { apiVersion: 'v2', version: '0.1.0', ...metadata },
    values: parts.values ?? {},
    templates: toFiles(parts.templates),
    files: toFiles(parts.files),
    raw: [],
    dependencies: parts.dependencies ?? [],
    ...(parts.schema !== undefined ? { schema: encodeUtf8(JSON.stringify(parts.schema)) } : {}),
  }
}
