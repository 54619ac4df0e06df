import semver from 'semver'

/**
 * Normalises a version as Masterminds semver's NewVersion accepts it: a leading `v`, and
 * missing minor or patch parts (`1.2` is `1.2.0`).
 */
export function parseLooseVersion(version: string): string | null {
  const v = semver.valid(version, { loose: true })
  if (v) return v
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?([-+].*)?$/.exec(version.trim())
  if (!m) return null
  return semver.valid(`${m[1]}.${m[2] ?? '0'}.${m[3] ?? '0'}${m[4] ?? ''}`, { loose: true })
}

/**
 * Helm's chartutil.IsCompatibleRange: does `version` satisfy the Masterminds constraint
 * `range` (`^1.2`, `~1.2.3`, `2.x.x`, `>=1.0.0-0 <2`, comma meaning "and", `||`)? An empty
 * range matches every release version; an unparsable range or version matches nothing.
 */
export function isCompatibleRange(range: string, version: string): boolean {
  const v = parseLooseVersion(version)
  if (!v) return false
  const r = range.trim() === '' ? '*' : normalizeRange(range)
  try {
    const parsed = new semver.Range(r, { loose: true })
    // Masterminds lets a pre-release through only when the constraint names a pre-release
    const pre = /-/.test(r.replace(/\s-\s/g, ' '))
    return parsed.test(v) || (pre && semver.satisfies(v, parsed, { includePrerelease: true }))
  } catch {
    return false
  }
}

/**
 * Rewrites a Masterminds constraint into npm semver syntax: commas are "and", and a partial
 * version with a pre-release (`>=1.21-0`) gets its missing parts as zeros (`>=1.21.0-0`).
 */
function normalizeRange(range: string): string {
  return range
    .replace(/,/g, ' ')
    .replace(
      /(^|[\s<>=~^])v?(\d+)(?:\.(\d+))?(-[0-9A-Za-z.-]+)(?=\s|$)/g,
      (_m, pre: string, major: string, minor?: string, tag?: string) =>
        `${pre}${major}.${minor ?? '0'}.0${tag}`,
    )
}
