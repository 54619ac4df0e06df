import type { ApiErrorDetails, FieldIssue } from '@slipway/api'

/** Error codes the server itself raises (package errors keep their own codes). */
export type ServerErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'INVALID_SCHEMA'
  | 'INVALID_VALUES'
  | 'TIMEOUT'
  | 'CLUSTER_UNREACHABLE'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'INTERNAL'

/** An error with the HTTP status and details the error middleware sends as JSON. */
export class HttpError extends Error {
  override name = 'HttpError'
  readonly code: ServerErrorCode
  readonly status: number
  readonly details?: ApiErrorDetails

  constructor(
    code: ServerErrorCode,
    status: number,
    message: string,
    details?: ApiErrorDetails,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause })
    this.code = code
    this.status = status
    if (details) this.details = details
  }
}

/** A 400 naming every bad input field; the first one's message leads. */
export function badRequest(issues: FieldIssue[]): HttpError {
  const first = issues[0]
  return new HttpError('BAD_REQUEST', 400, first ? first.message : 'Bad request', {
    ...(first ? { field: first.field } : {}),
    issues,
  })
}
