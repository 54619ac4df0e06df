import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApp, type AppOptions } from './app.ts'

export interface ServerOptions extends AppOptions {
  port?: number
  host?: string
}

export interface RunningServer {
  url: string
  server: Server
  close(): Promise<void>
}

/** Starts the dashboard; port 0 picks a free port (tests). */
export function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const app = createApp(options)
  const host = options.host ?? '127.0.0.1'
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port ?? 3000, host)
    server.once('error', reject)
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        server,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}
