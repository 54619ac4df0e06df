import semver from 'semver'
import { ChartError } from './errors.ts'

/*
 * Chart versions as Helm reads them, with Masterminds semver v3 semantics:
 * versions may be partial (`1.2`), carry a `v` prefix or leading zeros in numbers; ranges
 * use `,`/space for AND and `||` for OR; a prerelease only satisfies a comparator that
 * itself names a prerelease. The `semver` package does the arithmetic.
 */

const looseVersionRe =
  /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/

/**
 * The canonical `MAJOR.MINOR.PATCH[-pre][+build]` form of a version Helm accepts, or
 * `undefined` when Helm would reject it (`1.2.3.4`, `1.2.3-01`).
 *
 * @example normalizeVersion('v1.2') // '1.2.0'
 */
export function normalizeVersion(version: string): string | undefined {
  const m = looseVersionRe.exec(version)
  if (!m) return undefined
  const pre = m[4]
  // Masterminds rejects numeric prerelease identifiers with leading zeros, as SemVer 2 does.
  if (pre !== undefined && pre.split('.').some((id) => /^0[0-9]+$/.test(id))) return undefined
  let out = `${BigInt(m[1]!)}.${BigInt(m[2] ?? '0')}.${BigInt(m[3] ?? '0')}`
  if (pre !== undefined) out += `-${pre}`
  if (m[5] !== undefined) out += `+${m[5]}`
  return out
}

/** True when Helm accepts `version` as a chart version (Masterminds `NewVersion`). */
export function isValidVersion(version: string): boolean {
  return normalizeVersion(version) !== undefined
}

/**
 * Compares two versions by SemVer precedence (build metadata ignored); versions Helm cannot
 * parse sort before every valid one, as in Helm's repository index.
 */
export function compareVersions(a: string, b: string): number {
  const na = normalizeVersion(a)
  const nb = normalizeVersion(b)
  if (na === undefined || nb === undefined) {
    if (na === nb) return 0
    return na === undefined ? -1 : 1
  }
  return semver.compare(na, nb)
}

/**
 * Sorts versions (or OCI tags, where `_` stands for `+`) newest first, dropping what is not
 * a version. The result holds the strings as given.
 *
 * @example sortVersions(['1.0.0', '1.10.0', '1.2.0', 'latest']) // ['1.10.0', '1.2.0', '1.0.0']
 */
export function sortVersions(
  versions: readonly string[],
  options: { tags?: boolean } = {},
): string[] {
  // parse each version once: indexes list tens of thousands
  const parsed: Array<{ v: string; i: number; s: semver.SemVer }> = []
  versions.forEach((v, i) => {
    const n = normalizeVersion(options.tags ? v.replaceAll('_', '+') : v)
    if (n !== undefined) parsed.push({ v, i, s: new semver.SemVer(n) })
  })
  return parsed.sort((x, y) => y.s.compare(x.s) || x.i - y.i).map((x) => x.v)
}

/** A parsed version range: OR of AND-groups of comparators, evaluated as Masterminds does. */
export interface VersionRange {
  /** The range as written. */
  readonly raw: string
  /** True when `version` satisfies the range. */
  test(version: string): boolean
}

const opRe = /^(!=|>=|=>|<=|=<|~>|>|<|=|~|\^)?\s*(.*)$/
const wildcardRe = /(^|\.)[xX*](\.|$|-|\+)/

function parseComparator(text: string, raw: string): (v: string) => boolean {
  const fail = (): never => {
    throw new ChartError('INVALID_VERSION', `improper constraint: ${raw}`, { field: 'version' })
  }
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text)
  if (hyphen) {
    const lo = parseComparator(`>=${hyphen[1]}`, raw)
    // Masterminds: a partial upper bound is padded with zeros (`1.2 - 1.4` stops at 1.4.0).
    const hi = parseComparator(`<=${hyphen[2]}`, raw)
    return (v) => lo(v) && hi(v)
  }
  const m = opRe.exec(text.trim())
  if (!m) fail()
  let op = m![1] ?? ''
  let ver = m![2]!.trim()
  if (op === '=>') op = '>='
  if (op === '=<') op = '<='
  if (op === '~>') op = '~'
  if (ver === '' || /\s/.test(ver)) fail()
  ver = ver.replace(/^v/, '')
  const isWild = ver === '*' || ver === 'x' || ver === 'X' || wildcardRe.test(ver)
  let full: string
  if (isWild) {
    if (!/^(\d+|[xX*])(\.(\d+|[xX*]))?(\.(\d+|[xX*]))?([-+].*)?$/.test(ver)) fail()
    full = ver
  } else {
    const n = normalizeVersion(ver)
    if (n === undefined) fail()
    // Masterminds fills missing minor/patch with 0 for =, >, <=, != (no x-range widening);
    // ~ and ^ read partial versions as node-semver does.
    full = op === '~' || op === '^' ? ver : n!
  }
  const hasPre = /-/.test(full.replace(/\+.*$/, ''))
  if (op === '!=') {
    return (v) => {
      if (semver.prerelease(v) && !hasPre) return false
      return !semver.satisfies(v, isWild ? full : `=${full}`, { includePrerelease: true })
    }
  }
  const rangeText = isWild && op === '' ? full : `${op}${full}`
  let range: semver.Range
  try {
    range = new semver.Range(rangeText, { includePrerelease: true })
  } catch {
    return fail()
  }
  return (v) => {
    // A prerelease only satisfies comparators that name a prerelease (Masterminds issue 21).
    if (semver.prerelease(v) && !hasPre) return false
    return range.test(v)
  }
}

/**
 * Parses a Helm version constraint: `12.x`, `^1.2.0`, `~1.2`, `>=1 <2`, `>=1, <2`,
 * `1.2 - 1.4`, `1.0.0 || ^2`, `*`.
 *
 * @throws ChartError `INVALID_VERSION` with Helm's "improper constraint" text.
 */
export function parseVersionRange(range: string): VersionRange {
  const raw = range
  const groups = range.split('||').map((group) => {
    const text = group
      .trim()
      .replace(/,/g, ' ')
      .replace(/(!=|>=|=>|<=|=<|~>|>|<|=|~|\^)\s+/g, '$1')
    if (text === '') {
      throw new ChartError('INVALID_VERSION', `improper constraint: ${raw}`, { field: 'version' })
    }
    const parts: string[] = []
    const tokenRe = /(\S+\s+-\s+\S+)|(\S+)/g
    for (const m of text.matchAll(tokenRe)) parts.push(m[0])
    return parts.map((p) => parseComparator(p, raw))
  })
  return {
    raw,
    test(version: string): boolean {
      const v = normalizeVersion(version)
      if (v === undefined) return false
      return groups.some((group) => group.every((c) => c(v)))
    },
  }
}

/** True when `version` satisfies the Helm constraint `range`. */
export function satisfiesRange(version: string, range: string): boolean {
  return parseVersionRange(range).test(version)
}

/** Options of {@link resolveVersion}. */
export interface ResolveVersionOptions {
  /** Consider prereleases when no version is asked for (Helm's `--devel`). */
  devel?: boolean
  /** The candidates are OCI tags: `_` stands for `+`. */
  tags?: boolean
}

/**
 * Picks the version Helm would pick among `available` for `wanted`: an exact string match
 * first, else the newest version satisfying `wanted` as a constraint; with no `wanted`, the
 * newest non-prerelease (any newest with `devel`). Returns the string as found in
 * `available`, or `undefined` when none matches.
 *
 * @example resolveVersion(['1.0.0', '1.4.2', '2.0.0-rc.1'], '^1') // '1.4.2'
 */
export function resolveVersion(
  available: readonly string[],
  wanted: string | undefined,
  options: ResolveVersionOptions = {},
): string | undefined {
  if (wanted) {
    const exact = available.find(
      (v) => v === wanted || (options.tags && v.replaceAll('_', '+') === wanted),
    )
    if (exact !== undefined) return exact
  }
  const constraint = wanted ? wanted : options.devel ? '>0.0.0-0' : '*'
  const range = parseVersionRange(constraint)
  const sorted = sortVersions(available, options.tags ? { tags: true } : {})
  return sorted.find((v) => range.test(options.tags ? v.replaceAll('_', '+') : v))
}
