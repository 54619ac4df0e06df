import { startServer, type AppOptions, type RunningServer } from '@slipway/server'

/** Starts the API on a free 127.0.0.1 port without the web UI. */
export function startApi(options: AppOptions = {}): Promise<RunningServer> {
  return startServer({ port: 0, host: '127.0.0.1', webRoot: '/nonexistent', ...options })
}

/** A JSON call to the running API: status and parsed body. */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any; text: string }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : undefined, text }
}

import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, join, normalize } from 'node:path'
import { helmPackage, type PackagedChart } from '../support/registry-content.ts'
import { helm, repoRoot } from '../support/tools.ts'

/** A fixture chart directory under test/fixtures/charts. */
export const fixtureChart = (name: string): string =>
  join(repoRoot, 'test', 'fixtures', 'charts', name)

/** Packages a fixture with the reference helm and pushes it with `helm push` to an open registry. */
export async function helmPush(
  chartName: string,
  registryHost: string,
  namespace = 'charts',
): Promise<PackagedChart> {
  const pkg = await helmPackage(fixtureChart(chartName))
  const pushed = await helm([
    'push',
    pkg.path,
    `oci://${registryHost}/${namespace}`,
    '--plain-http',
  ])
  if (pushed.code !== 0) throw new Error(`helm push failed: ${pushed.stderr}`)
  return pkg
}

/** A classic Helm repository (index.yaml made by `helm repo index`) served on 127.0.0.1. */
export async function serveHelmRepo(
  charts: PackagedChart[],
): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-repo-'))
  for (const c of charts) copyFileSync(c.path, join(dir, basename(c.path)))
  const server = createServer((req, res) => {
    const file = normalize(
      decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname),
    ).replace(/^\/+/, '')
    if (file.includes('..') || !file) {
      res.writeHead(404).end()
      return
    }
    try {
      res.writeHead(200).end(readFileSync(join(dir, file)))
    } catch {
      res.writeHead(404).end('not found')
    }
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const indexed = await helm(['repo', 'index', dir, '--url', url])
  if (indexed.code !== 0) throw new Error(`helm repo index failed: ${indexed.stderr}`)
  return { url, stop: () => new Promise((done) => server.close(() => done())) }
}
