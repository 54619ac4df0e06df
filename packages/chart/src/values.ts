import { decodeYaml, isGoMap } from '@slipway/gotemplate'
import { ChartError } from './errors.ts'
import type { Values } from './types.ts'
import { utf8 } from './text.ts'

/**
 * Decodes a values file as Helm does (gotemplate's `decodeYaml`: YAML 1.1, numbers float64).
 * An empty or all-comment file is an empty map; anything but a map is an error.
 *
 * @throws ChartError `PARSE_ERROR` (with the line when known) or `INVALID_VALUES`.
 */
export function decodeValues(data: Uint8Array | string, file = 'values.yaml'): Values {
  const text = typeof data === 'string' ? data : utf8(data)
  let value: unknown
  try {
    value = decodeYaml(text, { file })
  } catch (err) {
    const e = err as {
      message?: string
      line?: number
      column?: number
      linePos?: Array<{ line: number; col: number }>
    }
    const line = e.line ?? e.linePos?.[0]?.line
    const column = e.column ?? e.linePos?.[0]?.col
    throw new ChartError(
      'PARSE_ERROR',
      `cannot load ${file}: ${e.message ?? String(err)}`,
      {
        file,
        ...(line === undefined ? {} : { line }),
        ...(column === undefined ? {} : { column }),
      },
      { cause: err },
    )
  }
  if (value === null || value === undefined) return {}
  if (!isGoMap(value)) {
    const what = Array.isArray(value) ? 'a list' : `a ${typeof value}`
    throw new ChartError(
      'INVALID_VALUES',
      `cannot load ${file}: the document must be a map, not ${what}`,
      {
        file,
        line: 1,
      },
    )
  }
  return value
}
