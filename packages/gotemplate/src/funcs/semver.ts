/**
 * Sprig's `semver` and `semverCompare` with the semantics of Masterminds/semver v3.3.0
 * (the version Helm 3.17 links): loose versions (`v1.2`), constraint ranges, and the rule
 * that a pre-release version only satisfies constraints that carry a pre-release part
 * (`semverCompare ">=1.21" "1.32.0-eks-1"` is false; charts write `>=1.21-0`).
 */
import type { FuncMap } from '../func.ts'
import { GoStruct } from '../value.ts'
import { fn } from './args.ts'
import { FuncError } from './errors.ts'
import { findAll } from './re2.ts'
import {
  constraintRegex,
  findRegex,
  isValidConstraint,
  rangeRegex,
  versionRegex,
} from './semver-patterns.ts'

const UINT64_MAX = (1n << 64n) - 1n

/** A parsed semantic version, as `*semver.Version` with its template-callable methods. */
export class SemverVersion extends GoStruct {
  readonly goType = '*semver.Version'
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string,
    readonly metadata: string,
    readonly original: string,
  ) {
    super()
    // Go's fields are unexported, yet fmt prints them (`%d` gives &{1 2 3 ...})
    Object.defineProperty(this, 'goType', { enumerable: false })
  }
  Major(): bigint {
    return this.major
  }
  Minor(): bigint {
    return this.minor
  }
  Patch(): bigint {
    return this.patch
  }
  Prerelease(): string {
    return this.pre
  }
  Metadata(): string {
    return this.metadata
  }
  Original(): string {
    return this.original
  }
  String(): string {
    let s = `${this.major}.${this.minor}.${this.patch}`
    if (this.pre !== '') s += '-' + this.pre
    if (this.metadata !== '') s += '+' + this.metadata
    return s
  }
  /** Version.MarshalJSON's text, for toJson and toYaml. */
  toJSON(): string {
    return this.String()
  }
  Compare(o: SemverVersion): bigint {
    return BigInt(compareVersions(this, o))
  }
  LessThan(o: SemverVersion): boolean {
    return compareVersions(this, o) < 0
  }
  GreaterThan(o: SemverVersion): boolean {
    return compareVersions(this, o) > 0
  }
  Equal(o: SemverVersion): boolean {
    return compareVersions(this, o) === 0
  }
}

const num = /^[0-9]*$/
const allowed = /^[0-9A-Za-z-]*$/

function validatePrerelease(p: string): void {
  for (const part of p.split('.')) {
    if (num.test(part)) {
      if (part.length > 1 && part[0] === '0') throw new FuncError('Version segment starts with 0')
    } else if (!allowed.test(part)) throw new FuncError('Invalid Prerelease string')
  }
}

function parseSegment(s: string): bigint {
  const v = BigInt(s)
  if (v > UINT64_MAX)
    throw new FuncError(
      `Error parsing version segment: strconv.ParseUint: parsing "${s}": value out of range`,
    )
  return v
}

// Charts test the same few constraints and versions over and over (`semverCompare ">=1.21-0"
// .Capabilities.KubeVersion.GitVersion` in every template): parsed ones are kept, bounded.
const maxMemo = 1024
function memoized<T>(parse: (s: string) => T): (s: string) => T {
  const memo = new Map<string, T>()
  return (s) => {
    let hit = memo.get(s)
    if (hit === undefined) {
      hit = parse(s)
      if (memo.size >= maxMemo) memo.clear()
      memo.set(s, hit)
    }
    return hit
  }
}

/** semver.NewVersion: loose parsing (`v` prefix, missing minor/patch). */
export const parseVersion = memoized(parseVersionUncached)

function parseVersionUncached(v: string): SemverVersion {
  const m = versionRegex.exec(v)
  if (m === null) throw new FuncError('Invalid Semantic Version')
  const pre = m[5] ?? ''
  const meta = m[8] ?? ''
  const version = new SemverVersion(
    parseSegment(m[1]!),
    m[2] ? parseSegment(m[2].slice(1)) : 0n,
    m[3] ? parseSegment(m[3].slice(1)) : 0n,
    pre,
    meta,
    v,
  )
  if (pre !== '') validatePrerelease(pre)
  return version
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0
  if (s === '') return o !== '' ? -1 : 1
  if (o === '') return s !== '' ? 1 : -1
  const sNum = /^[0-9]+$/.test(s) && BigInt(s) <= UINT64_MAX
  const oNum = /^[0-9]+$/.test(o) && BigInt(o) <= UINT64_MAX
  if (!oNum && !sNum) return s > o ? 1 : -1
  if (!oNum) return -1
  if (!sNum) return 1
  return BigInt(s) > BigInt(o) ? 1 : -1
}

function comparePrerelease(v: string, o: string): number {
  const sp = v.split('.')
  const op = o.split('.')
  for (let i = 0; i < Math.max(sp.length, op.length); i++) {
    const d = comparePrePart(sp[i] ?? '', op[i] ?? '')
    if (d !== 0) return d
  }
  return 0
}

/** Version.Compare: -1, 0 or 1 (metadata ignored). */
export function compareVersions(a: SemverVersion, b: SemverVersion): number {
  for (const k of ['major', 'minor', 'patch'] as const)
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1
  if (a.pre === '' && b.pre === '') return 0
  if (a.pre === '') return 1
  if (b.pre === '') return -1
  return comparePrerelease(a.pre, b.pre)
}

interface Constraint {
  con: SemverVersion
  op: string
  dirty: boolean
  minorDirty: boolean
  patchDirty: boolean
}

const isX = (s: string) => s === 'x' || s === '*' || s === 'X'

function parseConstraint(c: string): Constraint {
  const m = constraintRegex.exec(c)
  if (m === null) throw new FuncError(`improper constraint: ${c}`)
  const [major, minor, patch, pre] = [m[3]!, m[4] ?? '', m[5] ?? '', m[6] ?? '']
  let ver = m[2]!
  let dirty = false
  let minorDirty = false
  let patchDirty = false
  if (isX(major) || major === '') {
    ver = `0.0.0${pre}`
    dirty = true
  } else if (isX(minor.slice(1)) || minor === '') {
    minorDirty = dirty = true
    ver = `${major}.0.0${pre}`
  } else if (isX(patch.slice(1)) || patch === '') {
    patchDirty = dirty = true
    ver = `${major}${minor}.0${pre}`
  }
  let con: SemverVersion
  try {
    con = parseVersion(ver)
  } catch {
    throw new FuncError('constraint Parser Error')
  }
  return { con, op: m[1]!, dirty, minorDirty, patchDirty }
}

/** semver.NewConstraint: `||`-separated groups of comma- or space-separated constraints. */
export const parseConstraints = memoized(parseConstraintsUncached)

function parseConstraintsUncached(c: string): Constraint[][] {
  for (const m of findAll(rangeRegex, c, -1)) c = c.replace(m[0], `>= ${m[1]}, <= ${m[11]} `)
  return c.split('||').map((part) => {
    if (!isValidConstraint(part)) throw new FuncError(`improper constraint: ${part}`)
    const found = findAll(findRegex, part, -1).map((m) => m[0])
    return (found.length > 0 ? found : [part]).map(parseConstraint)
  })
}

function tilde(v: SemverVersion, c: Constraint): boolean {
  if (compareVersions(v, c.con) < 0) return false
  if (
    c.con.major === 0n &&
    c.con.minor === 0n &&
    c.con.patch === 0n &&
    !c.minorDirty &&
    !c.patchDirty
  )
    return true
  if (v.major !== c.con.major) return false
  if (v.minor !== c.con.minor && !c.minorDirty) return false
  return true
}

function check(v: SemverVersion, c: Constraint): boolean {
  // Every operator rejects a pre-release version unless the constraint names one.
  if (v.pre !== '' && c.con.pre === '') return false
  const cmp = compareVersions(v, c.con)
  switch (c.op) {
    case '':
    case '=':
      return c.dirty ? tilde(v, c) : cmp === 0
    case '!=':
      if (c.dirty) {
        if (c.con.major !== v.major) return true
        if (c.con.minor !== v.minor && !c.minorDirty) return true
        if (c.minorDirty) return false
        if (c.con.patch !== v.patch && !c.patchDirty) return true
        if (c.patchDirty) {
          if (v.pre !== '' || c.con.pre !== '') return comparePrerelease(v.pre, c.con.pre) !== 0
          return false
        }
      }
      return cmp !== 0
    case '>':
      if (!c.dirty) return cmp === 1
      if (v.major > c.con.major) return true
      if (v.major < c.con.major) return false
      if (c.minorDirty) return false
      if (c.patchDirty) return v.minor > c.con.minor
      return cmp === 1
    case '<':
      return cmp < 0
    case '>=':
    case '=>':
      return cmp >= 0
    case '<=':
    case '=<':
      if (!c.dirty) return cmp <= 0
      if (v.major > c.con.major) return false
      if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return false
      return true
    case '~':
    case '~>':
      return tilde(v, c)
    case '^':
      if (cmp < 0) return false
      if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major
      if (c.con.major === 0n && v.major > 0n) return false
      if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor
      if (c.con.minor === 0n && v.minor > 0n) return false
      return c.con.patch === v.patch
    default:
      return false
  }
}

/** Constraints.Check: true when any `||` group is fully satisfied. */
export function satisfies(constraint: string, version: string): boolean {
  const groups = parseConstraints(constraint)
  const v = parseVersion(version)
  return groups.some((g) => g.every((c) => check(v, c)))
}

/** Semantic version functions. */
export const semverFuncs: FuncMap = {
  semver: fn(['string'], parseVersion),
  semverCompare: fn(['string', 'string'], satisfies),
}
