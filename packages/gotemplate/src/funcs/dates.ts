/**
 * Sprig's date functions over GoTime (time.ts). `now`, `ago` and anything without a fixed
 * input depend on the clock, in Helm too.
 */
import type { FuncMap } from '../func.ts'
import { fn } from './args.ts'
import { formatDuration, parseDuration } from './duration.ts'
import { FuncError } from './errors.ts'
import { parseGoInt } from './convert.ts'
import { parseTime } from './time-layout.ts'
import { GoTime, isZone, zeroTime } from './time.ts'

/** The time a Sprig date function reads from its argument; other types mean "now". */
function timeOf(v: unknown): GoTime {
  if (v instanceof GoTime) return v
  if (typeof v === 'bigint') return new GoTime(v, 0, 'Local')
  return GoTime.now()
}

function dateInZone(layout: string, date: unknown, zone: string): string {
  const loc = isZone(zone) ? zone : 'UTC'
  return timeOf(date).In(loc).Format(layout)
}

function timeArg(v: unknown): GoTime {
  if (!(v instanceof GoTime))
    throw new FuncError(`wrong type for value; expected time.Time`, 'FUNC_ARGS')
  return v
}

function durationRound(v: unknown): string {
  let d = 0n
  // As for duration: an int (every template literal) is not int64, so it counts as 0.
  if (typeof v === 'string') d = parseDuration(v) ?? 0n
  else if (v instanceof GoTime) d = GoTime.now().Sub(v)
  const u = d < 0n ? -d : d
  const second = 1000000000n
  const steps: [bigint, string][] = [
    [second * 3600n * 24n * 365n, 'y'],
    [second * 3600n * 24n * 30n, 'mo'],
    [second * 3600n * 24n, 'd'],
    [second * 3600n, 'h'],
    [second * 60n, 'm'],
    [second, 's'],
  ]
  for (const [unit, name] of steps) if (u > unit) return (u / unit).toString() + name
  return '0s'
}

function toDate(layout: string, value: string): GoTime {
  try {
    return parseTime(layout, value, 'Local')
  } catch {
    return zeroTime()
  }
}

function mustToDate(layout: string, value: string): GoTime {
  try {
    return parseTime(layout, value, 'Local')
  } catch (e) {
    throw new FuncError((e as Error).message)
  }
}

function dateModify(mod: string, date: unknown): GoTime {
  const t = timeArg(date)
  const d = parseDuration(mod)
  return d === undefined ? t : t.Add(d)
}

function mustDateModify(mod: string, date: unknown): GoTime {
  const t = timeArg(date)
  const d = parseDuration(mod)
  if (d === undefined) throw new FuncError(`time: invalid duration ${JSON.stringify(mod)}`)
  return t.Add(d)
}

function ago(v: unknown): string {
  const t =
    v instanceof GoTime ? v : typeof v === 'bigint' ? new GoTime(v, 0, 'Local') : GoTime.now()
  // time.Since(t).Round(time.Second)
  const d = GoTime.now().Sub(t)
  const s = 1000000000n
  const r = d < 0n ? -((-d + s / 2n) / s) * s : ((d + s / 2n) / s) * s
  return formatDuration(r)
}

/** Date functions. */
export const dateFuncs: FuncMap = {
  now: fn([], () => GoTime.now()),
  date: fn(['string', 'any'], (layout: string, d: unknown) => dateInZone(layout, d, 'Local')),
  dateInZone: fn(['string', 'any', 'string'], dateInZone),
  date_in_zone: fn(['string', 'any', 'string'], dateInZone),
  htmlDate: fn(['any'], (d: unknown) => dateInZone('2006-01-02', d, 'Local')),
  htmlDateInZone: fn(['any', 'string'], (d: unknown, zone: string) =>
    dateInZone('2006-01-02', d, zone),
  ),
  dateModify: fn(['string', 'any'], dateModify),
  date_modify: fn(['string', 'any'], dateModify),
  mustDateModify: fn(['string', 'any'], mustDateModify),
  must_date_modify: fn(['string', 'any'], mustDateModify),
  ago: fn(['any'], ago),
  duration: fn(['any'], (v: unknown) => {
    // Sprig reads only string and int64 here; template literals are int, hence 0s.
    const n = typeof v === 'string' && /^[+-]?[0-9]+$/.test(v) ? (parseGoInt(v, 10) ?? 0n) : 0n
    return formatDuration(BigInt.asIntN(64, n * 1000000000n))
  }),
  durationRound: fn(['any'], durationRound),
  toDate: fn(['string', 'string'], toDate),
  mustToDate: fn(['string', 'string'], mustToDate),
  unixEpoch: fn(['any'], (d: unknown) => timeArg(d).Unix().toString()),
}
