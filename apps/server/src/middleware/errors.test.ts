import { ChartError } from '@slipway/chart'
import { OciError } from '@slipway/oci'
import { describe, expect, it } from 'vitest'
import { HttpError } from '../errors.ts'
import { statusForCode, toApiError } from './errors.ts'

describe('toApiError', () => {
  it.each([
    ['UNAUTHORIZED', 401],
    ['NOT_FOUND', 404],
    ['NOT_A_CHART', 422],
    ['UNREACHABLE', 502],
    ['TIMEOUT', 504],
    ['INVALID_REFERENCE', 400],
    ['VERSION_NOT_FOUND', 404],
    ['PATH_TRAVERSAL', 422],
    ['SOMETHING_NEW', 500],
  ])('maps %s to %i', (code, status) => {
    expect(statusForCode(code)).toBe(status)
  })

  it('keeps the message and the location of package errors', () => {
    const oci = toApiError(
      new OciError('NOT_A_CHART', '127.0.0.1:5000/x/y:1', 'x/y:1 is an image, not a Helm chart'),
    )
    expect(oci).toEqual({
      status: 422,
      body: {
        code: 'NOT_A_CHART',
        message: 'x/y:1 is an image, not a Helm chart',
        details: { reference: '127.0.0.1:5000/x/y:1' },
      },
    })
    const chart = toApiError(
      new ChartError('PARSE_ERROR', 'values.schema.json: line 2', {
        file: 'values.schema.json',
        line: 2,
        field: 'version',
      }),
    )
    expect(chart.status).toBe(422)
    // a chart's field is not a request field: it must not be shown next to an input
    expect(chart.body.details).toEqual({ file: 'values.schema.json', line: 2, location: 'version' })
  })

  it('answers unknown failures with 500 INTERNAL', () => {
    expect(toApiError(new TypeError('boom'))).toEqual({
      status: 500,
      body: { code: 'INTERNAL', message: 'boom' },
    })
    expect(toApiError(new HttpError('TIMEOUT', 504, 'slow'))).toEqual({
      status: 504,
      body: { code: 'TIMEOUT', message: 'slow' },
    })
  })
})
