import type { RegistryCredentialView } from '@slipway/api'
import { kubeRequest, type InClusterConfig } from '../cluster/in-cluster.ts'
import { HttpError } from '../errors.ts'
import type { RegistryStore } from './store.ts'

/** Label on the Secrets Slipway creates for registry logins. */
export const managedByLabel = 'app.kubernetes.io/managed-by'
const dockerConfigType = 'kubernetes.io/dockerconfigjson'

interface SecretObject {
  metadata: { name: string; labels?: Record<string, string>; resourceVersion?: string }
  type?: string
  data?: Record<string, string>
}

interface Login {
  registry: string
  username: string
  password: string
  secretName: string
  editable: boolean
}

/** `registry.example.com:5000` → `slipway-registry-registry-example-com-5000`. */
export function secretNameFor(registry: string): string {
  const slug = registry
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `slipway-registry-${slug}`.slice(0, 253)
}

function hostOf(key: string): string {
  return key
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase()
}

function decodeLogins(secret: SecretObject): Login[] {
  const raw = secret.data?.['.dockerconfigjson']
  if (!raw) return []
  let config: { auths?: Record<string, { auth?: string; username?: string; password?: string }> }
  try {
    config = JSON.parse(Buffer.from(raw, 'base64').toString('utf8'))
  } catch {
    return []
  }
  const editable = secret.metadata.labels?.[managedByLabel] === 'slipway'
  return Object.entries(config.auths ?? {}).flatMap(([key, entry]) => {
    let username = entry.username ?? ''
    let password = entry.password ?? ''
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      if (colon > 0) {
        username = decoded.slice(0, colon)
        password = decoded.slice(colon + 1)
      }
    }
    return username
      ? [{ registry: hostOf(key), username, password, secretName: secret.metadata.name, editable }]
      : []
  })
}

function failure(status: number, body: unknown, what: string): HttpError {
  const message = (body as { message?: string })?.message ?? `status ${status}`
  if (status === 401 || status === 403) {
    return new HttpError('FORBIDDEN', 403, `Slipway's service account may not ${what}: ${message}`)
  }
  return new HttpError(
    'CLUSTER_UNREACHABLE',
    502,
    `The Kubernetes API refused to ${what}: ${message}`,
  )
}

/**
 * Logins kept in the cluster as `kubernetes.io/dockerconfigjson` Secrets in Slipway's namespace.
 * Every such Secret is used for pulls; only the ones Slipway created can be changed here.
 */
export function secretRegistryStore(config: InClusterConfig): RegistryStore {
  const base = `/api/v1/namespaces/${encodeURIComponent(config.namespace)}/secrets`

  async function logins(): Promise<Login[]> {
    const res = await kubeRequest(
      config,
      'GET',
      `${base}?fieldSelector=${encodeURIComponent(`type=${dockerConfigType}`)}`,
    )
    if (res.status !== 200)
      throw failure(res.status, res.body, `list Secrets in ${config.namespace}`)
    const items = ((res.body as { items?: SecretObject[] })?.items ?? []).filter(
      (s) => s.type === dockerConfigType,
    )
    // Slipway's own Secrets win over others for the same host
    return items.flatMap(decodeLogins).sort((a, b) => Number(b.editable) - Number(a.editable))
  }

  return {
    async list() {
      const seen = new Set<string>()
      const registries: RegistryCredentialView[] = []
      for (const l of await logins()) {
        if (seen.has(l.registry)) continue
        seen.add(l.registry)
        registries.push({
          registry: l.registry,
          username: l.username,
          source: 'secret',
          secretName: l.secretName,
          editable: l.editable,
        })
      }
      return { storage: 'secret', registries }
    },
    async put(input) {
      const name = secretNameFor(input.registry)
      const auth = Buffer.from(`${input.username}:${input.password}`).toString('base64')
      const dockerConfig = JSON.stringify({
        auths: { [input.registry]: { username: input.username, password: input.password, auth } },
      })
      const secret: SecretObject & { apiVersion: string; kind: string } = {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name, labels: { [managedByLabel]: 'slipway' } },
        type: dockerConfigType,
        data: { '.dockerconfigjson': Buffer.from(dockerConfig).toString('base64') },
      }
      const created = await kubeRequest(config, 'POST', base, secret)
      if (created.status === 201 || created.status === 200) return
      if (created.status !== 409)
        throw failure(created.status, created.body, `create Secret ${name}`)
      const replaced = await kubeRequest(config, 'PUT', `${base}/${name}`, secret)
      if (replaced.status !== 200)
        throw failure(replaced.status, replaced.body, `update Secret ${name}`)
    },
    async remove(registry) {
      const name = secretNameFor(registry)
      const res = await kubeRequest(config, 'DELETE', `${base}/${name}`)
      if (res.status === 404) return false
      if (res.status !== 200 && res.status !== 202)
        throw failure(res.status, res.body, `delete Secret ${name}`)
      return true
    },
    async lookup(host) {
      const found = (await logins()).find((l) => l.registry === host.toLowerCase())
      return found ? { username: found.username, password: found.password } : undefined
    },
  }
}
