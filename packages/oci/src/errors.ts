/** Every way an OCI registry operation can fail, as a literal the compiler checks. */
export type OciErrorCode =
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'NOT_A_CHART'
  | 'DIGEST_MISMATCH'
  | 'SIZE_MISMATCH'
  | 'UNREACHABLE'
  | 'TIMEOUT'
  | 'TLS'
  | 'TOO_LARGE'
  | 'INVALID_REFERENCE'
  | 'INVALID_MANIFEST'
  | 'REGISTRY_ERROR'
  | 'CREDENTIALS'

/**
 * The error every `@slipway/oci` operation throws. `reference` names the chart reference (or
 * registry host) the operation was about, `status` the HTTP status when the registry answered.
 */
export class OciError extends Error {
  override name = 'OciError'
  readonly code: OciErrorCode
  readonly reference: string
  readonly status?: number

  constructor(
    code: OciErrorCode,
    reference: string,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.reference = reference
    if (options.status !== undefined) this.status = options.status
  }
}

/** True when `err` is an {@link OciError}, optionally with the given code. */
export function isOciError(err: unknown, code?: OciErrorCode): err is OciError {
  return err instanceof OciError && (code === undefined || err.code === code)
}
