import { HttpError } from '../errors.ts'
import type { BackendProvider, ReleaseBackend } from './backend.ts'

/** Options of {@link kubeBackendProvider}. */
export interface KubeBackendOptions {
  env?: NodeJS.ProcessEnv
  /** A kubeconfig file; default `KUBECONFIG`, `~/.kube/config` or the in-cluster service account. */
  kubeconfig?: string
}

const howToConnect =
  'Point Slipway at a cluster: set KUBECONFIG to a kubeconfig file (or put one at ~/.kube/config) and restart `slipway serve`, or install Slipway inside the cluster with deploy/.'

/**
 * Connects to the cluster through `@slipway/kube` on first use and keeps the connection; a
 * failed connection is retried on the next call, so starting a cluster later needs no restart.
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

async function connect(_options: KubeBackendOptions): Promise<ReleaseBackend> {
  const kube = (await import('@slipway/kube')) as Record<string, unknown>
  if (typeof kube.Releases !== 'function') {
    throw new HttpError('CLUSTER_UNREACHABLE', 503, `Deploying is not available yet: this build has no release manager. ${howToConnect}`)
  }
  throw new HttpError('CLUSTER_UNREACHABLE', 503, `No cluster connected. ${howToConnect}`)
}
