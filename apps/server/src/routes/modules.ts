import { checkModuleRequest, type PreviewView } from '@slipway/api'
import { renderChart } from '@slipway/render'
import { Router } from 'express'
import type { ChartCache } from '../charts/chart-cache.ts'
import { badRequest } from '../errors.ts'
import type { ServerLimits } from '../limits.ts'
import { withTimeout } from '../timeout.ts'

/** `POST /api/modules/preview`: render what Save would apply, without a cluster. */
export function moduleRoutes(charts: ChartCache, limits: ServerLimits): Router {
  const router = Router()
  router.post('/preview', async (req, res) => {
    const checked = checkModuleRequest(req.body)
    if (!checked.ok) throw badRequest(checked.issues)
    const request = checked.value
    const loaded = await withTimeout(limits.chartLoadTimeoutMs, 'Loading the chart', (signal) => charts.get(request.chart, signal))
    const result = renderChart(loaded.chart, request.values, { releaseName: request.name, namespace: request.namespace })
    const view: PreviewView = {
      manifests: result.manifests.map((m) => ({
        template: m.name,
        apiVersion: m.head.apiVersion,
        kind: m.head.kind,
        name: m.head.metadata?.name ?? '',
        content: m.content,
      })),
      ...(result.notes ? { notes: result.notes } : {}),
    }
    res.json(view)
  })
  return router
}
