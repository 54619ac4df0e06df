import type { KubeClient as KubeClientType, ReleaseDetail, ReleaseSummary } from '@slipway/kube'
import type { BackendProvider, ReleaseBackend, ReleaseRecord, ReleaseRow } from './backend.ts'

/** Options of {@link kubeBackendProvider}. */
export interface KubeBackendOptions {
  /** Read for `KUBECONFIG` when no kubeconfig is given. */
  env?: NodeJS.ProcessEnv
  /** A kubeconfig file; default `KUBECONFIG`, `~/.kube/config` or the in-cluster service account. */
  kubeconfig?: string
  /** A kubeconfig context other than the current one. */
  context?: string
}

/**
 * Connects to the cluster through `@slipway/kube` on first use and keeps the connection; a
 * failed connection is retried on the next call, so connecting a cluster later needs no restart.
 * A missing cluster is a `NO_CLUSTER` error (503) whose message says how to connect one.
 */
export function kubeBackendProvider(options: KubeBackendOptions = {}): BackendProvider {
  let connecting: Promise<ReleaseBackend> | undefined
  return () => {
    connecting ??= connect(options).catch((err: unknown) => {
      connecting = undefined
      throw err
    })
    return connecting
  }
}

function row(s: ReleaseSummary): ReleaseRow {
  return {
    name: s.name,
    namespace: s.namespace,
    revision: s.revision,
    updated: s.updated,
    status: s.status,
    chartName: s.chartName,
    chartVersion: s.chartVersion,
    appVersion: s.appVersion,
    description: s.description,
  }
}

function record(d: ReleaseDetail): ReleaseRecord {
  const source = d.source
  return {
    ...row(d),
    notes: d.notes,
    values: d.values,
    manifest: d.manifest,
    ...(source
      ? {
          source: {
            ...(source.repository ? { repository: source.repository } : {}),
            ...(source.path ? { path: source.path } : {}),
            ...(source.version ? { version: source.version } : {}),
            ...(source.digest ? { digest: source.digest } : {}),
          },
        }
      : {}),
  }
}

async function connect(options: KubeBackendOptions): Promise<ReleaseBackend> {
  const { KubeClient, Releases } = await import('@slipway/kube')
  const kubeconfig = options.kubeconfig ?? options.env?.KUBECONFIG
  const client: KubeClientType = await KubeClient.connect({
    ...(kubeconfig ? { kubeconfig } : {}),
    ...(options.context ? { context: options.context } : {}),
  })
  const releases = new Releases(client)
  return {
    server: client.server,
    list: async () => (await releases.list(undefined)).map(row),
    get: async (namespace, name) => record(await releases.get(name, namespace)),
    history: async (namespace, name) => (await releases.history(name, namespace)).map(row),
    resources: async (namespace, name) =>
      (await releases.resources(name, namespace)).map((r) => ({
        apiVersion: r.apiVersion,
        kind: r.kind,
        name: r.name,
        ...(r.namespace ? { namespace: r.namespace } : {}),
        health: r.health,
        message: r.message,
      })),
    events: async (namespace, name) =>
      (await releases.events(name, namespace)).map((e) => ({
        type: e.type,
        reason: e.reason,
        message: e.message,
        kind: e.kind,
        name: e.name,
        namespace: e.namespace,
        time: e.time,
        count: e.count,
      })),
    deploy: async (input, onEvent) =>
      row(
        await releases.upgrade(
          {
            name: input.name,
            namespace: input.namespace,
            chart: input.chart,
            values: input.values,
            source: input.source,
            install: true,
            createNamespace: true,
          },
          onEvent,
        ),
      ),
    rollback: async (namespace, name, revision, onEvent) =>
      row(await releases.rollback(name, namespace, revision, {}, onEvent)),
    uninstall: async (namespace, name, onEvent) => {
      await releases.uninstall(name, namespace, {}, onEvent)
    },
  }
}
