/**
 * Go's float formatting as used by the encoders: strconv.FormatFloat with 'g' and the
 * shortest precision, and encoding/json's float encoder.
 */

/** Shortest round-trip digits and decimal exponent of a finite non-zero |f| (d.ddd × 10^exp). */
function shortestDigits(abs: number, bits: 32 | 64): { digits: string; exp: number } {
  let s: string
  if (bits === 64) {
    s = abs.toExponential()
  } else {
    // float32's shortest digits: the fewest significant digits that round back to the same float32.
    const target = Math.fround(abs)
    s = target.toExponential(8)
    for (let p = 1; p <= 9; p++) {
      const candidate = target.toExponential(p - 1)
      if (Math.fround(Number(candidate)) === target) {
        s = candidate
        break
      }
    }
  }
  const e = s.indexOf('e')
  const digits = s.slice(0, e).replace('.', '')
  return { digits, exp: Number(s.slice(e + 1)) }
}

/** `strconv.FormatFloat(f, 'g', -1, bits)`: `1e+06`, `1.5`, `1e-05`, `+Inf`, `NaN`, `-0`. */
export function formatFloatG(f: number, bits: 32 | 64 = 64): string {
  if (Number.isNaN(f)) return 'NaN'
  if (f === Infinity) return '+Inf'
  if (f === -Infinity) return '-Inf'
  const sign = f < 0 || Object.is(f, -0) ? '-' : ''
  if (f === 0) return `${sign}0`
  const { digits, exp } = shortestDigits(Math.abs(f), bits)
  // %e when the exponent is < -4 or >= 6 (Go's precision for this decision in the shortest form).
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    const ae = Math.abs(exp)
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}`
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`
}

/**
 * encoding/json's float64 text: plain decimal between 1e-6 and 1e21, exponent form outside
 * (`1e-7`, `1e+21`), `-0` kept. NaN and infinities are not JSON: the caller reports them.
 */
export function formatJsonFloat(f: number): string {
  if (Object.is(f, -0)) return '-0'
  // JavaScript's Number#toString switches to exponent form at exactly the same bounds and
  // writes the exponent without padding, as Go's encoder does after its clean-up.
  return String(f)
}
