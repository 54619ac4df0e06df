/**
 * Go's reference-time layouts (`2006-01-02T15:04:05Z07:00`): time.Time.Format and
 * time.ParseInLocation over GoTime.
 */
import { GoTime, zoneAt } from './time.ts'

const longDays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const longMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

// Layout elements, longest first where one is a prefix of another.
const tokens = [
  'January',
  'Monday',
  '2006',
  '-07:00:00',
  '-0700',
  '-07:00',
  'Z07:00:00',
  'Z0700',
  'Z07:00',
  '-070000',
  'Z070000',
  'Jan',
  'Mon',
  'MST',
  '002',
  '__2',
  '_2',
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '15',
  '-07',
  'Z07',
  'PM',
  'pm',
  '1',
  '2',
  '3',
  '4',
  '5',
]

type Chunk = { lit: string } | { tok: string } | { frac: string }

/** Splits a Go layout into literal text and elements. */
export function parseLayout(layout: string): Chunk[] {
  const out: Chunk[] = []
  let lit = ''
  let i = 0
  const flush = () => {
    if (lit) out.push({ lit })
    lit = ''
  }
  outer: while (i < layout.length) {
    // fractional seconds: .000 / ,000 / .999 / ,999 not followed by another digit
    const fm = /^[.,](0+|9+)(?![0-9])/.exec(layout.slice(i))
    if (fm) {
      flush()
      out.push({ frac: fm[0] })
      i += fm[0].length
      continue
    }
    for (const t of tokens) {
      if (layout.startsWith(t, i)) {
        // longer elements come first in `tokens`, so "2006" wins over "2"
        if (t === 'Mon' && layout.startsWith('Month', i)) break
        flush()
        out.push({ tok: t })
        i += t.length
        continue outer
      }
    }
    lit += layout[i]
    i++
  }
  if (lit) out.push({ lit })
  return out
}

const pad = (n: number, w: number) => String(n).padStart(w, '0')

function zoneText(offset: number, tok: string): string {
  if (tok.startsWith('Z') && offset === 0) return 'Z'
  const sign = offset < 0 ? '-' : '+'
  const a = Math.abs(offset)
  const h = pad(Math.floor(a / 3600), 2)
  const m = pad(Math.floor((a % 3600) / 60), 2)
  const s = pad(a % 60, 2)
  const body = tok.replace(/^Z/, '-')
  switch (body) {
    case '-07':
      return sign + h
    case '-0700':
      return sign + h + m
    case '-07:00':
      return `${sign}${h}:${m}`
    case '-070000':
      return sign + h + m + s
    default:
      return `${sign}${h}:${m}:${s}`
  }
}

/** time.Time.Format. */
export function formatTime(t: GoTime, layout: string): string {
  const c = t.civil()
  let out = ''
  for (const ch of parseLayout(layout)) {
    if ('lit' in ch) {
      out += ch.lit
      continue
    }
    if ('frac' in ch) {
      const digits = ch.frac.length - 1
      let f = pad(t.nsec, 9).slice(0, digits)
      if (ch.frac[1] === '9') {
        f = f.replace(/0+$/, '')
        if (f !== '') out += ch.frac[0] + f
      } else out += ch.frac[0] + f
      continue
    }
    const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12
    switch (ch.tok) {
      case '2006':
        out += c.year < 0 ? '-' + pad(-c.year, 4) : pad(c.year, 4)
        break
      case '06':
        out += pad(((c.year % 100) + 100) % 100, 2)
        break
      case 'January':
        out += longMonths[c.month - 1]
        break
      case 'Jan':
        out += longMonths[c.month - 1]!.slice(0, 3)
        break
      case '01':
        out += pad(c.month, 2)
        break
      case '1':
        out += c.month
        break
      case 'Monday':
        out += longDays[c.weekday]
        break
      case 'Mon':
        out += longDays[c.weekday]!.slice(0, 3)
        break
      case '02':
        out += pad(c.day, 2)
        break
      case '_2':
        out += String(c.day).padStart(2, ' ')
        break
      case '2':
        out += c.day
        break
      case '002':
        out += pad(c.yday, 3)
        break
      case '__2':
        out += String(c.yday).padStart(3, ' ')
        break
      case '15':
        out += pad(c.hour, 2)
        break
      case '03':
        out += pad(h12, 2)
        break
      case '3':
        out += h12
        break
      case '04':
        out += pad(c.minute, 2)
        break
      case '4':
        out += c.minute
        break
      case '05':
        out += pad(c.second, 2)
        break
      case '5':
        out += c.second
        break
      case 'PM':
        out += c.hour >= 12 ? 'PM' : 'AM'
        break
      case 'pm':
        out += c.hour >= 12 ? 'pm' : 'am'
        break
      case 'MST':
        // an unnamed fixed zone prints as -0700
        out += c.abbr !== '' ? c.abbr : zoneText(c.offset, '-0700')
        break
      default:
        out += zoneText(c.offset, ch.tok)
    }
  }
  // Go appends the monotonic clock reading only for now(); Slipway's times carry none.
  return out
}

/** time.ParseInLocation; throws Go-like errors. */
export function parseTime(layout: string, value: string, loc: string): GoTime {
  let v = value
  let year = 1
  let month = 1
  let day = 1
  let hour = 0
  let minute = 0
  let second = 0
  let nsec = 0
  let pm: boolean | undefined
  let offset: number | undefined
  let abbr: string | undefined
  const fail = (what: string): never => {
    throw new Error(
      `parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(v)} as ${JSON.stringify(what)}`,
    )
  }
  const num = (min: number, max: number, what: string): number => {
    const m = new RegExp(`^[0-9]{${min},${max}}`).exec(v)
    if (m === null) fail(what)
    v = v.slice(m![0].length)
    return Number(m![0])
  }
  const word = (list: string[], n: number | undefined, what: string): number => {
    for (let i = 0; i < list.length; i++) {
      const w = n === undefined ? list[i]! : list[i]!.slice(0, n)
      if (v.toLowerCase().startsWith(w.toLowerCase())) {
        v = v.slice(w.length)
        return i
      }
    }
    return fail(what)
  }
  for (const ch of parseLayout(layout)) {
    if ('lit' in ch) {
      if (!v.startsWith(ch.lit)) fail(ch.lit)
      v = v.slice(ch.lit.length)
      continue
    }
    if ('frac' in ch) {
      const m = /^[.,]([0-9]+)/.exec(v)
      if (m === null) {
        if (ch.frac[1] === '9') continue
        fail(ch.frac)
      }
      nsec = Number((m![1]! + '000000000').slice(0, 9))
      v = v.slice(m![0].length)
      continue
    }
    switch (ch.tok) {
      case '2006':
        year = num(4, 4, '2006')
        break
      case '06': {
        const y = num(2, 2, '06')
        year = y >= 69 ? 1900 + y : 2000 + y
        break
      }
      case 'January':
        month = word(longMonths, undefined, 'January') + 1
        break
      case 'Jan':
        month = word(longMonths, 3, 'Jan') + 1
        break
      case '01':
        month = num(2, 2, '01')
        break
      case '1':
        month = num(1, 2, '1')
        break
      case 'Monday':
        word(longDays, undefined, 'Monday')
        break
      case 'Mon':
        word(longDays, 3, 'Mon')
        break
      case '02':
        day = num(2, 2, '02')
        break
      case '_2':
        if (v[0] === ' ') v = v.slice(1)
        day = num(1, 2, '_2')
        break
      case '2':
        day = num(1, 2, '2')
        break
      case '15':
        hour = num(1, 2, '15')
        break
      case '03':
        hour = num(2, 2, '03')
        break
      case '3':
        hour = num(1, 2, '3')
        break
      case '04':
        minute = num(2, 2, '04')
        break
      case '4':
        minute = num(1, 2, '4')
        break
      case '05':
        second = num(2, 2, '05')
        break
      case '5':
        second = num(1, 2, '5')
        break
      case 'PM':
      case 'pm': {
        const m = /^(AM|PM)/i.exec(v)
        if (m === null) fail(ch.tok)
        pm = m![0].toUpperCase() === 'PM'
        v = v.slice(2)
        break
      }
      case 'MST': {
        const m = /^[A-Z]{3,5}|^[+-][0-9]{2,4}/.exec(v)
        if (m === null) fail('MST')
        abbr = m![0]
        v = v.slice(abbr.length)
        if (abbr === 'UTC' || abbr === 'GMT') offset = 0
        break
      }
      default: {
        if (ch.tok.startsWith('Z') && v[0] === 'Z') {
          v = v.slice(1)
          offset = 0
          abbr = 'UTC'
          break
        }
        const m = /^([+-])([0-9]{2})(:?([0-9]{2}))?(:?([0-9]{2}))?/.exec(v)
        if (m === null) fail(ch.tok)
        offset =
          (m![1] === '-' ? -1 : 1) *
          (Number(m![2]) * 3600 + Number(m![4] ?? 0) * 60 + Number(m![6] ?? 0))
        v = v.slice(m![0].length)
      }
    }
  }
  if (v !== '')
    throw new Error(`parsing time ${JSON.stringify(value)}: extra text: ${JSON.stringify(v)}`)
  if (pm !== undefined) {
    if (pm && hour < 12) hour += 12
    else if (!pm && hour === 12) hour = 0
  }
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (month < 1 || month > 12)
    throw new Error(`parsing time ${JSON.stringify(value)}: month out of range`)
  if (day < 1 || day > dim || hour > 23 || minute > 59 || second > 59)
    throw new Error(`parsing time ${JSON.stringify(value)}: day out of range`)
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  d.setUTCHours(hour, minute, second, 0)
  const wall = Math.floor(d.getTime() / 1000)
  if (offset !== undefined) {
    const z = zoneAt(loc, (wall - offset) * 1000)
    // Go keeps the location when the parsed offset matches it, else a fixed zone.
    if (z.offset === offset) return new GoTime(BigInt(wall - offset), nsec, loc)
    return new GoTime(BigInt(wall - offset), nsec, 'UTC', { offset, abbr: abbr ?? '' })
  }
  // Wall clock in loc: find the instant whose local time is `wall`.
  let guess = wall - zoneAt(loc, wall * 1000).offset
  guess = wall - zoneAt(loc, guess * 1000).offset
  return new GoTime(BigInt(guess), nsec, loc)
}
