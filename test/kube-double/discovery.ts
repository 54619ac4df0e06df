/** Discovery documents (`/api`, `/apis`, per group/version, aggregated v2) and a minimal OpenAPI v3. */
import { allVerbs, groupVersion, scalable, type ResourceType } from './catalog.ts'

/** The version the double reports: the kubectl it is tested with. */
export const serverVersion = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.0',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2024-08-13T07:28:49Z',
  goVersion: 'go1.22.5',
  compiler: 'gc',
  platform: 'linux/amd64',
}

function groupsOf(types: ResourceType[]): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const t of types) {
    if (!t.group) continue
    const vs = groups.get(t.group) ?? []
    if (!vs.includes(t.version)) vs.push(t.version)
    groups.set(t.group, vs)
  }
  return groups
}

// "v2" sorts before "v1" the way Kubernetes orders versions (GA by number, highest first)
const versionOrder = (a: string, b: string): number => {
  const num = (v: string): number =>
    /^v\d+$/.test(v)
      ? Number(v.slice(1)) * 1000
      : /^v\d+beta/.test(v)
        ? Number(v.slice(1).split('b')[0]) * 10
        : 0
  return num(b) - num(a)
}

/** `/api`. */
export function coreVersions(): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }],
  }
}

/** `/apis`. */
export function groupList(types: ResourceType[]): Record<string, unknown> {
  const groups = [...groupsOf(types)].map(([name, versions]) => {
    const sorted = [...versions].sort(versionOrder)
    const gvs = sorted.map((version) => ({ groupVersion: `${name}/${version}`, version }))
    return { name, versions: gvs, preferredVersion: gvs[0] }
  })
  return { kind: 'APIGroupList', apiVersion: 'v1', groups }
}

/** `/apis/GROUP`. */
export function group(types: ResourceType[], name: string): Record<string, unknown> | undefined {
  const versions = groupsOf(types).get(name)
  if (!versions) return undefined
  const gvs = [...versions]
    .sort(versionOrder)
    .map((version) => ({ groupVersion: `${name}/${version}`, version }))
  return { kind: 'APIGroup', apiVersion: 'v1', name, versions: gvs, preferredVersion: gvs[0] }
}

function resourceEntries(types: ResourceType[]): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = []
  for (const t of types) {
    out.push({
      name: t.resource,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: [...allVerbs],
      ...(t.shortNames ? { shortNames: t.shortNames } : {}),
      ...(t.categories ? { categories: t.categories } : {}),
      storageVersionHash: Buffer.from(`${t.group}/${t.resource}`).toString('base64').slice(0, 11),
    })
    if (t.hasStatus)
      out.push({
        name: `${t.resource}/status`,
        singularName: '',
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: ['get', 'patch', 'update'],
      })
    if (scalable.has(t.resource))
      out.push({
        name: `${t.resource}/scale`,
        singularName: '',
        namespaced: true,
        group: 'autoscaling',
        version: 'v1',
        kind: 'Scale',
        verbs: ['get', 'patch', 'update'],
      })
    if (t.kind === 'Pod')
      out.push({
        name: 'pods/log',
        singularName: '',
        namespaced: true,
        kind: 'Pod',
        verbs: ['get'],
      })
  }
  return out
}

/** `/api/v1` or `/apis/GROUP/VERSION`. */
export function resourceList(
  types: ResourceType[],
  group: string,
  version: string,
): Record<string, unknown> | undefined {
  const matching = types.filter((t) => t.group === group && t.version === version)
  if (matching.length === 0) return undefined
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion({ group, version }),
    resources: resourceEntries(matching),
  }
}

/** The aggregated discovery document (`apidiscovery.k8s.io/v2`) of `/api` or `/apis`. */
export function aggregated(types: ResourceType[], core: boolean): Record<string, unknown> {
  const groups = core ? new Map([['', ['v1']]]) : groupsOf(types)
  const items = [...groups].map(([name, versions]) => ({
    metadata: { name, creationTimestamp: null },
    versions: [...versions].sort(versionOrder).map((version) => ({
      version,
      freshness: 'Current',
      resources: types
        .filter((t) => t.group === name && t.version === version)
        .map((t) => ({
          resource: t.resource,
          responseKind: { group: t.group, version: t.version, kind: t.kind },
          scope: t.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: t.singular,
          verbs: [...allVerbs],
          ...(t.shortNames ? { shortNames: t.shortNames } : {}),
          ...(t.categories ? { categories: t.categories } : {}),
          ...(t.hasStatus
            ? {
                subresources: [
                  {
                    subresource: 'status',
                    responseKind: { group: t.group, version: t.version, kind: t.kind },
                    verbs: ['get', 'patch', 'update'],
                  },
                ],
              }
            : {}),
        })),
    })),
  }))
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items,
  }
}

/** `/openapi/v3`: one entry per group/version. */
export function openapiIndex(types: ResourceType[]): Record<string, unknown> {
  const paths: Record<string, unknown> = {}
  for (const t of types) {
    const key = t.group ? `apis/${t.group}/${t.version}` : 'api/v1'
    paths[key] = {
      serverRelativeURL: `/openapi/v3/${key}?hash=${t.crd ? 'C' : 'B'}${types.length}`,
    }
  }
  return { paths }
}

/**
 * `/openapi/v3/apis/GROUP/VERSION`: just enough for kubectl and helm to learn that PATCH accepts
 * `fieldValidation`, so they leave validation to the server instead of needing full schemas.
 */
export function openapiGroupVersion(
  types: ResourceType[],
  group: string,
  version: string,
): Record<string, unknown> | undefined {
  const matching = types.filter((t) => t.group === group && t.version === version)
  if (matching.length === 0) return undefined
  const prefix = group ? `/apis/${group}/${version}` : '/api/v1'
  const paths: Record<string, unknown> = {}
  const params = ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({
    name,
    in: 'query',
    schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true },
  }))
  for (const t of matching) {
    const path = t.namespaced
      ? `${prefix}/namespaces/{namespace}/${t.resource}/{name}`
      : `${prefix}/${t.resource}/{name}`
    const gvk = { group: t.group, version: t.version, kind: t.kind }
    paths[path] = {
      patch: {
        operationId: `patch${t.kind}`,
        parameters: params,
        responses: { '200': { description: 'OK' } },
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': gvk,
      },
    }
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.31.0' },
    paths,
    components: { schemas: {} },
  }
}
