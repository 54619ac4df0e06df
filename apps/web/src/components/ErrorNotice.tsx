import type { ApiError } from '../api/ApiError.ts'

/** An API error as a person reads it: the server's message, and its code for reference. */
export function ErrorNotice({ error, id }: { error: ApiError | Error; id?: string }) {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined
  return (
    <div role="alert" className="error" id={id}>
      <strong>{error.message}</strong>
      {code && <span className="error-code"> ({code})</span>}
    </div>
  )
}
