/** Status bodies shaped exactly as kube-apiserver returns them. */
import { qualifiedResource, type ResourceType } from './catalog.ts'

/** One entry of `details.causes`. */
export interface StatusCause {
  reason: string
  message: string
  field?: string
}

/** A `Status` the server answers with, and the HTTP code it goes with. */
export class ApiStatusError extends Error {
  readonly code: number
  readonly reason: string
  readonly details: Record<string, unknown> | undefined
  constructor(code: number, reason: string, message: string, details?: Record<string, unknown>) {
    super(message)
    this.code = code
    this.reason = reason
    this.details = details
  }

  /** The JSON body. */
  body(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    }
  }
}

/** 404 for a named object. */
export function notFound(type: ResourceType, name: string): ApiStatusError {
  return new ApiStatusError(404, 'NotFound', `${qualifiedResource(type)} "${name}" not found`, {
    name,
    ...(type.group ? { group: type.group } : {}),
    kind: type.resource,
  })
}

/** 409 AlreadyExists on create. */
export function alreadyExists(type: ResourceType, name: string): ApiStatusError {
  return new ApiStatusError(
    409,
    'AlreadyExists',
    `${qualifiedResource(type)} "${name}" already exists`,
    {
      name,
      ...(type.group ? { group: type.group } : {}),
      kind: type.resource,
    },
  )
}

/** 409 Conflict on a stale resourceVersion. */
export function conflict(type: ResourceType, name: string): ApiStatusError {
  return new ApiStatusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, ...(type.group ? { group: type.group } : {}), kind: type.resource },
  )
}

/** 422 Invalid with field causes. */
export function invalid(type: ResourceType, name: string, causes: StatusCause[]): ApiStatusError {
  const kind = type.group ? `${type.kind}.${type.group}` : type.kind
  const parts = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message))
  const list = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`
  return new ApiStatusError(422, 'Invalid', `${kind} "${name}" is invalid: ${list}`, {
    name,
    ...(type.group ? { group: type.group } : {}),
    kind: type.kind,
    causes,
  })
}

/** 400 BadRequest. */
export function badRequest(message: string): ApiStatusError {
  return new ApiStatusError(400, 'BadRequest', message)
}

/** 405 for a verb a path does not serve. */
export function methodNotAllowed(
  message = 'the server does not allow this method on the requested resource',
): ApiStatusError {
  return new ApiStatusError(405, 'MethodNotAllowed', message, {})
}

/** 415 for a patch type that is not served. */
export function unsupportedMediaType(contentType: string): ApiStatusError {
  return new ApiStatusError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got ${contentType})`,
  )
}

/** The success Status returned by deletes. */
export function deletedStatus(
  type: ResourceType,
  name: string,
  uid: string,
): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: { name, ...(type.group ? { group: type.group } : {}), kind: type.resource, uid },
  }
}
