/**
 * The `format` checks of xeipuuv/gojsonschema, which Helm 3.17 validates values with: each
 * accepts what the Go checker accepts (as near as the Go library functions allow), and any
 * non-string value passes. Unknown formats are not checked, as in gojsonschema.
 */

const twoDigits = (s: string, max: number) => /^\d\d$/.test(s) && Number(s) <= max

function isTime(s: string): boolean {
  const m = /^(\d\d):(\d\d):(\d\d)(\.\d+)?$/.exec(s)
  return (
    !!m &&
    twoDigits(m[1] as string, 23) &&
    twoDigits(m[2] as string, 59) &&
    twoDigits(m[3] as string, 59)
  )
}

function isZone(s: string): boolean {
  if (s === 'Z') return true
  const m = /^[+-](\d\d):(\d\d)$/.exec(s)
  return !!m && twoDigits(m[1] as string, 23) && twoDigits(m[2] as string, 59)
}

function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(s)
  if (!m) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (mo < 1 || mo > 12 || d < 1) return false
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ]
  return d <= (days[mo - 1] as number)
}

/** Go's time.Parse with "15:04:05Z07:00". */
function isZonedTime(s: string): boolean {
  const m = /^(\d\d:\d\d:\d\d(?:\.\d+)?)(Z|[+-]\d\d:\d\d)$/.exec(s)
  return !!m && isTime(m[1] as string) && isZone(m[2] as string)
}

/** Go's time.Parse with RFC 3339 (fractional seconds allowed). */
function isRfc3339(s: string): boolean {
  const t = s.indexOf('T')
  return t === 10 && isDate(s.slice(0, 10)) && isZonedTime(s.slice(11))
}

/** Go's net.ParseIP for dotted IPv4 (no leading zeros since Go 1.17). */
function isIPv4(s: string): boolean {
  const parts = s.split('.')
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)
}

function isIPv6(s: string): boolean {
  if (!s.includes(':') || /[^0-9a-fA-F:.]/.test(s)) return false
  const dots = s.lastIndexOf(':')
  let head = s
  let groupsForV4 = 0
  if (s.includes('.')) {
    if (!isIPv4(s.slice(dots + 1))) return false
    head = s.slice(0, dots + 1) + '0:0'
    groupsForV4 = 0
  }
  const double = head.split('::')
  if (double.length > 2) return false
  const groups = (x: string) => (x === '' ? [] : x.split(':'))
  const left = groups(double[0] as string)
  const right = double.length === 2 ? groups(double[1] as string) : []
  const all = [...left, ...right]
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false
  const n = all.length + groupsForV4
  return double.length === 2 ? n < 8 : n === 8
}

const hostnameRe =
  /^([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9])(\.([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]))*$/

/** Go's url.Parse accepting the text: no control characters, valid `%` escapes. */
function goUrlParses(s: string): boolean {
  if (/[\x00-\x1f\x7f]/.test(s)) return false
  if (/%(?![0-9a-fA-F]{2})/.test(s)) return false
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(s)
  if (!m && s.startsWith(':')) return false
  const rest = m ? s.slice(m[0].length) : s
  if (rest.startsWith('//')) {
    const authority = rest.slice(2).split(/[/?#]/)[0] as string
    const host = authority.slice(authority.lastIndexOf('@') + 1)
    if (/\s/.test(host)) return false
    const port = /:([^:\]]*)$/.exec(host)
    if (port && !host.startsWith('[') && !/^\d*$/.test(port[1] as string)) return false
  }
  return true
}

function isEmail(s: string): boolean {
  const angle = /<([^<>]*)>\s*$/.exec(s)
  const addr = angle ? (angle[1] as string) : s.trim()
  return /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+$/.test(addr)
}

/** gojsonschema's format checkers by name. */
export const goJsonSchemaFormats: Record<string, (s: string) => boolean> = {
  'date-time': (s) => isTime(s) || isZonedTime(s) || isDate(s) || isRfc3339(s),
  date: isDate,
  time: (s) => isTime(s) || isZonedTime(s),
  email: isEmail,
  'idn-email': isEmail,
  hostname: (s) => s.length <= 255 && hostnameRe.test(s),
  ipv4: (s) => isIPv4(s),
  ipv6: (s) => isIPv6(s),
  uri: (s) => goUrlParses(s) && /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s),
  'uri-reference': goUrlParses,
  iri: (s) => goUrlParses(s) && /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s),
  'iri-reference': goUrlParses,
  uuid: (s) =>
    /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s),
  regex: (s) => {
    try {
      new RegExp(s, 'u')
      return true
    } catch {
      return false
    }
  },
  'json-pointer': (s) => /^(\/([^~/]|~[01])*)*$/.test(s),
  'relative-json-pointer': (s) => /^(0|[1-9][0-9]*)(#|(\/([^~/]|~[01])*)*)$/.test(s),
}
