/** Helm wraps `fail` and `required` messages in these so it can find them in Go's error text. */
export const warnStart = 'HELM_ERR_START'
export const warnEnd = 'HELM_ERR_END'

/** Wraps a `fail`/`required` message as Helm's warnWrap does. */
export function warnWrap(message: string): string {
  return `${warnStart}${message}${warnEnd}`
}

const warnRegex = new RegExp(`${warnStart}([\\s\\S]*)${warnEnd}`)

/** Go's strings.SplitN. */
function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = []
  let rest = s
  while (out.length < n - 1) {
    const i = rest.indexOf(sep)
    if (i < 0) break
    out.push(rest.slice(0, i))
    rest = rest.slice(i + sep.length)
  }
  out.push(rest)
  return out
}

/** A location, `file:line` or `file:line:col`, split into its parts. */
export interface TemplateLocation {
  file: string
  line?: number
  column?: number
}

/** Parses Go's `name:line[:col]` location token. */
export function parseLocation(location: string): TemplateLocation {
  const m = /^(.*?):(\d+)(?::(\d+))?$/.exec(location)
  if (!m) return { file: location }
  return {
    file: m[1] as string,
    line: Number(m[2]),
    ...(m[3] !== undefined ? { column: Number(m[3]) } : {}),
  }
}

/**
 * Helm's reformatExecErrorMsg: `template: FILE:L:C: executing ... HELM_ERR_STARTmsgHELM_ERR_END`
 * becomes `execution error at (FILE:L:C): msg`; any other text stays as Go wrote it.
 */
export function reformatExecError(message: string): {
  message: string
  location?: TemplateLocation
} {
  const tokens = splitN(message, ': ', 3)
  if (tokens.length !== 3 || tokens[0] !== 'template') return { message }
  const location = tokens[1] as string
  const m = warnRegex.exec(tokens[2] as string)
  if (m)
    return {
      message: `execution error at (${location}): ${m[1]}`,
      location: parseLocation(location),
    }
  return { message, location: parseLocation(location) }
}

/** Helm's cleanupParseError: `parse error at (FILE:L): last message`. */
export function cleanupParseError(
  file: string,
  message: string,
): { message: string; location?: TemplateLocation } {
  const tokens = message.split(': ')
  if (tokens.length === 1) return { message: `parse error in (${file}): ${message}` }
  const location = tokens[1] as string
  return {
    message: `parse error at (${location}): ${tokens[tokens.length - 1]}`,
    location: parseLocation(location),
  }
}
