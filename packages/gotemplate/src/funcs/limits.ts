import { FuncError } from './errors.ts'

/**
 * Bounds on what one function call may build, so an untrusted chart cannot exhaust memory
 * (`until 1000000000`, `repeat 1e9 "x"`). Go has none of these; real charts stay far below.
 */
export const funcLimits = {
  /** Longest list `until`, `untilStep`, `seq` and `chunk` may produce. */
  maxListLength: 1_000_000,
  /** Longest string `repeat`, `indent` and friends may produce, in UTF-16 units. */
  maxStringLength: 64 * 1024 * 1024,
}

/** Throws FUNC_LIMIT when a string a function is about to build would pass the limit. */
export function checkStringLength(length: number, what: string): void {
  if (length > funcLimits.maxStringLength)
    throw new FuncError(
      `${what} would build ${length} characters, over the limit of ${funcLimits.maxStringLength}`,
      'FUNC_LIMIT',
    )
}
