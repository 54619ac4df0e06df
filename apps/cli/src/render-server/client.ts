// The client side of the render server, built on its own into dist/render-client.cjs: the
// smallest code that can hand `slipway template` to a running server, so that a run which
// finds one never loads the engine. Anything unusual (no server yet, a remote chart, a server
// gone) ends in the command running in this process, as it would without a server.
import { spawn } from 'node:child_process'
import { closeSync, lstatSync, mkdirSync, openSync, statSync, unlinkSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  FrameReader,
  frameType,
  isChartAddress,
  startingMark,
  startingTimeoutMs,
  type RenderServerStatus,
} from './protocol.ts'

export interface ClientContext {
  /** The command line, without node and script. */
  argv: string[]
  /** Where the bundles are: the server's identity is that of the render bundle. */
  dist: string
  /** The script that starts a `slipway` process (bin/slipway.js). */
  script: string
  /** Runs the command in this process instead. */
  runInProcess(): void
}

const defaultIdleSeconds = 900

/** On unless SLIPWAY_RENDER_SERVER says off; where CI is set, only when it says on. */
export function renderServerEnabled(env: NodeJS.ProcessEnv): boolean {
  const setting = env.SLIPWAY_RENDER_SERVER?.toLowerCase()
  if (setting === '0' || setting === 'false' || setting === 'off') return false
  if (setting === '1' || setting === 'true' || setting === 'on') return true
  const ci = env.CI?.toLowerCase()
  return !ci || ci === '0' || ci === 'false'
}

/** A directory only this user can enter, made if missing; undefined when that cannot be had. */
function privateDir(dir: string): string | undefined {
  try {
    mkdirSync(dir, { mode: 0o700 })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return undefined
  }
  try {
    const info = lstatSync(dir)
    const ours = process.getuid === undefined || info.uid === process.getuid()
    return info.isDirectory() && ours && (info.mode & 0o077) === 0 ? dir : undefined
  } catch {
    return undefined
  }
}

// FNV-1a: a short name from a few numbers, without loading node:crypto
function fnv1a(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

/**
 * The server's socket: in a private directory (SLIPWAY_RENDER_SERVER_DIR, else
 * $XDG_RUNTIME_DIR/slipway, else TMPDIR/slipway-UID), named after the render bundle's identity
 * and the Node that runs it, so that a rebuilt or upgraded CLI never talks to an old server.
 */
export function renderServerSocket(env: NodeJS.ProcessEnv, dist: string): string | undefined {
  const base =
    env.SLIPWAY_RENDER_SERVER_DIR ||
    (env.XDG_RUNTIME_DIR
      ? join(env.XDG_RUNTIME_DIR, 'slipway')
      : join(tmpdir(), `slipway-${process.getuid?.() ?? 'user'}`))
  const dir = privateDir(base)
  if (!dir) return undefined
  const bundle = statSync(join(dist, 'slipway-render.cjs'))
  const id = fnv1a(
    [dist, bundle.size, bundle.mtimeMs, bundle.ino, process.version, process.execPath].join('\0'),
  )
  const path = join(dir, `render-${id}.sock`)
  // the longest path a Unix socket address holds, on Linux and macOS alike
  return Buffer.byteLength(path) < 104 ? path : undefined
}

/** True when this client gets to start the server: no other one is starting it. */
function claimStart(socket: string): boolean {
  const mark = startingMark(socket)
  const make = () => {
    closeSync(openSync(mark, 'wx', 0o600))
    return true
  }
  try {
    return make()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return false
  }
  try {
    // a server that never came up (its log says why): try again
    if (Date.now() - statSync(mark).mtimeMs < startingTimeoutMs) return false
    unlinkSync(mark)
    return make()
  } catch {
    return false
  }
}

function startServer(ctx: ClientContext, socket: string): void {
  const seconds = Number(process.env.SLIPWAY_RENDER_SERVER_IDLE)
  const idle = seconds > 0 ? seconds : defaultIdleSeconds
  // what the server says if it fails to start or dies, for whoever wonders why
  const log = openSync(`${socket}.log`, 'w', 0o600)
  try {
    spawn(
      process.execPath,
      [
        // the V8 flags of this process (the launcher's), which the bundle's code cache was made
        // with: other flags would make V8 reject it
        ...process.execArgv,
        ctx.script,
        'render-server',
        'serve',
        '--socket',
        socket,
        '--idle-timeout',
        String(idle),
        '--warm-up',
        join(ctx.dist, '..', 'code-cache', 'chart'),
      ],
      {
        // its own session, away from the terminal, out of any directory someone may remove
        detached: true,
        stdio: ['ignore', 'ignore', log],
        cwd: '/',
        // this very command, so that its next run finds its chart loaded and parsed (in the
        // environment, which only this user can read, as --set values may be secrets)
        env: {
          ...process.env,
          SLIPWAY_RENDER_SERVER_FIRST: JSON.stringify({ argv: ctx.argv, cwd: process.cwd() }),
        },
      },
    ).unref()
  } finally {
    closeSync(log)
  }
}

type Say = (message: string) => void

/** Sends `request` and hands each frame of the answer to `onFrame`; `onEnd` when it closes. */
function ask(
  socket: string,
  request: object,
  onFrame: (type: number, payload: Buffer) => void,
  onEnd: (err?: NodeJS.ErrnoException) => void,
): void {
  const conn = connect(socket)
  const reader = new FrameReader()
  let failed: NodeJS.ErrnoException | undefined
  conn.on('connect', () => conn.write(`${JSON.stringify(request)}\n`))
  conn.on('data', (chunk: Buffer) => {
    for (const f of reader.push(chunk)) onFrame(f.type, f.payload)
  })
  conn.on('error', (err: NodeJS.ErrnoException) => {
    failed = err
  })
  conn.on('close', () => onEnd(failed))
}

/**
 * False when the command line names a remote chart (`--repo`, `oci://...`), which a server
 * leaves to the client (see servesCommand): no server is started for it. A flag value that
 * looks like an address only costs a server not started.
 */
export function mayServe(argv: string[]): boolean {
  return !argv.some((arg) => arg === '--repo' || arg.startsWith('--repo=') || isChartAddress(arg))
}

/** `slipway template`: through the server when one runs, else in this process (starting one). */
function runTemplate(ctx: ClientContext, say: Say): void {
  const env = process.env
  if (!renderServerEnabled(env)) {
    say('render server off (SLIPWAY_RENDER_SERVER, CI): rendering in this process')
    return ctx.runInProcess()
  }
  const socket = renderServerSocket(env, ctx.dist)
  if (!socket) {
    say('no private directory for the render server socket: rendering in this process')
    return ctx.runInProcess()
  }
  let output = false
  let done = false
  const fallBack = (why: string) => {
    done = true
    say(`${why}: rendering in this process`)
    ctx.runInProcess()
  }
  const request = { op: 'run', argv: ctx.argv, cwd: process.cwd(), env }
  ask(
    socket,
    request,
    (type, payload) => {
      if (type === frameType.stdout || type === frameType.stderr) {
        output = true
        ;(type === frameType.stdout ? process.stdout : process.stderr).write(payload)
      } else if (type === frameType.exit) {
        done = true
        process.exitCode = Number(payload.toString())
        say(`rendered by the render server (${socket})`)
      } else if (type === frameType.declined) {
        fallBack('the render server leaves this command to the client')
      }
    },
    (err) => {
      if (done) return
      if (err && (err.code === 'ENOENT' || err.code === 'ECONNREFUSED')) {
        if (!mayServe(ctx.argv)) return fallBack('no render server for a remote chart')
        // parallel first runs (make -j) start one server, not one each
        if (!claimStart(socket)) return fallBack('render server starting elsewhere')
        // once this run is done: on two cores, a server starting beside it would slow it down
        process.once('exit', () => startServer(ctx, socket))
        return fallBack('render server starting')
      }
      if (!output) return fallBack(`render server failed (${err?.code ?? 'closed'})`)
      process.stderr.write('Error: the render server stopped before the command finished\n')
      process.exitCode = 1
    },
  )
}

/** `slipway render-server status|stop`. */
function control(ctx: ClientContext, action: string): void {
  const socket = renderServerSocket(process.env, ctx.dist)
  const notRunning = (code: number) => {
    process.stdout.write('render server: not running\n')
    process.exitCode = code
  }
  if (!socket) return notRunning(action === 'stop' ? 0 : 1)
  let answered = false
  ask(
    socket,
    { op: action },
    (type, payload) => {
      answered = true
      if (type === frameType.status) {
        const s = JSON.parse(payload.toString()) as RenderServerStatus
        process.stdout.write(
          `render server: running\npid: ${s.pid}\nsocket: ${s.socket}\nuptime: ${s.uptime}s\nrenders served: ${s.served}\ncharts kept: ${s.charts}\nmemory: ${Math.round(s.rss / 1048576)} MB\n`,
        )
      } else if (type === frameType.exit) {
        process.stdout.write('render server: stopped\n')
      }
    },
    () => {
      if (!answered) notRunning(action === 'stop' ? 0 : 1)
    },
  )
}

/**
 * Runs `slipway template` or `slipway render-server status|stop`; any other command line runs
 * in this process. SLIPWAY_DEBUG_RENDER_SERVER=1 tells on stderr how the command ran.
 */
export function main(ctx: ClientContext): void {
  const say: Say = process.env.SLIPWAY_DEBUG_RENDER_SERVER
    ? (message) => process.stderr.write(`slipway: ${message}\n`)
    : () => {}
  const [command, action] = ctx.argv
  if (command === 'template') return runTemplate(ctx, say)
  if (
    command === 'render-server' &&
    (action === 'status' || action === 'stop') &&
    ctx.argv.length === 2
  )
    return control(ctx, action)
  ctx.runInProcess()
}
