import { checkChartQuery, type ChartView, type VersionList } from '@slipway/api'
import { Router, type Request } from 'express'
import type { ChartCache } from '../charts/chart-cache.ts'
import type { ChartLoader } from '../charts/loader.ts'
import { toChartView } from '../charts/chart-view.ts'
import { explainChartError } from '../charts/explain.ts'
import { badRequest } from '../errors.ts'
import type { ServerLimits } from '../limits.ts'
import { withTimeout } from '../timeout.ts'

function query(req: Request, requireVersion = false) {
  const q = req.query
  const pick = (k: string) => (typeof q[k] === 'string' ? q[k] : undefined)
  const checked = checkChartQuery(
    { repository: pick('repository'), path: pick('path'), version: pick('version') },
    { requireVersion },
  )
  if (!checked.ok) throw badRequest(checked.issues)
  return checked.value
}

/** `GET /api/charts/versions` (a chart's versions, newest first) and `GET /api/charts` (load one). */
export function chartRoutes(loader: ChartLoader, limits: ServerLimits, cache?: ChartCache): Router {
  const router = Router()
  router.get('/versions', async (req, res) => {
    const q = query(req)
    const versions = await withTimeout(limits.versionListTimeoutMs, 'Listing versions', (signal) =>
      loader.versions({ repository: q.repository, path: q.path }, signal),
    ).catch(async (err: unknown) => {
      throw await explainChartError(err, q, loader, true)
    })
    res.json({ repository: q.repository, path: q.path, versions } satisfies VersionList)
  })
  router.get('/', async (req, res) => {
    const q = query(req)
    const loaded = await withTimeout(limits.chartLoadTimeoutMs, 'Loading the chart', (signal) =>
      loader.load(q, signal),
    ).catch(async (err: unknown) => {
      throw await explainChartError(err, q, loader, false)
    })
    const view = toChartView(q, loaded)
    cache?.remember(loaded)
    res.json(view satisfies ChartView)
  })
  return router
}
