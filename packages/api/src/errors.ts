/**
 * The JSON body of every error the API returns. `code` is machine-readable (for example
 * `UNAUTHORIZED`, `NOT_FOUND`, `NOT_A_CHART`, `BAD_REQUEST`); `message` is written for a person.
 */
export interface ApiErrorBody {
  code: string
  message: string
  details?: ApiErrorDetails
}

/** Where the fault is: the input field (`field`) or the values field (`path`, a JSON pointer). */
export interface ApiErrorDetails {
  /** The request field that caused the error, for example `repository`, `path`, `version`. */
  field?: string
  /** A JSON pointer into the values, for values that failed validation. */
  path?: string
  /** Every issue, when there are several (values validation). */
  issues?: FieldIssue[]
  /** The chart reference involved, when there is one. */
  reference?: string
  [key: string]: unknown
}

/** One problem with one field. */
export interface FieldIssue {
  /** A request field name (`repository`) or a JSON pointer into values (`/replicas`). */
  field: string
  message: string
}
