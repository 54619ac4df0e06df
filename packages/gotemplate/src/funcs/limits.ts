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
