/** Go's time.Duration: nanoseconds as a bigint, String() and ParseDuration. */

const units: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  µs: 1000n,
  μs: 1000n,
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
}

const MAX = (1n << 63n) - 1n

/** time.ParseDuration; undefined where Go returns an error. */
export function parseDuration(s: string): bigint | undefined {
  const orig = s
  let neg = false
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-'
    s = s.slice(1)
  }
  if (s === '0') return 0n
  if (s === '') return undefined
  let total = 0n
  while (s !== '') {
    const m = /^([0-9]*)(\.([0-9]*))?/.exec(s)!
    if (m[1] === '' && (m[3] ?? '') === '') return undefined
    s = s.slice(m[0].length)
    const u = /^[^0-9.]+/.exec(s)?.[0]
    if (u === undefined) return undefined
    const unit = units[u]
    if (unit === undefined) return undefined
    s = s.slice(u.length)
    let v = BigInt(m[1] || '0') * unit
    const frac = m[3] ?? ''
    if (frac !== '') v += (BigInt(frac) * unit) / 10n ** BigInt(frac.length)
    total += v
    if (total > MAX + (neg ? 1n : 0n)) return undefined
  }
  void orig
  return neg ? -total : total
}

function fmtFrac(v: bigint, prec: number): [string, bigint] {
  // Go's fmtFrac: the fractional digits of v / 10^prec without trailing zeros.
  let s = ''
  let print = false
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n
    print = print || digit !== 0n
    if (print) s = digit.toString() + s
    v /= 10n
  }
  return [print ? '.' + s : '', v]
}

/** time.Duration.String: `1h2m3.5s`, `150ms`, `0s`. */
export function formatDuration(d: bigint): string {
  const neg = d < 0n
  let u = neg ? -d : d
  let out: string
  if (u < 1000000000n) {
    if (u === 0n) return '0s'
    let prec: number
    let unit: string
    if (u < 1000n) {
      prec = 0
      unit = 'ns'
    } else if (u < 1000000n) {
      prec = 3
      unit = 'µs'
    } else {
      prec = 6
      unit = 'ms'
    }
    const [frac, rest] = fmtFrac(u, prec)
    out = rest.toString() + frac + unit
  } else {
    const [frac, secs] = fmtFrac(u, 9)
    u = secs
    out = (u % 60n).toString() + frac + 's'
    u /= 60n
    if (u > 0n) {
      out = (u % 60n).toString() + 'm' + out
      u /= 60n
      if (u > 0n) out = u.toString() + 'h' + out
    }
  }
  return (neg ? '-' : '') + out
}
