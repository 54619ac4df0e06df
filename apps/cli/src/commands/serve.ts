import type { Command } from '../command.ts'

export const command: Command = {
  name: 'serve',
  summary: 'Start the Slipway dashboard (web UI and API on one port).',
  usage: 'slipway serve [--port 3000] [--host 127.0.0.1]',
  options: {
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
  },
  async run(_args, flags, io) {
    const { startServer } = await import('@slipway/server')
    const port = Number(flags.port ?? io.env.PORT ?? 3000)
    const running = await startServer({ port, host: (flags.host as string) ?? '127.0.0.1' })
    io.stdout.write(`Slipway is serving at ${running.url}\n`)
    await new Promise(() => {}) // serve until the process is stopped
  },
}
