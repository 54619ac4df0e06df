/**
 * Go's `strconv.FormatFloat(f, 'g', -1, bitSize)`: the shortest decimal that reads back as the
 * same float, in exponent form (`1e+06`, `1e-07`) when the exponent is below -4 or at least 6.
 * sigs.k8s.io/yaml uses it, with 32 bits, when a YAML float lands in a string field.
 */
export function formatGoFloat(n: number, bitSize: 32 | 64 = 64): string {
  if (Number.isNaN(n)) return 'NaN'
  if (n === Infinity) return '+Inf'
  if (n === -Infinity) return '-Inf'
  if (n === 0) return Object.is(n, -0) ? '-0' : '0'
  const target = bitSize === 32 ? Math.fround(n) : n
  let digits = ''
  let exp = 0
  for (let p = 1; p <= 17; p++) {
    const s = Math.abs(target).toExponential(p - 1)
    const back = Number(s)
    if ((bitSize === 32 ? Math.fround(back) : back) === Math.abs(target)) {
      const [mant, e] = s.split('e') as [string, string]
      digits = mant.replace('.', '')
      exp = Number(e)
      break
    }
  }
  digits = digits.replace(/0+$/, '') || '0'
  const sign = target < 0 ? '-' : ''
  // with the shortest precision Go's ftoa fixes the exponent threshold at 6
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    const e = Math.abs(exp)
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`
  const intLen = exp + 1
  if (digits.length <= intLen) return `${sign}${digits}${'0'.repeat(intLen - digits.length)}`
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`
}
