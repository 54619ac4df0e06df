/**
 * Go's time.Time for templates (`now`, `toDate`, `dateModify`): an instant with a location,
 * Format with Go's reference layout (`2006-01-02T15:04:05Z07:00`) and ParseInLocation.
 * Zone offsets come from Intl; abbreviations follow Intl's short names where tzdata's differ.
 */
import { GoStruct } from '../value.ts'
import { formatTime } from './time-layout.ts'

/** The machine's zone, as Go's time.Local. */
export function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}

/** True when Intl knows the IANA zone name (Go's time.LoadLocation succeeding). */
export function isZone(name: string): boolean {
  if (name === 'UTC' || name === 'Local' || name === '') return true
  try {
    Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

interface Civil {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  weekday: number
  yday: number
  offset: number // seconds east of UTC
  abbr: string
}

const fmtCache = new Map<string, Intl.DateTimeFormat>()

function zoneFormat(zone: string, locale = 'en-US'): Intl.DateTimeFormat {
  const key = locale + ' ' + zone
  let f = fmtCache.get(key)
  if (f === undefined) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      timeZoneName: 'short',
    })
    fmtCache.set(key, f)
  }
  return f
}

// Locales whose short zone names match tzdata's abbreviations in their regions (en-US:
// EST/PST, en-GB: CET/BST, en-IN: IST); elsewhere tzdata mostly uses numeric names (+04).
function abbrLocales(zone: string): string[] {
  if (zone.startsWith('Europe/')) return ['en-GB']
  if (zone === 'Asia/Kolkata' || zone === 'Asia/Calcutta') return ['en-IN']
  if (zone.startsWith('Australia/')) return ['en-AU']
  return []
}

function zoneName(loc: string): string {
  return loc === 'Local' ? localZone() : loc === '' ? 'UTC' : loc
}

/** Offset of a zone at an instant, in seconds east of UTC, and its abbreviation. */
export function zoneAt(loc: string, epochMs: number): { offset: number; abbr: string } {
  const zone = zoneName(loc)
  if (zone === 'UTC') return { offset: 0, abbr: 'UTC' }
  const parts = zoneFormat(zone).formatToParts(new Date(epochMs))
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0)
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  )
  const offset = Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 1000)
  const numeric = (a: string) => /^(GMT|UTC)([+-]|$)/.test(a)
  let abbr = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'UTC'
  for (const locale of abbrLocales(zone)) {
    if (!numeric(abbr)) break
    const alt = zoneFormat(zone, locale)
      .formatToParts(new Date(epochMs))
      .find((p) => p.type === 'timeZoneName')?.value
    if (alt !== undefined && !numeric(alt)) abbr = alt
  }
  if (numeric(abbr)) abbr = offset === 0 && zone.startsWith('Etc') ? 'UTC' : numericAbbr(offset)
  return { offset, abbr }
}

// tzdata names zones without a common abbreviation "+03", "-0530".
function numericAbbr(offset: number): string {
  if (offset === 0) return 'GMT'
  const sign = offset < 0 ? '-' : '+'
  const a = Math.abs(offset)
  const h = String(Math.floor(a / 3600)).padStart(2, '0')
  const m = Math.floor((a % 3600) / 60)
  return sign + h + (m ? String(m).padStart(2, '0') : '')
}

/** A Go time.Time: Unix seconds, nanoseconds, and a location name (`UTC`, `Local`, IANA). */
export class GoTime extends GoStruct {
  readonly goType = 'time.Time'
  constructor(
    readonly sec: bigint,
    readonly nsec: number,
    readonly loc: string,
    /** Seconds east of UTC for a fixed zone parsed from text (no IANA name). */
    readonly fixedOffset?: { offset: number; abbr: string },
  ) {
    super()
    for (const k of ['goType', 'sec', 'nsec', 'loc', 'fixedOffset'])
      Object.defineProperty(this, k, { enumerable: false })
  }

  static now(): GoTime {
    const ms = Date.now()
    return new GoTime(BigInt(Math.floor(ms / 1000)), (ms % 1000) * 1e6, 'Local')
  }

  zone(): { offset: number; abbr: string } {
    return this.fixedOffset ?? zoneAt(this.loc, Number(this.sec) * 1000)
  }

  civil(): Civil {
    const { offset, abbr } = this.zone()
    const local = (Number(this.sec) + offset) * 1000
    const d = new Date(local)
    const start = Date.UTC(d.getUTCFullYear(), 0, 1)
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      weekday: d.getUTCDay(),
      yday: Math.floor((local - start) / 86400000) + 1,
      offset,
      abbr,
    }
  }

  In(loc: string): GoTime {
    return new GoTime(this.sec, this.nsec, loc)
  }
  UTC(): GoTime {
    return this.In('UTC')
  }
  Local(): GoTime {
    return this.In('Local')
  }
  Unix(): bigint {
    return this.sec
  }
  UnixNano(): bigint {
    return this.sec * 1000000000n + BigInt(this.nsec)
  }
  Year(): bigint {
    return BigInt(this.civil().year)
  }
  Day(): bigint {
    return BigInt(this.civil().day)
  }
  Hour(): bigint {
    return BigInt(this.civil().hour)
  }
  Minute(): bigint {
    return BigInt(this.civil().minute)
  }
  Second(): bigint {
    return BigInt(this.civil().second)
  }
  Nanosecond(): bigint {
    return BigInt(this.nsec)
  }
  YearDay(): bigint {
    return BigInt(this.civil().yday)
  }
  /** Adds a duration in nanoseconds. */
  Add(d: bigint): GoTime {
    const total = this.sec * 1000000000n + BigInt(this.nsec) + d
    const sec = total >= 0n ? total / 1000000000n : -((-total + 999999999n) / 1000000000n)
    return new GoTime(sec, Number(total - sec * 1000000000n), this.loc, this.fixedOffset)
  }
  AddDate(y: bigint, m: bigint, d: bigint): GoTime {
    const c = this.civil()
    const ms = Date.UTC(
      c.year + Number(y),
      c.month - 1 + Number(m),
      c.day + Number(d),
      c.hour,
      c.minute,
      c.second,
    )
    const guess = BigInt(Math.floor(ms / 1000) - c.offset)
    return new GoTime(guess, this.nsec, this.loc, this.fixedOffset)
  }
  Sub(o: GoTime): bigint {
    return this.UnixNano() - o.UnixNano()
  }
  Before(o: GoTime): boolean {
    return this.UnixNano() < o.UnixNano()
  }
  After(o: GoTime): boolean {
    return this.UnixNano() > o.UnixNano()
  }
  Equal(o: GoTime): boolean {
    return this.UnixNano() === o.UnixNano()
  }
  IsZero(): boolean {
    return this.sec === -62135596800n && this.nsec === 0
  }
  Format(layout: string): string {
    return formatTime(this, layout)
  }
  String(): string {
    return formatTime(this, '2006-01-02 15:04:05.999999999 -0700 MST')
  }
  /** time.Time.MarshalJSON's text (RFC 3339 with nanoseconds), for toJson and toYaml. */
  toJSON(): string {
    return formatTime(this, '2006-01-02T15:04:05.999999999Z07:00')
  }
}

/** Go's zero time (January 1, year 1, UTC), what a failed parse returns. */
export const zeroTime = (): GoTime => new GoTime(-62135596800n, 0, 'UTC')
