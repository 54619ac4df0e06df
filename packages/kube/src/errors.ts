/** Errors of the kube package: a literal `code`, the resource or release concerned, and the fix. */

/** What went wrong. */
export type KubeErrorCode =
  | 'NO_CLUSTER'
  | 'API'
  | 'UNKNOWN_KIND'
  | 'INVALID_MANIFEST'
  | 'RELEASE_BUSY'
  | 'RELEASE_NOT_FOUND'
  | 'RELEASE_EXISTS'
  | 'REVISION_NOT_FOUND'
  | 'RELEASE_TOO_LARGE'
  | 'OWNERSHIP'
  | 'HOOK_FAILED'
  | 'WAIT_FAILED'
  | 'TIMEOUT'

/** Where an error happened. */
export interface KubeErrorDetails {
  /** `Kind/namespace/name` of the object concerned. */
  resource?: string
  /** `namespace/name` of the release concerned. */
  release?: string
  /** HTTP status and Kubernetes `reason` of an API error. */
  status?: number
  reason?: string
  /** Field causes of a 422 Invalid. */
  causes?: Array<{ field?: string; message: string; reason?: string }>
  cause?: unknown
}

/** An error from talking to the cluster or managing a release. */
export class KubeError extends Error {
  override name = 'KubeError'
  readonly code: KubeErrorCode
  readonly resource: string | undefined
  readonly release: string | undefined
  readonly status: number | undefined
  readonly reason: string | undefined
  readonly causes: KubeErrorDetails['causes']
  constructor(code: KubeErrorCode, message: string, details: KubeErrorDetails = {}) {
    super(message, details.cause !== undefined ? { cause: details.cause } : undefined)
    this.code = code
    this.resource = details.resource
    this.release = details.release
    this.status = details.status
    this.reason = details.reason
    this.causes = details.causes
  }
}

/** True for a {@link KubeError}, optionally with the given code. */
export function isKubeError(err: unknown, code?: KubeErrorCode): err is KubeError {
  return err instanceof KubeError && (code === undefined || err.code === code)
}

/** True for an API error with the given HTTP status. */
export function isStatus(err: unknown, status: number): boolean {
  return err instanceof KubeError && err.status === status
}
