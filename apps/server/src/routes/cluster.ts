import type { ClusterView } from '@slipway/api'
import { Router } from 'express'
import type { BackendProvider } from '../modules/backend.ts'

/** `GET /api/cluster`: whether a cluster is reachable, and how to connect one when it is not. */
export function clusterRoutes(backend: BackendProvider): Router {
  const router = Router()
  router.get('/', async (_req, res) => {
    let view: ClusterView
    try {
      view = { connected: true, server: (await backend()).server }
    } catch (err) {
      view = { connected: false, message: err instanceof Error ? err.message : String(err) }
    }
    res.json(view)
  })
  return router
}
