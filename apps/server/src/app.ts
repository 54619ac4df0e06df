import express, { type Express } from 'express'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Where the built web UI lives (apps/web/dist), served on the same port as the API. */
export const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url))

export interface AppOptions {
  webRoot?: string
}

/** The Express application: the API under /api, the web UI everywhere else. */
export function createApp(options: AppOptions = {}): Express {
  const app = express()
  app.disable('x-powered-by')
  app.use(express.json({ limit: '10mb' }))
  app.get('/api/health', (_req, res) => {
    res.json({ ok: true })
  })
  const webRoot = options.webRoot ?? defaultWebRoot
  if (existsSync(webRoot)) {
    app.use(express.static(webRoot))
    // client-side routes fall back to the single page
    app.get(/^(?!\/api\/).*/, (_req, res) => {
      res.sendFile('index.html', { root: webRoot })
    })
  }
  return app
}
