import type { ApiErrorBody, ApiErrorDetails } from '@slipway/api'

/** An API call that failed: the HTTP status and the server's `code`, `message` and `details`. */
export class ApiError extends Error {
  override name = 'ApiError'
  readonly status: number
  readonly code: string
  readonly details: ApiErrorDetails

  constructor(status: number, body: ApiErrorBody) {
    super(body.message)
    this.status = status
    this.code = body.code
    this.details = body.details ?? {}
  }

  /** The input field the server blamed (`repository`, `path`, `version`, `name`…), if any. */
  get field(): string | undefined {
    return typeof this.details.field === 'string' ? this.details.field : undefined
  }
}
