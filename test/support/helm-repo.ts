/**
 * A classic Helm chart repository for tests: a static HTTP server on 127.0.0.1 serving an
 * index.yaml and chart archives from memory, optionally behind Basic auth.
 *
 * ```ts
 * const repo = await startHelmRepo()
 * repo.addChart(archiveBytes, { name: 'demo', version: '1.0.0' })            // relative URL
 * repo.addChart(otherBytes, { name: 'demo', version: '1.1.0', absolute: true })
 * // helm pull --repo ${repo.url} demo --version ^1 ... / loadChartFromSource({ repo: repo.url, name: 'demo' })
 * await repo.stop()
 * ```
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { stringify } from 'yaml'
import { freePort } from './ports.ts'

/** A chart version listed in the index. */
export interface RepoEntry {
  name: string
  version: string
  apiVersion?: string
  appVersion?: string
  description?: string
  /** Serve the archive under this path (default `charts/NAME-VERSION.tgz`). */
  path?: string
  /** List an absolute URL in the index instead of a relative one. */
  absolute?: boolean
}

/** A running test repository. */
export interface HelmRepo {
  /** Base URL, e.g. `http://127.0.0.1:40123/stable` (no trailing slash). */
  url: string
  /** Paths requested so far, in order. */
  requests: string[]
  /** Serves `archive` and lists it in index.yaml. */
  addChart(archive: Uint8Array, entry: RepoEntry): void
  /** Serves any file at `path` (relative to the base URL). */
  addFile(path: string, data: Uint8Array | string): void
  /** Replaces index.yaml with raw text (for malformed-index tests); `undefined` goes back to the generated one. */
  setRawIndex(text: string | undefined): void
  stop(): Promise<void>
}

/** Options of {@link startHelmRepo}. */
export interface HelmRepoOptions {
  /** URL path the repository lives under (default `/stable`). */
  basePath?: string
  /** Require these Basic credentials for every request. */
  auth?: { username: string; password: string }
  /** Serve HTTPS with this PEM key and certificate (the URL then starts with https://). */
  tls?: { key: string | Buffer; cert: string | Buffer }
}

/** Starts a test Helm repository. */
export async function startHelmRepo(options: HelmRepoOptions = {}): Promise<HelmRepo> {
  const basePath = (options.basePath ?? '/stable').replace(/\/$/, '')
  const port = await freePort()
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}${basePath}`
  const files = new Map<string, Uint8Array>()
  const entries: Record<string, Array<Record<string, unknown>>> = {}
  const requests: string[] = []
  let rawIndex: string | undefined

  const indexYaml = () =>
    rawIndex ?? stringify({ apiVersion: 'v1', entries, generated: '2024-01-01T00:00:00Z' })

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    requests.push(path)
    if (options.auth) {
      const expected = `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`
      if (req.headers.authorization !== expected) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="charts"' }).end('unauthorized\n')
        return
      }
    }
    if (!path.startsWith(`${basePath}/`)) {
      res.writeHead(404).end('not found\n')
      return
    }
    const rel = path.slice(basePath.length + 1)
    if (rel === 'index.yaml') {
      res.writeHead(200, { 'Content-Type': 'application/x-yaml' }).end(indexYaml())
      return
    }
    const data = files.get(rel)
    if (!data) {
      res.writeHead(404).end('not found\n')
      return
    }
    res
      .writeHead(200, { 'Content-Type': 'application/gzip', 'Content-Length': data.length })
      .end(Buffer.from(data))
  }
  const server: Server = options.tls
    ? createHttpsServer(options.tls, handler)
    : createServer(handler)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })

  return {
    url,
    requests,
    addChart(archive, entry) {
      const rel = entry.path ?? `charts/${entry.name}-${entry.version}.tgz`
      files.set(rel, archive)
      const listed: Record<string, unknown> = {
        apiVersion: entry.apiVersion ?? 'v2',
        name: entry.name,
        version: entry.version,
        urls: [entry.absolute ? `${url}/${rel}` : rel],
        digest: createHash('sha256').update(archive).digest('hex'),
        created: '2024-01-01T00:00:00Z',
      }
      if (entry.appVersion) listed['appVersion'] = entry.appVersion
      if (entry.description) listed['description'] = entry.description
      ;(entries[entry.name] ??= []).push(listed)
    },
    addFile(path, data) {
      files.set(
        path.replace(/^\//, ''),
        typeof data === 'string' ? new TextEncoder().encode(data) : data,
      )
    },
    setRawIndex(text) {
      rawIndex = text
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
