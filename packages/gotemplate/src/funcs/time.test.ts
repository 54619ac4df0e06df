import { describe, expect, it } from 'vitest'
import { formatValue } from '../fmt.ts'
import { dateFuncs as f } from './dates.ts'
import { formatDuration, parseDuration } from './duration.ts'
import { parseTime } from './time-layout.ts'
import type { GoTime } from './time.ts'

// Expected values were produced by helm v3.17.3 (Go's time package).
describe('time formatting', () => {
  const layout = '2006-01-02T15:04:05.000Z07:00 MST Mon Monday Jan January _2 3:04PM pm 06 002 .999'
  const cases: [string, bigint, string, string][] = [
    [
      layout,
      1700000000n,
      'America/New_York',
      '2023-11-14T17:13:20.000-05:00 EST Tue Tuesday Nov November 14 5:13PM pm 23 318 ',
    ],
    [
      layout,
      1690000000n,
      'America/New_York',
      '2023-07-22T00:26:40.000-04:00 EDT Sat Saturday Jul July 22 12:26AM am 23 203 ',
    ],
    ['2006-01-02 15:04 -0700 MST', 1700000000n, 'Asia/Kolkata', '2023-11-15 03:43 +0530 IST'],
    ['2006-01-02 15:04 -07:00 MST', 1700000000n, 'Europe/Berlin', '2023-11-14 23:13 +01:00 CET'],
    ['2006-01-02 15:04 Z0700 MST', 1700000000n, 'Asia/Dubai', '2023-11-15 02:13 +0400 +04'],
    ['2006-01-02 15:04 MST', 1700000000n, 'Nowhere/City', '2023-11-14 22:13 UTC'],
  ]
  it.each(cases)('%s at %s in %s', (l, sec, zone, want) =>
    expect(f.dateInZone!(l, sec, zone)).toBe(want),
  )

  it('parses with Go layouts', () => {
    expect(
      formatValue(parseTime('2006-01-02T15:04:05Z07:00', '2024-03-05T10:00:00+02:00', 'UTC')),
    ).toBe('2024-03-05 10:00:00 +0200 +0200')
    expect(
      formatValue(
        parseTime('2006-01-02T15:04:05.999999999Z07:00', '2024-03-05T10:00:00.25Z', 'UTC'),
      ),
    ).toBe('2024-03-05 10:00:00.25 +0000 UTC')
    const t = parseTime('02/01/2006 15:04', '05/03/2024 13:45', 'UTC')
    expect(t.Format('Monday January 2 2006 03:04:05 PM')).toBe('Tuesday March 5 2024 01:45:00 PM')
    expect(() => parseTime('2006-01-02', '2024-13-05', 'UTC')).toThrow(/month out of range/)
    expect(formatValue(f.toDate!('2006-01-02', 'bad'))).toBe('0001-01-01 00:00:00 +0000 UTC')
  })

  it('modifies dates by durations', () => {
    const t = parseTime('2006-01-02', '2024-03-05', 'UTC')
    expect((f.dateModify!('-1.5h', t) as GoTime).Format('2006-01-02 15:04')).toBe(
      '2024-03-04 22:30',
    )
    expect(f.dateModify!('bogus', t)).toBe(t)
    expect(() => f.mustDateModify!('bogus', t)).toThrow('time: invalid duration "bogus"')
    expect(f.unixEpoch!(t)).toBe('1709596800')
  })
})

describe('durations', () => {
  it('formats and parses as time.Duration', () => {
    expect(formatDuration(3725n * 1000000000n)).toBe('1h2m5s')
    expect(formatDuration(1500000n)).toBe('1.5ms')
    expect(formatDuration(0n)).toBe('0s')
    expect(formatDuration(-90n * 1000000000n)).toBe('-1m30s')
    expect(parseDuration('1h30m')).toBe(5400n * 1000000000n)
    expect(parseDuration('-1.5h')).toBe(-5400n * 1000000000n)
    expect(parseDuration('300ms')).toBe(300000000n)
    expect(parseDuration('1x')).toBeUndefined()
  })

  const cases: [string, unknown, string][] = [
    ['duration', '90', '1m30s'],
    ['duration', 3725n, '0s'], // a template int is not int64 for Sprig
    ['durationRound', '2h10m', '2h'],
    ['durationRound', '400h', '16d'],
    ['durationRound', '9000h', '1y'],
    ['durationRound', '1.5s', '1s'],
  ]
  it.each(cases)('%s #%#', (name, arg, want) => expect(f[name]!(arg)).toBe(want))
})
