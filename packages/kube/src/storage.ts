/** Release records in Secrets, exactly as Helm's secrets driver keeps them. */
import type { KubeClient } from './client.ts'
import { KubeError, isStatus } from './errors.ts'
import { maxReleaseRecordBytes } from './limits.ts'
import { decodeRelease, encodeRelease, recordName, type HelmRelease } from './record.ts'
import type { KubeObject } from './types.ts'

const secretsPath = (ns: string): string => `/api/v1/namespaces/${encodeURIComponent(ns)}/secrets`

/** Reads and writes release records. */
export class ReleaseStorage {
  constructor(private readonly client: KubeClient) {}

  private secret(rel: HelmRelease, stamp: 'createdAt' | 'modifiedAt'): KubeObject {
    const stored = encodeRelease(rel)
    if (stored.length > maxReleaseRecordBytes) {
      throw new KubeError(
        'RELEASE_TOO_LARGE',
        `release "${rel.name}" revision ${rel.version} is ${stored.length} bytes encoded, more than the ${maxReleaseRecordBytes} a Secret can hold: the chart (templates and files) is too large`,
        { release: `${rel.namespace}/${rel.name}` },
      )
    }
    return {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: recordName(rel.name, rel.version),
        namespace: rel.namespace,
        labels: {
          name: rel.name,
          owner: 'helm',
          status: rel.info.status,
          version: String(rel.version),
          [stamp]: String(Math.floor(Date.now() / 1000)),
        },
      },
      type: 'helm.sh/release.v1',
      data: { release: Buffer.from(stored).toString('base64') },
    }
  }

  /**
   * Creates a revision's record. Creation is the lock Helm relies on: when another writer made
   * the same revision first, this fails with `RELEASE_BUSY`.
   */
  async create(rel: HelmRelease): Promise<void> {
    try {
      await this.client.request('POST', secretsPath(rel.namespace), {
        body: this.secret(rel, 'createdAt'),
      })
    } catch (err) {
      if (isStatus(err, 409)) {
        throw new KubeError(
          'RELEASE_BUSY',
          `another operation on release "${rel.name}" in namespace "${rel.namespace}" is in progress (revision ${rel.version} was just created by someone else); try again when it has finished`,
          { release: `${rel.namespace}/${rel.name}`, cause: err },
        )
      }
      throw err
    }
  }

  /** Rewrites a revision's record (status changes). */
  async update(rel: HelmRelease): Promise<void> {
    const name = recordName(rel.name, rel.version)
    await this.client.request('PUT', `${secretsPath(rel.namespace)}/${encodeURIComponent(name)}`, {
      body: this.secret(rel, 'modifiedAt'),
    })
  }

  /** Deletes a revision's record. */
  async delete(name: string, namespace: string, revision: number): Promise<void> {
    try {
      await this.client.request(
        'DELETE',
        `${secretsPath(namespace)}/${encodeURIComponent(recordName(name, revision))}`,
      )
    } catch (err) {
      if (!isStatus(err, 404)) throw err
    }
  }

  /** Every record (of one release, one namespace, or all namespaces). */
  async list(namespace: string | undefined, name?: string): Promise<HelmRelease[]> {
    const path = namespace ? secretsPath(namespace) : '/api/v1/secrets'
    const labelSelector = name ? `owner=helm,name=${name}` : 'owner=helm'
    const list = await this.client.request<{ items: KubeObject[] }>('GET', path, {
      query: { labelSelector },
    })
    const out: HelmRelease[] = []
    for (const s of list.items) {
      const data = (s.data ?? {}) as Record<string, string>
      if (!data.release) continue
      try {
        const rel = decodeRelease(Buffer.from(data.release, 'base64').toString('utf8'))
        // the Secret's status label is what Helm trusts when they disagree
        const label = s.metadata?.labels?.status
        if (label && rel.info) rel.info.status = label as HelmRelease['info']['status']
        if (!rel.namespace) rel.namespace = String(s.metadata?.namespace ?? '')
        out.push(rel)
      } catch {
        // an unreadable record is skipped, as Helm's driver does when listing
      }
    }
    return out.sort(
      (a, b) =>
        a.namespace.localeCompare(b.namespace) ||
        a.name.localeCompare(b.name) ||
        a.version - b.version,
    )
  }

  /** All revisions of a release, oldest first. */
  async history(name: string, namespace: string): Promise<HelmRelease[]> {
    return this.list(namespace, name)
  }

  /** One revision, or the latest when `revision` is absent. */
  async get(name: string, namespace: string, revision?: number): Promise<HelmRelease> {
    const all = await this.history(name, namespace)
    const rel =
      revision === undefined ? all[all.length - 1] : all.find((r) => r.version === revision)
    if (!rel) {
      if (revision !== undefined && all.length) {
        throw new KubeError(
          'REVISION_NOT_FOUND',
          `release "${name}" in namespace "${namespace}" has no revision ${revision}`,
          { release: `${namespace}/${name}` },
        )
      }
      throw new KubeError(
        'RELEASE_NOT_FOUND',
        `release "${name}" not found in namespace "${namespace}"`,
        { release: `${namespace}/${name}` },
      )
    }
    return rel
  }
}
