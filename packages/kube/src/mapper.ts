/** Discovery-based mapping of apiVersion/kind to API paths, and the cluster's capabilities. */
import type { KubeClient } from './client.ts'
import { KubeError } from './errors.ts'

/** A served resource. */
export interface ResourceInfo {
  group: string
  version: string
  resource: string
  kind: string
  namespaced: boolean
}

interface ResourceList {
  groupVersion: string
  resources: Array<{ name: string; kind: string; namespaced: boolean }>
}

/** Maps kinds to resources through discovery; refreshes once when a kind is unknown (new CRDs). */
export class Mapper {
  private byGvk: Map<string, ResourceInfo> | undefined
  private gvs: string[] = []
  private version: string | undefined

  constructor(private readonly client: KubeClient) {}

  /** Forgets discovery (after CRDs were created). */
  reset(): void {
    this.byGvk = undefined
  }

  private async load(): Promise<Map<string, ResourceInfo>> {
    if (this.byGvk) return this.byGvk
    const map = new Map<string, ResourceInfo>()
    const groups = await this.client.request<{
      groups: Array<{ versions: Array<{ groupVersion: string }> }>
    }>('GET', '/apis')
    const gvs = ['v1', ...groups.groups.flatMap((g) => g.versions.map((v) => v.groupVersion))]
    const lists = await Promise.all(
      gvs.map((gv) =>
        this.client
          .request<ResourceList>('GET', gv === 'v1' ? '/api/v1' : `/apis/${gv}`)
          .catch(() => ({ groupVersion: gv, resources: [] }) as ResourceList),
      ),
    )
    for (const list of lists) {
      const [group, version] = list.groupVersion.includes('/')
        ? list.groupVersion.split('/')
        : ['', list.groupVersion]
      for (const r of list.resources) {
        if (r.name.includes('/')) continue
        map.set(`${list.groupVersion}/${r.kind}`, {
          group: group as string,
          version: version as string,
          resource: r.name,
          kind: r.kind,
          namespaced: r.namespaced,
        })
      }
    }
    this.gvs = gvs
    this.byGvk = map
    return map
  }

  /** Every served kind, by `apiVersion/Kind`. */
  async all(): Promise<Map<string, ResourceInfo>> {
    return new Map(await this.load())
  }

  /** The resource serving `apiVersion`/`kind`; throws `UNKNOWN_KIND` when the cluster has none. */
  async lookup(apiVersion: string, kind: string): Promise<ResourceInfo> {
    let hit = (await this.load()).get(`${apiVersion}/${kind}`)
    if (!hit) {
      this.reset()
      hit = (await this.load()).get(`${apiVersion}/${kind}`)
    }
    if (!hit) {
      throw new KubeError(
        'UNKNOWN_KIND',
        `resource mapping not found for kind "${kind}" in version "${apiVersion}": ensure CRDs are installed first`,
      )
    }
    return hit
  }

  /** `.Capabilities.APIVersions`: every `group/version` and `group/version/Kind`. */
  async apiVersions(): Promise<string[]> {
    const map = await this.load()
    return [...new Set([...this.gvs, ...[...map.keys()]])]
  }

  /** The server's version without the leading `v` (`1.31.0`). */
  async kubeVersion(): Promise<string> {
    if (!this.version) {
      const v = await this.client.request<{ gitVersion: string }>('GET', '/version')
      this.version = String(v.gitVersion)
        .replace(/^v/, '')
        .replace(/[-+].*$/, '')
    }
    return this.version
  }
}

/** The API path of a resource (collection when `name` is absent). */
export function resourcePath(
  info: ResourceInfo,
  namespace: string | undefined,
  name?: string,
): string {
  const base = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`
  const ns = info.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : ''
  return `${base}${ns}/${info.resource}${name !== undefined ? `/${encodeURIComponent(name)}` : ''}`
}
