/** How `--set` types a value (strvals typedVal). */

/**
 * `true`/`false`/`null` in any case become bool/nil, `0` and base-10 integers not starting
 * with `0` become int64 (bigint), anything else — `1.5`, `007`, `1e3` — stays a string.
 * With `forceString` (`--set-string`) everything stays a string.
 */
export function typedValue(text: string, forceString = false): unknown {
  if (forceString) return text
  const lower = text.toLowerCase()
  if (lower === 'true') return true
  if (lower === 'false') return false
  if (lower === 'null') return null
  if (text === '0') return 0n
  if (text.length > 0 && text[0] !== '0' && /^[+-]?[0-9]+$/.test(text)) {
    const v = BigInt(text)
    if (v >= -(2n ** 63n) && v <= 2n ** 63n - 1n) return v
  }
  return text
}
