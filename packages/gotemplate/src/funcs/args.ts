/**
 * Argument checks that Go's text/template performs through reflection before calling a
 * function: arity, and assignability of each argument to the declared parameter type. Sprig
 * declares `trunc(c int, s string)`, so `trunc 5 .Values.n` fails when n is a float64.
 */
import { withSignature, type GoParam, type TemplateFunc } from '../func.ts'
import { goTypeName } from '../fmt.ts'
import { assignable, canBeNil, GO_PARAM_NAMES } from '../params.ts'
import { GoStruct, type GoMap } from '../value.ts'
import { FuncError } from './errors.ts'

/** A Go parameter type as Sprig declares it. */
export type Param = GoParam

function check(p: Param, v: unknown): unknown {
  if (p === 'any') return v === undefined ? null : v
  if (v === null || v === undefined) {
    if (canBeNil(p)) return null
    throw new FuncError(`invalid value; expected ${GO_PARAM_NAMES[p]}`, 'FUNC_ARGS')
  }
  if (!assignable(v, p))
    throw new FuncError(
      `wrong type for value; expected ${GO_PARAM_NAMES[p]}; got ${goTypeName(v)}`,
      'FUNC_ARGS',
    )
  return v
}

/**
 * Wraps an implementation with Go's call checks: `params` are the fixed parameters,
 * `variadic` the element type of a trailing `...T` parameter. The signature is also declared
 * to the executor (withSignature), which then converts literals as Go does (`indent 2.0 "x"`),
 * reports type errors at the call site and calls `impl` itself; the checks here cover direct
 * calls.
 */
export function fn(
  params: Param[],
  impl: (...args: any[]) => unknown,
  variadic?: Param,
): TemplateFunc {
  const f = (...args: unknown[]) => {
    if (variadic === undefined ? args.length !== params.length : args.length < params.length) {
      const want = variadic === undefined ? `${params.length}` : `at least ${params.length}`
      throw new FuncError(`wrong number of args: want ${want} got ${args.length}`, 'FUNC_ARGS')
    }
    const checked = args.map((a, i) => check(i < params.length ? params[i]! : variadic!, a))
    return impl(...checked)
  }
  return withSignature(f, { params, variadic, unchecked: impl })
}

/** A Go map argument that may be nil (reads of a nil map see nothing). */
export function mapOrEmpty(m: GoMap | null): GoMap {
  return m ?? {}
}

/** True for values reflect sees as a slice or array. */
export function isSlice(v: unknown): v is unknown[] | Uint8Array {
  return Array.isArray(v) || v instanceof Uint8Array
}

/** Elements of a slice as `[]interface{}`; bytes become ints. */
export function sliceItems(v: unknown[] | Uint8Array): unknown[] {
  return v instanceof Uint8Array ? Array.from(v, (b) => BigInt(b)) : v.slice()
}

/** reflect.Kind name of a value for Sprig's "Cannot X on type K" messages. */
export function reflectKind(v: unknown): string {
  if (v === null || v === undefined) return 'invalid'
  if (typeof v === 'bigint') return 'int'
  if (typeof v === 'number') return 'float64'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'function') return 'func'
  if (isSlice(v)) return 'slice'
  if (v instanceof GoStruct) return 'struct'
  return 'map'
}
