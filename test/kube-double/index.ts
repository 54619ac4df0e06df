/**
 * A Kubernetes API server test double: enough of kube-apiserver for Slipway, kubectl and helm
 * (discovery, CRUD, patches, server-side apply, watches, Tables, garbage collection), in memory.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo, Socket } from 'node:net'
import { startKubelet } from './kubelet.ts'
import { isObj } from './patch.ts'
import { handle } from './server.ts'
import { Store, type RejectRule } from './store.ts'

export {
  Store,
  failAnnotation,
  rejectAnnotation,
  type RejectRule,
  type WatchEvent,
  type WriteOp,
} from './store.ts'
export type { ResourceType } from './catalog.ts'

/** Options of {@link startKubeDouble}. */
export interface KubeDoubleOptions {
  /** Port on 127.0.0.1; a free one when omitted. */
  port?: number
  /** Mark workloads ready (or failed) as a cluster would. */
  kubelet?: boolean
  /** Delay before the kubelet mode reacts to a change, in ms (default 20). */
  kubeletDelayMs?: number
  /** Keep the state in this JSON file across restarts. */
  stateFile?: string
  /**
   * Require `Authorization: Bearer TOKEN` on every API request (401 otherwise). The kubeconfig
   * the double writes carries the token either way. kubectl and helm send no token over plain
   * HTTP, so a double with a token serves Slipway's own client only.
   */
  token?: string
}

/** A running double. */
export interface KubeDouble {
  /** `http://127.0.0.1:PORT`. */
  url: string
  /** A kubeconfig file (in a fresh temporary directory) pointing at the double. */
  kubeconfigPath: string
  /** Writes another kubeconfig pointing at the double. */
  writeKubeconfig(path: string): void
  /** The state, for assertions and rejection rules. */
  store: Store
  /** Rejects writes of the matching object with 422 Invalid until the returned function is called. */
  rejectObject(
    match: { kind: string; name?: string; namespace?: string },
    message: string,
  ): () => void
  /** Makes the kubelet mode fail a workload (Deployment, Job, Pod, ...) from now on. */
  failWorkload(kind: string, namespace: string, name: string): void
  stop(): Promise<void>
}

/** A kubeconfig for a server URL. */
export function kubeconfigFor(
  url: string,
  namespace = 'default',
  token = 'kube-double-token',
): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: kube-double',
    '  cluster:',
    `    server: ${url}`,
    'users:',
    '- name: kube-double',
    '  user:',
    `    token: ${token}`,
    'contexts:',
    '- name: kube-double',
    '  context:',
    '    cluster: kube-double',
    '    user: kube-double',
    `    namespace: ${namespace}`,
    'current-context: kube-double',
    '',
  ].join('\n')
}

/** Starts the double on 127.0.0.1. */
export async function startKubeDouble(options: KubeDoubleOptions = {}): Promise<KubeDouble> {
  const store = new Store(options.stateFile)
  const failing = new Set<string>()
  const stopKubelet = options.kubelet
    ? startKubelet(store, failing, options.kubeletDelayMs)
    : () => {}
  const rules = new Set<() => void>()
  const rejectObject = (
    match: { kind: string; name?: string; namespace?: string },
    message: string,
  ): (() => void) => {
    const rule: RejectRule = (type, obj) => {
      const md = isObj(obj.metadata) ? obj.metadata : {}
      if (type.kind !== match.kind) return undefined
      if (match.name !== undefined && md.name !== match.name) return undefined
      if (match.namespace !== undefined && md.namespace !== match.namespace) return undefined
      return message
    }
    const remove = store.reject(rule)
    rules.add(remove)
    return () => {
      remove()
      rules.delete(remove)
    }
  }
  const failWorkload = (kind: string, namespace: string, name: string): void => {
    failing.add(`${kind}/${namespace}/${name}`)
  }
  const control = (req: IncomingMessage, body: unknown): unknown => {
    const path = (req.url ?? '').split('?')[0]
    const b = isObj(body) ? body : {}
    if (path === '/_double/reject' && req.method === 'POST') {
      rejectObject(
        {
          kind: String(b.kind),
          name: b.name as string | undefined,
          namespace: b.namespace as string | undefined,
        },
        String(b.message ?? 'rejected by test'),
      )
    } else if (path === '/_double/fail' && req.method === 'POST') {
      failWorkload(String(b.kind), String(b.namespace), String(b.name))
    } else if (path === '/_double/reset' && req.method === 'POST') {
      for (const r of [...rules]) r()
      failing.clear()
    }
    return { ok: true }
  }
  const sockets = new Set<Socket>()
  const token = options.token ?? 'kube-double-token'
  const server = createServer((req, res) => {
    if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) {
      const body = JSON.stringify({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      })
      res.writeHead(401, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      })
      res.end(body)
      return
    }
    void handle(store, req, res, control)
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  const writeKubeconfig = (path: string): void =>
    writeFileSync(path, kubeconfigFor(url, 'default', token), { mode: 0o600 })
  const kubeconfigPath = join(mkdtempSync(join(tmpdir(), 'kube-double-')), 'kubeconfig')
  writeKubeconfig(kubeconfigPath)
  return {
    url,
    kubeconfigPath,
    writeKubeconfig,
    store,
    rejectObject,
    failWorkload,
    async stop() {
      stopKubelet()
      store.save()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const s of sockets) s.destroy()
      })
    },
  }
}
