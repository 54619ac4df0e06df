import { existsSync, readFileSync } from 'node:fs'
import { request as httpsRequest } from 'node:https'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { HttpError } from '../errors.ts'

/** Where Kubernetes mounts a pod's service account. */
export const serviceAccountDir = '/var/run/secrets/kubernetes.io/serviceaccount'

/** How to reach the Kubernetes API from inside a pod. */
export interface InClusterConfig {
  server: string
  token: string
  ca?: string
  namespace: string
}

/**
 * The in-cluster configuration when running in a pod with a service account
 * (`KUBERNETES_SERVICE_HOST` set and a token mounted), else undefined.
 */
export function detectInCluster(env: NodeJS.ProcessEnv = process.env): InClusterConfig | undefined {
  const dir = env.SLIPWAY_SERVICEACCOUNT_DIR || serviceAccountDir
  const host = env.KUBERNETES_SERVICE_HOST
  if (!host || !existsSync(join(dir, 'token'))) return undefined
  const port = env.KUBERNETES_SERVICE_PORT || '443'
  const read = (name: string) =>
    existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8').trim() : undefined
  const scheme = env.SLIPWAY_KUBE_SCHEME === 'http' ? 'http' : 'https'
  const ca = read('ca.crt')
  return {
    server: `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    token: read('token') ?? '',
    ...(ca ? { ca } : {}),
    namespace: env.SLIPWAY_NAMESPACE || read('namespace') || 'default',
  }
}

/** A JSON response of the Kubernetes API. */
export interface KubeResponse {
  status: number
  body: unknown
}

/** One JSON request to the Kubernetes API with the service account's token. */
export function kubeRequest(
  config: InClusterConfig,
  method: string,
  path: string,
  body?: unknown,
): Promise<KubeResponse> {
  const url = new URL(path, config.server)
  const payload = body === undefined ? undefined : JSON.stringify(body)
  const send = url.protocol === 'http:' ? httpRequest : httpsRequest
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${config.token}`,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
        ...(config.ca ? { ca: config.ca } : {}),
        timeout: 15_000,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: unknown = text
          try {
            parsed = text ? JSON.parse(text) : undefined
          } catch {
            // not JSON: keep the text for the error message
          }
          resolve({ status: res.statusCode ?? 0, body: parsed })
        })
      },
    )
    req.on('timeout', () =>
      req.destroy(
        new HttpError(
          'TIMEOUT',
          504,
          `The Kubernetes API at ${config.server} did not answer in time`,
        ),
      ),
    )
    req.on('error', (err) =>
      reject(
        err instanceof HttpError
          ? err
          : new HttpError(
              'CLUSTER_UNREACHABLE',
              503,
              `Cannot reach the Kubernetes API at ${config.server}: ${err.message}`,
              undefined,
              err,
            ),
      ),
    )
    req.end(payload)
  })
}
