import { existsSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import { UsageError, type Command } from '../command.ts'
import { serveRenders } from '../render-server/server.ts'
import { renderCommands } from './table.ts'

const usage = `slipway render-server status|stop

"slipway template" of a local chart is run by a render server, started on first use and
stopped after 15 minutes without a render (SLIPWAY_RENDER_SERVER_IDLE, in seconds), so that
renders after the first skip Node's start-up work. SLIPWAY_RENDER_SERVER=0 turns it off; it is
off where CI is set unless SLIPWAY_RENDER_SERVER=1.

  status   print the running server's process, socket, renders served and memory
  stop     stop it

The client starts the server itself with: slipway render-server serve --socket PATH
[--idle-timeout SECONDS] [--warm-up CHART_DIR]: the training chart, and the command that
started it (JSON {argv, cwd} in SLIPWAY_RENDER_SERVER_FIRST, kept out of the process's command
line, which other users can read), are rendered once, their output dropped.`

/** The command whose run started the server, if it said which. */
function firstCommand(json: string | undefined): { argv: string[]; cwd: string } | undefined {
  if (!json) return undefined
  try {
    const { argv, cwd } = JSON.parse(json) as { argv?: unknown; cwd?: unknown }
    if (Array.isArray(argv) && argv.every((a) => typeof a === 'string') && typeof cwd === 'string')
      return { argv: argv as string[], cwd }
  } catch {
    // not from a client: no first command
  }
  return undefined
}

/** `slipway render-server serve`: the server's process (status and stop are the client's). */
export const command: Command = {
  name: 'render-server',
  summary: 'the process that runs "slipway template" for later invocations',
  usage,
  options: {
    socket: { type: 'string' },
    'idle-timeout': { type: 'string' },
    'warm-up': { type: 'string' },
  },
  async run(args, flags, io) {
    if (args[0] !== 'serve' || args.length > 1) {
      throw new UsageError(
        args[0] === 'status' || args[0] === 'stop'
          ? `"slipway render-server ${args[0]}" needs the built CLI (pnpm build): the render server runs from it`
          : `Usage: ${usage}`,
      )
    }
    const socket = flags.socket
    if (typeof socket !== 'string' || !isAbsolute(socket))
      throw new UsageError('--socket must be an absolute path')
    const idle = Number(flags['idle-timeout'] ?? 900)
    if (!(idle > 0)) throw new UsageError('--idle-timeout must be a number of seconds above 0')
    const warmUp: { argv: string[]; cwd: string }[] = []
    const first = firstCommand(io.env.SLIPWAY_RENDER_SERVER_FIRST)
    if (first) warmUp.push(first)
    const training = flags['warm-up']
    if (typeof training === 'string' && existsSync(training)) {
      const argv = ['template', 'warm-up', training, '--set', 'ingress.enabled=true']
      warmUp.push({ argv, cwd: '/' })
    }
    await serveRenders({
      socket,
      table: { commands: renderCommands, aliases: {} },
      idleMs: idle * 1000,
      warmUp,
      parserWarmUp:
        typeof training === 'string' && existsSync(training)
          ? { chart: training, rounds: 8 }
          : undefined,
    })
  },
}
