/**
 * Go's strconv.FormatFloat for float64. Digits come from the exact binary value (BigInt)
 * rounded half to even, as Go does; JS's toFixed/toExponential round ties away from zero and
 * disagree (`%.0f` of 2.5 is `2` in Go).
 */
/** Decimal digits `0.d1d2d3… × 10^dp` (Go's strconv decimal); no digits means zero. */
interface Decimal {
  digits: string
  dp: number
}

function shortestDecimal(f: number): Decimal {
  if (f === 0) return { digits: '', dp: 0 }
  // toExponential() without an argument yields the shortest round-trip digits, like Go's Ryu.
  const s = Math.abs(f).toExponential()
  const e = s.indexOf('e')
  const digits = s.slice(0, e).replace('.', '')
  return { digits, dp: Number(s.slice(e + 1)) + 1 }
}

const view = new DataView(new ArrayBuffer(8))

function exactDecimal(f: number): Decimal {
  if (f === 0) return { digits: '', dp: 0 }
  view.setFloat64(0, Math.abs(f))
  const hi = view.getUint32(0)
  const lo = view.getUint32(4)
  const biased = (hi >>> 20) & 0x7ff
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo)
  let exp: number
  if (biased === 0) exp = -1074
  else {
    mant |= 1n << 52n
    exp = biased - 1075
  }
  let digits: string
  let dp: number
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString()
    dp = digits.length
  } else {
    digits = (mant * 5n ** BigInt(-exp)).toString()
    dp = digits.length + exp
  }
  return { digits: digits.replace(/0+$/, ''), dp }
}

/** Rounds to `nd` significant digits, ties to even (the exact value is known). */
function roundDecimal(d: Decimal, nd: number): Decimal {
  if (nd >= d.digits.length) return d
  if (nd < 0) return { digits: '', dp: 0 }
  const next = d.digits.charCodeAt(nd) - 48
  let up: boolean
  if (next > 5) up = true
  else if (next < 5) up = false
  else if (nd + 1 < d.digits.length)
    up = true // digits are trimmed, so anything after is > 0
  else up = nd > 0 && (d.digits.charCodeAt(nd - 1) - 48) % 2 === 1
  let head = d.digits.slice(0, nd)
  if (!up) return { digits: head.replace(/0+$/, ''), dp: head.length === 0 ? 0 : d.dp }
  let i = head.length - 1
  while (i >= 0 && head[i] === '9') i--
  if (i < 0) return { digits: '1', dp: d.dp + 1 }
  head = head.slice(0, i) + String.fromCharCode(head.charCodeAt(i) + 1)
  return { digits: head, dp: d.dp }
}

function digitAt(d: Decimal, i: number): string {
  return i >= 0 && i < d.digits.length ? d.digits[i]! : '0'
}

function fmtE(neg: boolean, d: Decimal, prec: number, e: string): string {
  let s = neg ? '-' : ''
  s += digitAt(d, 0)
  if (prec > 0) {
    s += '.'
    for (let i = 1; i <= prec; i++) s += digitAt(d, i)
  }
  const exp = d.digits.length === 0 ? 0 : d.dp - 1
  const abs = Math.abs(exp)
  return `${s}${e}${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`
}

function fmtF(neg: boolean, d: Decimal, prec: number): string {
  let s = neg ? '-' : ''
  if (d.dp > 0) for (let i = 0; i < d.dp; i++) s += digitAt(d, i)
  else s += '0'
  if (prec > 0) {
    s += '.'
    for (let i = 1; i <= prec; i++) s += digitAt(d, d.dp + i - 1)
  }
  return s
}

function floatBits(f: number): { neg: boolean; mant: bigint; exp: number } {
  view.setFloat64(0, f)
  const hi = view.getUint32(0)
  const lo = view.getUint32(4)
  const biased = (hi >>> 20) & 0x7ff
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo)
  let exp = biased - 1075
  if (biased === 0) exp = -1074
  else mant |= 1n << 52n
  return { neg: hi >>> 31 === 1, mant, exp }
}

/** `%b`: decimal mantissa and binary exponent, `4503599627370496p-52`. */
function formatFloatB(f: number): string {
  const { neg, mant, exp } = floatBits(f)
  return `${neg ? '-' : ''}${mant}p${exp >= 0 ? '+' : ''}${exp}`
}

/** `%x`: hexadecimal mantissa and binary exponent, `0x1.cp+01`, shortest digits. */
function formatFloatX(f: number, upper: boolean): string {
  const { neg } = floatBits(f)
  let { mant, exp } = floatBits(f)
  let s: string
  if (mant === 0n) s = '0x0p+00'
  else {
    // normalise so the leading 1 sits at bit 52
    while (mant < 1n << 52n) {
      mant <<= 1n
      exp--
    }
    exp += 52
    const frac = (mant & ((1n << 52n) - 1n)).toString(16).padStart(13, '0').replace(/0+$/, '')
    const e = Math.abs(exp)
    s = `0x1${frac ? '.' + frac : ''}p${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`
  }
  if (upper) s = s.toUpperCase()
  return (neg ? '-' : '') + s
}

/**
 * Go's `strconv.FormatFloat(f, fmt, prec, 64)`. `prec` -1 means the fewest digits that
 * round-trip; `'g'` then switches to exponent form iff the exponent is < -4 or >= 6 when
 * shortest (`1e+06`, `123456`, `1e-05`), else when >= prec.
 */
export function formatFloat(
  f: number,
  fmt: 'e' | 'E' | 'f' | 'g' | 'G' | 'b' | 'x' | 'X',
  prec: number,
): string {
  if (Number.isNaN(f)) return 'NaN'
  if (f === Infinity) return '+Inf'
  if (f === -Infinity) return '-Inf'
  if (fmt === 'b') return formatFloatB(f)
  if (fmt === 'x' || fmt === 'X') return formatFloatX(f, fmt === 'X')
  const neg = f < 0 || Object.is(f, -0)
  const shortest = prec < 0
  let d: Decimal
  if (shortest) {
    d = shortestDecimal(f)
  } else {
    const exact = exactDecimal(f)
    switch (fmt) {
      case 'e':
      case 'E':
        d = roundDecimal(exact, prec + 1)
        break
      case 'f':
        d = roundDecimal(exact, exact.dp + prec)
        break
      default:
        if (prec === 0) prec = 1
        d = roundDecimal(exact, prec)
    }
  }
  const nd = d.digits.length
  switch (fmt) {
    case 'e':
    case 'E':
      return fmtE(neg, d, shortest ? Math.max(nd - 1, 0) : prec, fmt)
    case 'f':
      return fmtF(neg, d, shortest ? Math.max(nd - d.dp, 0) : prec)
    default: {
      let p = shortest ? nd : prec
      let eprec = p
      if (eprec > nd && nd >= d.dp) eprec = nd
      if (shortest) eprec = 6
      const exp = d.dp - 1
      if (nd === 0 || !(exp < -4 || exp >= eprec)) {
        if (p > d.dp) p = nd
        return fmtF(neg, d, Math.max(p - d.dp, 0))
      }
      if (p > nd) p = nd
      return fmtE(neg, d, Math.max(p - 1, 0), fmt === 'G' ? 'E' : 'e')
    }
  }
}
