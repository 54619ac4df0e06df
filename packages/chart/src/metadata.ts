import { ChartError } from './errors.ts'
import { formatFloatG } from '@slipway/gotemplate'
import type { ChartDependency, ChartLock, ChartMaintainer, ChartMetadata } from './types.ts'
import { isValidVersion } from './version.ts'
import { parseLocatedYaml, type LocatedYaml } from './yaml-document.ts'

/** Helm's chart API versions. */
export const APIVersionV1 = 'v1'
/** Helm 3's chart API version: dependencies live in Chart.yaml. */
export const APIVersionV2 = 'v2'

const aliasRe = /^[a-zA-Z0-9_-]+$/
const printable = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u
const printableAscii = /^[\x20-\x7e]*$/
// Go's unicode.IsSpace (JavaScript's \s lacks U+0085 and has U+FEFF)
const goSpace = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u

/** Helm's sanitizeString: every space becomes ' ', non-printable characters are dropped. */
export function sanitizeString(s: string): string {
  // printable ASCII stays as it is (the usual metadata): no test per character
  if (printableAscii.test(s)) return s
  let out = ''
  for (const ch of s) {
    if (goSpace.test(ch)) out += ' '
    else if (printable.test(ch)) out += ch
  }
  return out
}

type Path = Array<string | number>

class FieldReader {
  constructor(
    private readonly doc: LocatedYaml,
    private readonly file: string,
  ) {}

  fail(
    path: Path,
    message: string,
    code: 'INVALID_METADATA' | 'PARSE_ERROR' = 'PARSE_ERROR',
  ): never {
    const pos = this.doc.locate(path)
    const field = formatPath(path)
    const where = pos ? `${this.file}: line ${pos.line}: ` : `${this.file}: `
    throw new ChartError(code, `${where}${message}`, {
      file: this.file,
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      ...(field ? { field } : {}),
    })
  }

  /** A string field: scalars are turned into strings, as sigs.k8s.io/yaml does for string targets. */
  string(obj: Record<string, unknown>, key: string, path: Path): string | undefined {
    const v = obj[key]
    if (v === undefined || v === null) return undefined
    return this.scalarString(v, [...path, key])
  }

  scalarString(v: unknown, path: Path): string {
    if (typeof v === 'string') return v
    if (typeof v === 'number') {
      const src = this.doc.source(path)
      // sigs.k8s.io/yaml formats YAML ints in decimal and floats as 32-bit %g (1.10 → "1.1")
      return src !== undefined && yaml11IntRe.test(src) ? String(v) : formatFloatG(v, 32)
    }
    if (typeof v === 'boolean') return String(v)
    if (v instanceof Date) return v.toISOString().replace('.000Z', 'Z')
    return this.fail(path, `${formatPath(path)} must be a string, not ${describe(v)}`)
  }

  bool(obj: Record<string, unknown>, key: string, path: Path): boolean | undefined {
    const v = obj[key]
    if (v === undefined || v === null) return undefined
    if (typeof v === 'boolean') return v
    return this.fail(
      [...path, key],
      `${formatPath([...path, key])} must be true or false, not ${describe(v)}`,
    )
  }

  strings(obj: Record<string, unknown>, key: string, path: Path): string[] | undefined {
    const v = obj[key]
    if (v === undefined || v === null) return undefined
    const p = [...path, key]
    if (!Array.isArray(v))
      return this.fail(p, `${formatPath(p)} must be a list of strings, not ${describe(v)}`)
    return v.map((item, i) => (item === null ? '' : this.scalarString(item, [...p, i])))
  }

  map(v: unknown, path: Path): Record<string, unknown> {
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return v as Record<string, unknown>
    }
    return this.fail(
      path,
      `${formatPath(path) || 'the document'} must be a map, not ${describe(v)}`,
    )
  }

  list(obj: Record<string, unknown>, key: string, path: Path): unknown[] | undefined {
    const v = obj[key]
    if (v === undefined || v === null) return undefined
    if (Array.isArray(v)) return v
    return this.fail(
      [...path, key],
      `${formatPath([...path, key])} must be a list, not ${describe(v)}`,
    )
  }
}

function formatPath(path: Path): string {
  let out = ''
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p
  return out
}

function describe(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'a map'
  return `${typeof v} ${JSON.stringify(v)}`
}

const yaml11IntRe = /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]*|[1-9][0-9_]*(?::[0-5]?[0-9])*)$/

function readDependency(r: FieldReader, item: unknown, path: Path): ChartDependency {
  if (item === null || item === undefined) {
    r.fail(path, 'dependencies must not contain empty or null nodes', 'INVALID_METADATA')
  }
  const d = r.map(item, path)
  const dep: ChartDependency = { name: sanitizeString(r.string(d, 'name', path) ?? '') }
  const version = r.string(d, 'version', path)
  if (version !== undefined) dep.version = sanitizeString(version)
  // Helm always writes repository (no omitempty), so keep it even when empty.
  dep.repository = sanitizeString(r.string(d, 'repository', path) ?? '')
  const condition = r.string(d, 'condition', path)
  if (condition !== undefined) dep.condition = sanitizeString(condition)
  const tags = r.strings(d, 'tags', path)
  if (tags !== undefined) dep.tags = tags.map(sanitizeString)
  const enabled = r.bool(d, 'enabled', path)
  if (enabled !== undefined) dep.enabled = enabled
  const importValues = r.list(d, 'import-values', path)
  if (importValues !== undefined) dep['import-values'] = importValues
  const alias = r.string(d, 'alias', path)
  if (alias !== undefined) dep.alias = alias
  return dep
}

function readDependencies(
  r: FieldReader,
  obj: Record<string, unknown>,
): ChartDependency[] | undefined {
  const list = r.list(obj, 'dependencies', [])
  return list?.map((item, i) => readDependency(r, item, ['dependencies', i]))
}

/**
 * Parses and validates Chart.yaml as Helm's loader does: `apiVersion` defaults to v1, strings
 * are sanitised, `name` must be a plain name, `version` a version Helm accepts, `type`
 * application or library, aliases well-formed and unique.
 *
 * @throws ChartError `PARSE_ERROR` or `INVALID_METADATA`, with file, line and field.
 */
export function parseChartYaml(text: string, file = 'Chart.yaml'): ChartMetadata {
  const doc = parseLocatedYaml(text, file)
  const r = new FieldReader(doc, file)
  const obj = doc.value === null || doc.value === undefined ? {} : r.map(doc.value, [])
  const str = (key: string) => r.string(obj, key, [])
  const md: ChartMetadata = {
    apiVersion: str('apiVersion') || APIVersionV1,
    name: sanitizeString(str('name') ?? ''),
    version: str('version') ?? '',
  }
  const optional = ['home', 'description', 'icon', 'appVersion', 'kubeVersion'] as const
  for (const key of optional) {
    const v = str(key)
    if (v !== undefined && v !== '') md[key] = sanitizeString(v)
  }
  const type = str('type')
  if (type !== undefined && type !== '') md.type = type
  const sources = r.strings(obj, 'sources', [])
  if (sources?.length) md.sources = sources.map(sanitizeString)
  const keywords = r.strings(obj, 'keywords', [])
  if (keywords?.length) md.keywords = keywords.map(sanitizeString)
  const maintainers = r.list(obj, 'maintainers', [])
  if (maintainers?.length) {
    md.maintainers = maintainers.map((item, i) => {
      const path = ['maintainers', i]
      if (item === null)
        r.fail(path, 'maintainers must not contain empty or null nodes', 'INVALID_METADATA')
      const m = r.map(item, path)
      const out: ChartMaintainer = {}
      for (const key of ['name', 'email', 'url'] as const) {
        const v = r.string(m, key, path)
        if (v) out[key] = sanitizeString(v)
      }
      return out
    })
  }
  if (r.bool(obj, 'deprecated', [])) md.deprecated = true
  const annotations = obj['annotations']
  if (annotations !== undefined && annotations !== null) {
    const a = r.map(annotations, ['annotations'])
    const out: Record<string, string> = {}
    for (const [k, v] of Object.entries(a))
      out[k] = v === null ? '' : r.scalarString(v, ['annotations', k])
    if (Object.keys(out).length) md.annotations = out
  }
  const deps = readDependencies(r, obj)
  if (deps?.length) md.dependencies = deps
  validateMetadata(md, doc, file)
  return md
}

/**
 * Helm's Metadata.Validate, with the location of the offending field when `doc` is known.
 *
 * @throws ChartError `INVALID_METADATA` with Helm's message.
 */
export function validateMetadata(md: ChartMetadata, doc?: LocatedYaml, file = 'Chart.yaml'): void {
  const fail = (path: Path, message: string): never => {
    const pos = doc?.locate(path)
    const field = formatPath(path)
    throw new ChartError('INVALID_METADATA', `validation: ${message}`, {
      file,
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      ...(field ? { field } : {}),
    })
  }
  if (!md.apiVersion) fail(['apiVersion'], 'chart.metadata.apiVersion is required')
  if (!md.name) fail(['name'], 'chart.metadata.name is required')
  if (md.name.includes('/') || md.name.includes('\\') || md.name === '.' || md.name === '..') {
    fail(['name'], `chart.metadata.name ${JSON.stringify(md.name)} is invalid`)
  }
  if (!md.version) fail(['version'], 'chart.metadata.version is required')
  if (!isValidVersion(md.version))
    fail(['version'], `chart.metadata.version ${JSON.stringify(md.version)} is invalid`)
  if (
    md.type !== undefined &&
    md.type !== '' &&
    md.type !== 'application' &&
    md.type !== 'library'
  ) {
    fail(['type'], 'chart.metadata.type must be application or library')
  }
  const seen = new Set<string>()
  md.dependencies?.forEach((dep, i) => {
    if (dep.alias !== undefined && dep.alias !== '' && !aliasRe.test(dep.alias)) {
      fail(
        ['dependencies', i, 'alias'],
        `dependency ${JSON.stringify(dep.name)} has disallowed characters in the alias`,
      )
    }
    const key = dep.alias || dep.name
    if (seen.has(key))
      fail(
        ['dependencies', i],
        `more than one dependency with name or alias ${JSON.stringify(key)}`,
      )
    seen.add(key)
  })
}

/**
 * Parses requirements.yaml (apiVersion v1 charts) into the dependency list.
 *
 * @throws ChartError `PARSE_ERROR` with file and line.
 */
export function parseRequirements(text: string, file = 'requirements.yaml'): ChartDependency[] {
  const doc = parseLocatedYaml(text, file)
  const r = new FieldReader(doc, file)
  const obj = doc.value === null || doc.value === undefined ? {} : r.map(doc.value, [])
  return readDependencies(r, obj) ?? []
}

/**
 * Parses Chart.lock or requirements.lock.
 *
 * @throws ChartError `PARSE_ERROR` with file and line.
 */
export function parseLock(text: string, file = 'Chart.lock'): ChartLock {
  const doc = parseLocatedYaml(text, file)
  const r = new FieldReader(doc, file)
  const obj = doc.value === null || doc.value === undefined ? {} : r.map(doc.value, [])
  const lock: ChartLock = {
    dependencies: (r.list(obj, 'dependencies', []) ?? []).map((item, i) => {
      const path = ['dependencies', i]
      const d = r.map(item, path)
      return {
        name: r.string(d, 'name', path) ?? '',
        version: r.string(d, 'version', path) ?? '',
        repository: r.string(d, 'repository', path) ?? '',
      }
    }),
  }
  const generated = r.string(obj, 'generated', [])
  if (generated !== undefined) lock.generated = generated
  const digest = r.string(obj, 'digest', [])
  if (digest !== undefined) lock.digest = digest
  return lock
}
