// The render server: a resident process that runs `slipway template` for clients on a Unix
// socket. A fresh Node process interprets the whole engine cold every time; a resident one
// renders with code that is already compiled and with the parsed templates of charts it has
// seen (loaded again from disk for every request, and reused only when the files are
// byte for byte the same).
import { chmodSync, lstatSync, statSync, unlinkSync } from 'node:fs'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { Writable } from 'node:stream'
import { parseArgs } from 'node:util'
import type { Chart } from '@slipway/chart'
import { LoadedChartCache, loadChartDir } from '@slipway/chart/node'
import { TemplateSet } from '@slipway/gotemplate'
import { renderChart } from '@slipway/render'
import type { CommandIO } from '../command.ts'
import type { CommandTable } from '../commands/table.ts'
import { dispatch } from '../dispatch.ts'
import { globalOptions } from '../global-flags.ts'
import {
  encodeFrame,
  frameType,
  isChartAddress,
  maxRequestBytes,
  parseRequest,
  startingMark,
  type RenderServerRequest,
  type RenderServerStatus,
} from './protocol.ts'

export interface RenderServerOptions {
  /** The socket's path; its directory is the client's to secure. */
  socket: string
  /** The table the commands are run from. */
  table: CommandTable
  /** Stop after this long without a request. */
  idleMs: number
  /**
   * Commands run once at start, their output dropped: the one whose run started the server (so
   * that its next run finds its chart parsed), and a training chart (warm code for any chart).
   */
  warmUp?: { argv: string[]; cwd: string }[]
  /**
   * A chart rendered this many more times once the commands are done, its templates parsed anew
   * each time: the parse cache spares later runs the parser, which leaves it cold for the first
   * render of the next chart.
   */
  parserWarmUp?: { chart: string; rounds: number }
}

/** Renders `chart` once, parsing every template again (no parse cache). */
function renderParsingAnew(chart: Chart): void {
  renderChart(
    chart,
    {},
    {
      releaseName: 'warm-up',
      createTemplateSet: (init) =>
        new TemplateSet({ funcs: init.funcs, missingKey: init.missingKey, limits: init.limits }),
    },
  )
}

/** A command this server runs for a client: `template` of a local chart, in the same time zone. */
export async function servesCommand(
  table: CommandTable,
  argv: string[],
  env: Record<string, string>,
): Promise<boolean> {
  const load = table.commands.template
  if (argv[0] !== 'template' || !load) return false
  // `date` formats in the zone Node took at start
  if (env.TZ !== process.env.TZ) return false
  const { command } = await load()
  const { values, positionals } = parseArgs({
    args: argv.slice(1),
    options: { ...globalOptions, ...command.options },
    allowPositionals: true,
    strict: false,
  })
  // a remote chart needs the client's credentials and caches, and the network is the cost
  if (values.repo !== undefined) return false
  return !positionals.some(isChartAddress)
}

/** Writes what a command writes as frames of one type on the socket. */
function frameStream(socket: Socket, type: number): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!socket.destroyed) socket.write(encodeFrame(type, chunk))
      done()
    },
  })
}

const discard = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done()
    },
  })

/** True when a server answers on `socket`. */
function answers(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(socket)
    probe.once('connect', () => {
      probe.destroy()
      resolve(true)
    })
    probe.once('error', () => resolve(false))
  })
}

function inode(path: string): number | undefined {
  try {
    return statSync(path).ino
  } catch {
    return undefined
  }
}

/**
 * Serves until stopped (a `stop` request, `idleMs` without requests, or the socket file
 * removed or replaced). Returns at once when another server already answers on the socket.
 */
export async function serveRenders(options: RenderServerOptions): Promise<void> {
  const { socket: path, table } = options
  try {
    if (!lstatSync(path).isSocket()) throw new Error(`${path} exists and is not a socket`)
    if (await answers(path)) return
    // a server that died left its socket behind
    unlinkSync(path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }

  const loadedCharts = new LoadedChartCache()
  const started = Date.now()
  let served = 0
  let queue: Promise<void> = Promise.resolve()
  let idle: NodeJS.Timeout | undefined
  let stopping = false
  let stop: () => void = () => {}
  const stopped = new Promise<void>((resolve) => {
    stop = () => {
      stopping = true
      resolve()
    }
  })
  const touch = () => {
    clearTimeout(idle)
    if (!stopping) idle = setTimeout(stop, options.idleMs)
  }

  // No full collections forced between renders: they shrink the heap, and the next render
  // (of a chart new to the server above all) pays for growing it again, page by page.
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const done = queue.then(task)
    queue = done.then(
      () => undefined,
      () => undefined,
    )
    return done
  }
  const run = (argv: string[], io: CommandIO) => enqueue(() => dispatch(table, argv, io))

  const answer = async (socket: Socket, request: RenderServerRequest) => {
    if (request.op === 'stop') {
      socket.end(encodeFrame(frameType.exit, '0'))
      stop()
      return
    }
    if (request.op === 'status') {
      const status: RenderServerStatus = {
        pid: process.pid,
        socket: path,
        uptime: Math.round((Date.now() - started) / 1000),
        served,
        charts: loadedCharts.size,
        rss: process.memoryUsage.rss(),
      }
      socket.end(encodeFrame(frameType.status, JSON.stringify(status)))
      return
    }
    if (!(await servesCommand(table, request.argv, request.env))) {
      socket.end(encodeFrame(frameType.declined, ''))
      return
    }
    const io: CommandIO = {
      stdout: frameStream(socket, frameType.stdout),
      stderr: frameStream(socket, frameType.stderr),
      cwd: request.cwd,
      env: request.env,
      loadedCharts,
    }
    let code = 1
    try {
      code = await run(request.argv, io)
    } catch (err) {
      io.stderr.write(`Error: ${(err as Error).message}\n`)
    }
    served++
    if (!socket.destroyed) socket.end(encodeFrame(frameType.exit, String(code)))
  }

  const onConnection = (socket: Socket) => {
    touch()
    socket.on('error', () => socket.destroy())
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      const end = chunk.indexOf(0x0a)
      chunks.push(end < 0 ? chunk : chunk.subarray(0, end))
      size += chunk.length
      if (end < 0) {
        if (size > maxRequestBytes) socket.destroy()
        return
      }
      socket.off('data', onData)
      let request: RenderServerRequest
      try {
        request = parseRequest(Buffer.concat(chunks).toString('utf8'))
      } catch (err) {
        socket.end(
          encodeFrame(frameType.stderr, `Error: render server: ${(err as Error).message}\n`),
        )
        return
      }
      // a server fault: the client, having had no exit code, runs the command itself
      void answer(socket, request)
        .catch(() => socket.destroy())
        .finally(touch)
    }
    socket.on('data', onData)
  }

  const server: Server = createServer(onConnection)
  const listening = await new Promise<boolean>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      // another server started in the same moment
      err.code === 'EADDRINUSE' ? resolve(false) : reject(err),
    )
    server.listen(path, () => resolve(true))
  })
  if (!listening) return
  chmodSync(path, 0o600)
  const ino = inode(path)
  try {
    unlinkSync(startingMark(path))
  } catch {
    // started by hand, not by a client
  }
  touch()
  // someone removed the socket, or a newer server took its place: nobody can reach this one
  const watch = setInterval(() => {
    if (inode(path) !== ino) stop()
  }, 30_000)

  const env = { ...process.env } as Record<string, string>
  for (const { argv, cwd } of options.warmUp ?? []) {
    // once is enough: more runs of the same chart barely change a first render of another
    if (!(await servesCommand(table, argv, env))) continue
    void run(argv, { stdout: discard(), stderr: discard(), cwd, env, loadedCharts })
  }
  // one render at a time, each queued when the last is done: a client's run waits for one at most
  const { chart: dir, rounds = 0 } = options.parserWarmUp ?? {}
  const chart = dir ? loadChartDir(dir, { loadedCharts }) : undefined
  // (a chart that fails to load only ends the warm-up, in warmParser's catch)
  chart?.catch(() => undefined)
  const warmParser = (left: number): void => {
    if (!chart || left <= 0 || stopping) return
    void enqueue(async () => renderParsingAnew(await chart))
      .catch(() => undefined)
      .then(() => warmParser(left - 1))
  }
  warmParser(rounds)

  await stopped
  clearTimeout(idle)
  // refuses new connections at once, and waits for the runs under way
  clearInterval(watch)
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (inode(path) === ino) {
    try {
      unlinkSync(path)
    } catch {
      // gone already
    }
  }
}
