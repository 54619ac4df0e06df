/** Why a template function refused its arguments. */
export type FuncErrorCode = 'FUNC_ARGS' | 'FUNC_FAILED' | 'FUNC_LIMIT'

/**
 * A failure inside a template function, carrying Go's message; the executor reports it as
 * `error calling NAME: MESSAGE`. `FUNC_ARGS` covers what Go's reflect call rejects before
 * the function runs (arity, argument types), `FUNC_LIMIT` a bound from limits.ts.
 */
export class FuncError extends Error {
  readonly code: FuncErrorCode
  constructor(message: string, code: FuncErrorCode = 'FUNC_FAILED') {
    super(message)
    this.name = 'FuncError'
    this.code = code
  }
}
