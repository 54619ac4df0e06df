/**
 * A template function. Arguments arrive as Go values (see value.ts); a thrown Error becomes
 * Go's `error calling NAME: MESSAGE` at the call site, with the thrown object as `cause`.
 * Nil arguments arrive as `null` (Go cannot tell a missing value from nil once it is passed).
 */
export type TemplateFunc = (...args: any[]) => unknown

/** Functions by name, as Go's template.FuncMap. */
export type FuncMap = Record<string, TemplateFunc>

/**
 * A Go parameter type, for functions that declare their signature: `int` and `int64` take a
 * bigint, `float64` a number, `map` a `map[string]interface {}`, `list` a `[]interface {}`,
 * `strings` a `[]string`, `any` everything (`interface {}`).
 */
export type GoParam =
  'any' | 'string' | 'int' | 'int64' | 'bool' | 'float64' | 'map' | 'list' | 'strings'

/** A Go function signature: fixed parameters and the element type of a trailing `...T`. */
export interface FuncSignature {
  readonly params: readonly GoParam[]
  readonly variadic?: GoParam | undefined
  /**
   * The function without argument checks of its own, for the executor to call once it has made
   * them (the function itself keeps its checks for direct callers).
   */
  readonly unchecked?: TemplateFunc | undefined
}

const SIGNATURE: unique symbol = Symbol.for('slipway.gotemplate.signature')

/**
 * Declares the Go signature of a function, so the executor checks arity and argument types as
 * Go's reflection does before calling it, with Go's messages (`wrong number of args for trunc:
 * want 2 got 1`, `wrong type for value; expected string; got float64`, `invalid value; expected
 * string`), and converts literals as Go does (`indent 2.0 "x"` passes the int 2).
 *
 * @example
 * const trunc = withSignature((n: bigint, s: string) => s.slice(0, Number(n)), { params: ['int', 'string'] })
 */
export function withSignature<F extends TemplateFunc>(fn: F, signature: FuncSignature): F {
  Object.defineProperty(fn, SIGNATURE, { value: signature, enumerable: false, configurable: true })
  return fn
}

/** The signature declared with {@link withSignature}, if any. */
export function signatureOf(fn: TemplateFunc): FuncSignature | undefined {
  return (fn as unknown as { [SIGNATURE]?: FuncSignature })[SIGNATURE]
}
