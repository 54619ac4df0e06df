/**
 * A real OCI registry for tests: Debian's `docker-registry` (distribution v2.8) on a free
 * loopback port, with a recording HTTP proxy of ours in front of it so tests can count the
 * requests the registry saw.
 *
 * ```ts
 * const registry = await startRegistry()                 // anonymous, plain HTTP
 * const secured = await startRegistry({ auth: 'token', users: { alice: 's3cret' } })
 * // oci://${registry.host}/charts/demo ... registry.requests.manifests('charts/demo').length
 * await registry.stop()
 * ```
 *
 * - `auth: 'none'` (default): anyone may pull and push.
 * - `auth: 'basic'`: htpasswd (bcrypt) Basic auth for `users`.
 * - `auth: 'token'`: Bearer tokens from a token server of ours at `${url}/token` (served by the
 *   same proxy): JWTs signed with a key generated for this registry, granting what was asked to
 *   valid `users`, and pull (only) to anonymous callers when `anonymousPull` is set.
 *
 * Every registry process is killed on `stop()` and when the test process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import bcrypt from 'bcryptjs'
import { freePort } from './ports.ts'
import { RequestLog } from './registry-log.ts'
import {
  basicCredentials,
  createTokenIssuer,
  parseScopes,
  tokenIssuerName,
  type TokenIssuer,
} from './registry-token.ts'

export { RequestLog } from './registry-log.ts'
export type { LoggedRequest, RequestFilter } from './registry-log.ts'

/** The registry binary (Debian package `docker-registry`). */
export const registryBinary = '/usr/bin/docker-registry'

/** A running test registry. */
export interface TestRegistry {
  /** `http://127.0.0.1:PORT`: the recording proxy in front of the registry. */
  url: string
  /** `127.0.0.1:PORT`, for `oci://${host}/...` references. */
  host: string
  /** Requests counted at the registry: method, path, status (token requests included as `/token`). */
  requests: RequestLog
  /** The registry's own address, behind the proxy (requests made there are not counted). */
  directUrl: string
  /** Stops the proxy and the registry and removes its storage. */
  stop(): Promise<void>
}

/** How {@link startRegistry} secures the registry. */
export interface StartRegistryOptions {
  auth?: 'none' | 'basic' | 'token'
  /** User name → password, for `basic` and `token`. */
  users?: Record<string, string>
  /** With `token`: anonymous callers get pull tokens. */
  anonymousPull?: boolean
  /** With `token`: token lifetime in seconds (default 300). */
  tokenTtlSeconds?: number
}

const running = new Set<ChildProcess>()
let exitHookInstalled = false

function killOnExit(child: ChildProcess): void {
  running.add(child)
  child.once('exit', () => running.delete(child))
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.once('exit', () => {
    for (const c of running) c.kill('SIGKILL')
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const c of running) c.kill('SIGKILL')
      process.exit(130)
    })
  }
}

const tokenService = 'slipway-test-registry'

/** Starts a registry; see the module comment. */
export async function startRegistry(options: StartRegistryOptions = {}): Promise<TestRegistry> {
  // a free port can be taken by another process before the registry binds it: try again
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options)
    } catch (err) {
      const busy = /address already in use|EADDRINUSE/.test(String((err as Error).message))
      if (!busy || attempt >= 3) throw err
    }
  }
}

async function startOnce(options: StartRegistryOptions): Promise<TestRegistry> {
  const auth = options.auth ?? 'none'
  const users = options.users ?? {}
  const dir = mkdtempSync(join(tmpdir(), 'slipway-registry-'))
  const [registryPort, proxyPort] = await twoPorts()
  const url = `http://127.0.0.1:${proxyPort}`
  let issuer: TokenIssuer | undefined

  let authConfig = ''
  if (auth === 'basic') {
    const lines = Object.entries(users).map(([u, p]) => `${u}:${bcrypt.hashSync(p, 5)}`)
    writeFileSync(join(dir, 'htpasswd'), `${lines.join('\n')}\n`)
    authConfig = `auth:\n  htpasswd:\n    realm: slipway-test\n    path: ${join(dir, 'htpasswd')}\n`
  } else if (auth === 'token') {
    issuer = await createTokenIssuer()
    writeFileSync(join(dir, 'token.crt'), issuer.certPem)
    authConfig =
      `auth:\n  token:\n    realm: ${url}/token\n    service: ${tokenService}\n` +
      `    issuer: ${tokenIssuerName}\n    rootcertbundle: ${join(dir, 'token.crt')}\n`
  }
  writeFileSync(
    join(dir, 'config.yml'),
    `version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: ${join(dir, 'data')}
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: 127.0.0.1:${registryPort}
  secret: ${Math.random().toString(36).slice(2)}
${authConfig}`,
  )

  const child = spawn(registryBinary, ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  killOnExit(child)
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000)
  })
  const directUrl = `http://127.0.0.1:${registryPort}`
  const requests = new RequestLog()
  let proxy: Server | undefined
  const stop = async () => {
    await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()))
    proxy?.closeAllConnections()
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await waitForRegistry(directUrl, child, () => stderr)
    proxy = await startRecordingProxy(proxyPort, registryPort, requests, async (req, res) => {
      if (!issuer || !req.url?.startsWith('/token')) return false
      const params = new URL(req.url, url).searchParams
      const cred = basicCredentials(req)
      let subject = ''
      if (cred) {
        if (users[cred.username] === undefined || users[cred.username] !== cred.password) {
          res
            .writeHead(401, { 'Content-Type': 'application/json' })
            .end('{"details":"invalid credentials"}')
          return 401
        }
        subject = cred.username
      } else if (!options.anonymousPull) {
        res
          .writeHead(401, { 'Content-Type': 'application/json' })
          .end('{"details":"credentials required"}')
        return 401
      }
      const access = parseScopes(params)
        .filter((a) => a.type === 'repository')
        .map((a) => ({
          ...a,
          actions: subject ? a.actions : a.actions.filter((x) => x === 'pull'),
        }))
      const ttl = options.tokenTtlSeconds ?? 300
      const token = await issuer.sign({
        subject,
        audience: params.get('service') ?? tokenService,
        access,
        ttlSeconds: ttl,
      })
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(
        JSON.stringify({
          token,
          access_token: token,
          expires_in: ttl,
          issued_at: new Date().toISOString(),
        }),
      )
      return 200
    })
  } catch (err) {
    await stop()
    throw err
  }
  return { url, host: `127.0.0.1:${proxyPort}`, requests, directUrl, stop }
}

async function twoPorts(): Promise<[number, number]> {
  const a = await freePort()
  let b = await freePort()
  while (b === a) b = await freePort()
  return [a, b]
}

async function waitForRegistry(
  url: string,
  child: ChildProcess,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + 20_000
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`docker-registry exited with code ${child.exitCode}: ${stderr()}`)
    }
    try {
      const res = await fetch(`${url}/v2/`)
      await res.arrayBuffer()
      if (res.status === 200 || res.status === 401) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`docker-registry did not start at ${url}: ${stderr()}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

type LocalHandler = (req: IncomingMessage, res: ServerResponse) => Promise<number | false>

/** A proxy that forwards everything to the registry unchanged and records each exchange. */
function startRecordingProxy(
  port: number,
  targetPort: number,
  log: RequestLog,
  local: LocalHandler,
): Promise<Server> {
  const server = createServer((req, res) => {
    const method = req.method ?? 'GET'
    const path = req.url ?? '/'
    void local(req, res).then(
      (status) => {
        if (status !== false) {
          log.record({ method, path, status })
          return
        }
        const upstream = httpRequest(
          { host: '127.0.0.1', port: targetPort, method, path, headers: req.headers },
          (up) => {
            log.record({ method, path, status: up.statusCode ?? 0 })
            res.writeHead(up.statusCode ?? 502, up.rawHeaders)
            up.pipe(res)
          },
        )
        upstream.on('error', (err) => {
          log.record({ method, path, status: 502 })
          if (!res.headersSent) res.writeHead(502)
          res.end(String(err))
        })
        req.pipe(upstream)
      },
      (err: unknown) => {
        log.record({ method, path, status: 500 })
        res.writeHead(500).end(String(err))
      },
    )
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}
