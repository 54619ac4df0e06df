/**
 * Helm's `lookup` for rendering against a live cluster. Templates call it synchronously, so each
 * call is a blocking GET made by a worker thread while the renderer waits on a shared flag.
 */
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads'
import type { KubeClient } from './client.ts'
import { resourcePath, type Mapper, type ResourceInfo } from './mapper.ts'
import { requestTimeoutMs } from './limits.ts'

/** The function `@slipway/render` calls for `lookup API KIND NAMESPACE NAME`. */
export type SyncLookup = (
  apiVersion: string,
  kind: string,
  namespace: string,
  name: string,
) => unknown

const workerSource = `
const { workerData } = require('node:worker_threads')
const http = require('node:http')
const https = require('node:https')
const { port, flag } = workerData
port.on('message', ({ url, options }) => {
  const done = (result) => {
    port.postMessage(result)
    Atomics.store(flag, 0, 1)
    Atomics.notify(flag, 0)
  }
  const req = (url.startsWith('https:') ? https : http).request(url, options, (res) => {
    const chunks = []
    res.on('data', (c) => chunks.push(c))
    res.on('end', () => done({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }))
    res.on('error', (e) => done({ status: 0, body: String(e && e.message) }))
  })
  req.on('error', (e) => done({ status: 0, body: String(e && e.message) }))
  req.setTimeout(${requestTimeoutMs}, () => req.destroy(new Error('timed out')))
  req.end()
})
`

/** A blocking lookup bound to one cluster; call `close()` when the render is done. */
export class LiveLookup {
  private worker: Worker | undefined
  private port: MessagePort | undefined
  private readonly flag = new Int32Array(new SharedArrayBuffer(4))

  private constructor(
    private readonly client: KubeClient,
    private readonly resources: Map<string, ResourceInfo>,
    private readonly request: { headers: Record<string, string>; tls: Record<string, unknown> },
  ) {}

  // started on the first call: most charts never look anything up
  private start(): MessagePort {
    if (!this.port) {
      const { port1, port2 } = new MessageChannel()
      this.port = port1
      this.worker = new Worker(workerSource, {
        eval: true,
        workerData: { port: port2, flag: this.flag },
        transferList: [port2],
      })
      this.worker.unref()
    }
    return this.port
  }

  /** Prepares a lookup: discovery and credentials are resolved here, before rendering starts. */
  static async create(client: KubeClient, mapper: Mapper): Promise<LiveLookup> {
    const resources = await mapper.all()
    const opts = await client.requestOptions('GET', '/version')
    const { headers, ca, cert, key, rejectUnauthorized, servername } = opts as Record<
      string,
      unknown
    >
    const tls: Record<string, unknown> = {}
    for (const [k, v] of Object.entries({ ca, cert, key, rejectUnauthorized, servername }))
      if (v !== undefined) tls[k] = v
    return new LiveLookup(client, resources, {
      headers: (headers ?? {}) as Record<string, string>,
      tls,
    })
  }

  private get(path: string): { status: number; body: string } {
    const port = this.start()
    Atomics.store(this.flag, 0, 0)
    port.postMessage({
      url: this.client.server + path,
      options: {
        method: 'GET',
        headers: { ...this.request.headers, Accept: 'application/json' },
        ...this.request.tls,
      },
    })
    Atomics.wait(this.flag, 0, 0, requestTimeoutMs + 1000)
    const msg = receiveMessageOnPort(port)
    return (
      (msg?.message as { status: number; body: string } | undefined) ?? {
        status: 0,
        body: 'no answer',
      }
    )
  }

  /** Helm's semantics: the object (or a list when `name` is empty); an empty map when missing. */
  readonly lookup: SyncLookup = (apiVersion, kind, namespace, name) => {
    const info = this.resources.get(`${apiVersion}/${kind}`)
    if (!info) return {}
    const r = this.get(resourcePath(info, namespace || undefined, name || undefined))
    if (r.status === 404) return {}
    if (r.status !== 200)
      throw new Error(
        `lookup ${apiVersion} ${kind} ${namespace} ${name}: ${r.status === 0 ? r.body : `HTTP ${r.status}`}`,
      )
    return JSON.parse(r.body) as unknown
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    this.port?.close()
    await this.worker?.terminate()
  }
}
