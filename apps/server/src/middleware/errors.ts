import type { ApiErrorBody, ApiErrorDetails } from '@slipway/api'
import type { ErrorRequestHandler, RequestHandler } from 'express'
import { HttpError } from '../errors.ts'

// One table from every package's error codes to HTTP status.
const statusByCode: Record<string, number> = {
  BAD_REQUEST: 400,
  INVALID_REFERENCE: 400,
  INVALID_INPUT: 400,
  INVALID_VERSION: 400,
  UNAUTHORIZED: 401,
  CREDENTIALS: 401,
  FORBIDDEN: 403,
  DENIED: 403,
  NOT_FOUND: 404,
  VERSION_NOT_FOUND: 404,
  CHART_NOT_FOUND: 404,
  NO_VERSIONS: 404,
  CONFLICT: 409,
  NOT_A_CHART: 422,
  INVALID_CHART: 422,
  INVALID_MANIFEST: 422,
  INVALID_SCHEMA: 422,
  INVALID_VALUES: 422,
  VALUES_INVALID: 422,
  INVALID_ARCHIVE: 422,
  TOO_LARGE: 422,
  PATH_TRAVERSAL: 422,
  UNREACHABLE: 502,
  REGISTRY_ERROR: 502,
  REPOSITORY_ERROR: 502,
  DIGEST_MISMATCH: 502,
  SIZE_MISMATCH: 502,
  TLS: 502,
  CHART_YAML_MISSING: 422,
  PARSE_ERROR: 422,
  INVALID_METADATA: 422,
  MISSING_DEPENDENCY: 422,
  EMPTY_ARCHIVE: 422,
  LINK_NOT_ALLOWED: 422,
  IRREGULAR_FILE: 422,
  CHART_TOO_LARGE: 422,
  FILE_TOO_LARGE: 422,
  TOO_MANY_FILES: 422,
  TOO_DEEP: 422,
  INVALID_HELMIGNORE: 422,
  INVALID_INDEX: 502,
  INVALID_SOURCE: 400,
  DEPENDENCY_TYPE_MISMATCH: 422,
  KUBE_VERSION_INCOMPATIBLE: 422,
  INVALID_KUBE_VERSION: 422,
  SCHEMA_VALIDATION: 422,
  TEMPLATE_PARSE: 422,
  TEMPLATE_EXEC: 422,
  YAML_PARSE: 422,
  LIMIT_EXCEEDED: 422,
  NO_CLUSTER: 503,
  UNKNOWN_KIND: 422,
  RELEASE_BUSY: 409,
  RELEASE_NOT_FOUND: 404,
  RELEASE_EXISTS: 409,
  REVISION_NOT_FOUND: 404,
  RELEASE_TOO_LARGE: 422,
  OWNERSHIP: 409,
  HOOK_FAILED: 422,
  WAIT_FAILED: 422,
  CLUSTER_UNREACHABLE: 503,
  TIMEOUT: 504,
}

/** The HTTP status for an error code; unknown codes are guessed from their words, else 500. */
export function statusForCode(code: string): number {
  const known = statusByCode[code]
  if (known) return known
  if (code.includes('NOT_FOUND')) return 404
  if (code.includes('TIMEOUT')) return 504
  if (code.includes('UNAUTHORIZED')) return 401
  if (code.includes('FORBIDDEN')) return 403
  if (code.startsWith('INVALID') || code.endsWith('_INVALID')) return 422
  if (code.includes('UNREACHABLE')) return 502
  return 500
}

// location fields that package errors carry; a package's `field` (a chart or values field path)
// is not a request field, so it travels as `location`
const locationFields: Record<string, string> = {
  reference: 'reference',
  source: 'reference',
  field: 'location',
  path: 'path',
  valuesPath: 'path',
  chart: 'chart',
  resource: 'resource',
  release: 'release',
  file: 'file',
  line: 'line',
  column: 'column',
  kind: 'kind',
  name: 'name',
  namespace: 'namespace',
}

/** Converts any thrown value into the JSON body and status the API answers with. */
export function toApiError(err: unknown): { status: number; body: ApiErrorBody } {
  if (err instanceof HttpError) {
    return {
      status: err.status,
      body: {
        code: err.code,
        message: err.message,
        ...(err.details ? { details: err.details } : {}),
      },
    }
  }
  const e = err as {
    code?: unknown
    message?: unknown
    status?: unknown
    type?: unknown
    expose?: unknown
  }
  // body-parser errors: malformed JSON, too large
  if (typeof e?.type === 'string' && typeof e.status === 'number' && e.status < 500) {
    const code = e.status === 413 ? 'TOO_LARGE' : 'BAD_REQUEST'
    return {
      status: e.status,
      body: {
        code,
        message:
          e.type === 'entity.parse.failed'
            ? 'The request body is not valid JSON'
            : String(e.message),
      },
    }
  }
  if (err instanceof Error && typeof e.code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(e.code)) {
    const details: ApiErrorDetails = {}
    for (const [key, as] of Object.entries(locationFields)) {
      const value = (err as unknown as Record<string, unknown>)[key]
      // `name` is the error class's name unless the error locates a Kubernetes object (kind/name)
      if (key === 'name' && (err as { kind?: unknown }).kind === undefined) continue
      if (
        ((typeof value === 'string' && value !== '') || typeof value === 'number') &&
        details[as] === undefined
      )
        details[as] = value
    }
    // a Kubernetes API error keeps its own client-error status (403 forbidden, 422 invalid...)
    const apiStatus =
      e.code === 'API' && typeof e.status === 'number' && e.status >= 400 && e.status < 500
        ? e.status
        : undefined
    return {
      status: apiStatus ?? (e.code === 'API' ? 502 : statusForCode(e.code)),
      body: {
        code: e.code,
        message: err.message,
        ...(Object.keys(details).length ? { details } : {}),
      },
    }
  }
  return {
    status: 500,
    body: { code: 'INTERNAL', message: err instanceof Error ? err.message : 'Internal error' },
  }
}

/** The one error middleware: typed error codes → HTTP status and JSON `{code, message, details}`. */
export const errorHandler: ErrorRequestHandler = (err, _req, res, next) => {
  if (res.headersSent) {
    next(err)
    return
  }
  const { status, body } = toApiError(err)
  if (status >= 500 && status !== 502 && status !== 503 && status !== 504) console.error(err)
  res.status(status).json(body)
}

/** Unknown API routes answer a JSON 404 instead of the web page. */
export const apiNotFound: RequestHandler = (req, res) => {
  res.status(404).json({
    code: 'NOT_FOUND',
    message: `No API route ${req.method} ${req.path}`,
  } satisfies ApiErrorBody)
}
