import type { ChartQuery } from './charts.ts'
import type { ApiErrorBody, FieldIssue } from './errors.ts'
import type { ModuleRequest } from './modules.ts'
import type { RegistryCredentialInput } from './registries.ts'

/** The result of a validator: the typed value, or every issue found. */
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] }

/** Longest accepted repository URL, chart path, version or name (bytes of text). */
export const MAX_FIELD_LENGTH = 2048

// Kubernetes names: DNS-1123 labels; Helm release names are at most 53 characters.
const releaseName = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const MAX_RELEASE_NAME = 53
const MAX_NAMESPACE = 63

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function text(
  input: Record<string, unknown>,
  field: string,
  issues: FieldIssue[],
  label: string,
  required: boolean,
): string {
  const v = input[field]
  if (v === undefined || v === null || v === '') {
    if (required) issues.push({ field, message: `${label} is required` })
    return ''
  }
  if (typeof v !== 'string') {
    issues.push({ field, message: `${label} must be text` })
    return ''
  }
  const s = v.trim()
  if (required && s === '') issues.push({ field, message: `${label} is required` })
  if (s.length > MAX_FIELD_LENGTH) issues.push({ field, message: `${label} is too long` })
  return s
}

/** True for a JSON error body of the API. */
export function isApiErrorBody(v: unknown): v is ApiErrorBody {
  return isRecord(v) && typeof v.code === 'string' && typeof v.message === 'string'
}

/**
 * Checks a repository/path/version query. The repository must be an `oci://`, `http://` or
 * `https://` URL; the path must not climb out of it.
 */
export function checkChartQuery(
  input: unknown,
  options: { requireVersion?: boolean } = {},
): Checked<ChartQuery> {
  const issues: FieldIssue[] = []
  const rec = isRecord(input) ? input : {}
  const repository = text(rec, 'repository', issues, 'Repository', true).replace(/\/+$/, '')
  const path = text(rec, 'path', issues, 'Path', true).replace(/^\/+|\/+$/g, '')
  const version = text(rec, 'version', issues, 'Version', options.requireVersion === true)
  if (repository && !/^(oci|https?):\/\/[^/\s]+/i.test(repository)) {
    issues.push({
      field: 'repository',
      message:
        'Repository must start with oci://, https:// or http:// (for example oci://ghcr.io/org/charts)',
    })
  }
  if (
    path &&
    (/\s/.test(path) || path.split('/').some((seg) => seg === '..' || seg === '.' || seg === ''))
  ) {
    issues.push({
      field: 'path',
      message: 'Path must be a chart name such as "demo" or "team/demo"',
    })
  }
  if (version && /\s/.test(version))
    issues.push({ field: 'version', message: 'Version must not contain spaces' })
  if (issues.length > 0) return { ok: false, issues }
  return { ok: true, value: version ? { repository, path, version } : { repository, path } }
}

/** Checks a registry login before it is stored. */
export function checkRegistryInput(input: unknown): Checked<RegistryCredentialInput> {
  const issues: FieldIssue[] = []
  const rec = isRecord(input) ? input : {}
  const registry = text(rec, 'registry', issues, 'Registry', true)
    .replace(/^(oci|https?):\/\//i, '')
    .replace(/\/.*$/, '')
  const username = text(rec, 'username', issues, 'Username', true)
  const password = typeof rec.password === 'string' ? rec.password : ''
  if (!password) issues.push({ field: 'password', message: 'Password is required' })
  if (registry && !/^[a-z0-9.-]+(:\d+)?$/i.test(registry)) {
    issues.push({
      field: 'registry',
      message: 'Registry must be a host name, optionally with a port',
    })
  }
  if (issues.length > 0) return { ok: false, issues }
  return { ok: true, value: { registry: registry.toLowerCase(), username, password } }
}

/** Checks a module name as Helm checks release names. */
export function checkModuleName(name: string): string | undefined {
  if (!name) return 'Name is required'
  if (name.length > MAX_RELEASE_NAME) return `Name must be at most ${MAX_RELEASE_NAME} characters`
  if (!releaseName.test(name)) {
    return 'Name must be lower-case letters, digits and dashes, starting and ending with a letter or digit'
  }
  return undefined
}

/** Checks a namespace name (a DNS-1123 label). */
export function checkNamespace(namespace: string): string | undefined {
  if (!namespace) return 'Namespace is required'
  if (namespace.length > MAX_NAMESPACE)
    return `Namespace must be at most ${MAX_NAMESPACE} characters`
  if (!releaseName.test(namespace)) return 'Namespace must be lower-case letters, digits and dashes'
  return undefined
}

/** Checks the body of a Save (`POST /api/modules`). */
export function checkModuleRequest(input: unknown): Checked<ModuleRequest> {
  const issues: FieldIssue[] = []
  const rec = isRecord(input) ? input : {}
  const name = typeof rec.name === 'string' ? rec.name.trim() : ''
  const namespace = typeof rec.namespace === 'string' ? rec.namespace.trim() : ''
  const nameIssue = checkModuleName(name)
  if (nameIssue) issues.push({ field: 'name', message: nameIssue })
  const nsIssue = checkNamespace(namespace)
  if (nsIssue) issues.push({ field: 'namespace', message: nsIssue })
  const chart = checkChartQuery(rec.chart, { requireVersion: true })
  if (!chart.ok)
    issues.push(...chart.issues.map((i) => ({ field: `chart.${i.field}`, message: i.message })))
  if (!isRecord(rec.values)) issues.push({ field: 'values', message: 'Values must be an object' })
  const digest =
    isRecord(rec.chart) && typeof rec.chart.digest === 'string' ? rec.chart.digest : undefined
  if (issues.length > 0 || !chart.ok) return { ok: false, issues }
  const request: ModuleRequest = {
    name,
    namespace,
    chart: { ...chart.value, version: chart.value.version ?? '', ...(digest ? { digest } : {}) },
    values: rec.values as Record<string, unknown>,
  }
  if (rec.dryRun === true) request.dryRun = true
  return { ok: true, value: request }
}
