import { UsageError, type Command } from '../command.ts'

export const command: Command = {
  name: 'serve',
  summary: 'Start the Slipway dashboard (web UI and API on one port).',
  usage:
    'slipway serve [--port 3000] [--host 127.0.0.1] [--web-root DIR] [--kubeconfig FILE] [--kube-context NAME] [--registry-config FILE]',
  options: {
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    'web-root': { type: 'string' },
  },
  async run(_args, flags, io) {
    const { startServer } = await import('@slipway/server')
    const rawPort = (flags.port as string | undefined) ?? io.env.PORT ?? '3000'
    const port = Number(rawPort)
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`invalid --port "${rawPort}": a number from 0 to 65535`)
    }
    const env: NodeJS.ProcessEnv = { ...io.env }
    // logins added in the dashboard go where `helm registry login` would put them
    if (typeof flags['registry-config'] === 'string')
      env.HELM_REGISTRY_CONFIG = flags['registry-config']
    const kubeconfig = typeof flags.kubeconfig === 'string' ? flags.kubeconfig : undefined
    const kubeContext =
      typeof flags['kube-context'] === 'string' ? flags['kube-context'] : undefined
    const webRoot = typeof flags['web-root'] === 'string' ? flags['web-root'] : undefined
    const running = await startServer({
      port,
      ...(webRoot ? { webRoot } : {}),
      host: (flags.host as string | undefined) ?? '127.0.0.1',
      env,
      ...(kubeconfig ? { kubeconfig } : {}),
      ...(kubeContext ? { kubeContext } : {}),
    })
    io.stdout.write(`Slipway is serving at ${running.url}\n`)
    await new Promise(() => {}) // serve until the process is stopped
  },
}
