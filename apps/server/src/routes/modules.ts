import {
  checkModuleRequest,
  checkModuleName,
  checkNamespace,
  type ModuleRequest,
  type PreviewView,
} from '@slipway/api'
import { isRenderError, renderChart, type RenderResult } from '@slipway/render'
import { Router, type Request } from 'express'
import type { ChartCache } from '../charts/chart-cache.ts'
import type { LoadedChart } from '../charts/chart-view.ts'
import { badRequest, HttpError } from '../errors.ts'
import type { ServerLimits } from '../limits.ts'
import type { BackendProvider } from '../modules/backend.ts'
import { streamOperation } from '../modules/ndjson.ts'
import { schemaIssues } from '../modules/values-issues.ts'
import { toModuleView, toSummary } from '../modules/views.ts'
import { withTimeout } from '../timeout.ts'

function render(loaded: LoadedChart, request: ModuleRequest, isUpgrade = false): RenderResult {
  try {
    return renderChart(loaded.chart, request.values, {
      releaseName: request.name,
      namespace: request.namespace,
      isUpgrade,
    })
  } catch (err) {
    // schema failures carry one issue per values field, for the form to show beside each field
    if (isRenderError(err, 'SCHEMA_VALIDATION')) {
      const issues = schemaIssues(err.message, loaded.chart.metadata.name)
      throw new HttpError(
        'INVALID_VALUES',
        422,
        err.message,
        {
          ...(issues[0] ? { path: issues[0].field } : {}),
          issues,
          chart: loaded.chart.metadata.name,
        },
        err,
      )
    }
    throw err
  }
}

function target(req: Request): { namespace: string; name: string } {
  const namespace = String(req.params.namespace ?? '')
  const name = String(req.params.name ?? '')
  const issues = [
    ...(checkNamespace(namespace)
      ? [{ field: 'namespace', message: checkNamespace(namespace)! }]
      : []),
    ...(checkModuleName(name) ? [{ field: 'name', message: checkModuleName(name)! }] : []),
  ]
  if (issues.length > 0) throw badRequest(issues)
  return { namespace, name }
}

/**
 * Modules (releases):
 * `GET /api/modules` (every release, Slipway's and Helm's), `POST /api/modules/preview` (render
 * without a cluster), `POST /api/modules` (Save: validate, render, dry-run, apply; NDJSON
 * progress), `GET /api/modules/:namespace/:name`, `POST …/rollback`, `DELETE …`.
 */
export function moduleRoutes(
  charts: ChartCache,
  limits: ServerLimits,
  backend: BackendProvider,
): Router {
  const router = Router()

  async function checkedRequest(
    req: Request,
  ): Promise<{ request: ModuleRequest; loaded: LoadedChart }> {
    const checked = checkModuleRequest(req.body)
    if (!checked.ok) throw badRequest(checked.issues)
    const request = checked.value
    const loaded = await withTimeout(limits.chartLoadTimeoutMs, 'Loading the chart', (signal) =>
      charts.get(request.chart, signal),
    )
    return { request, loaded }
  }

  router.get('/', async (_req, res) => {
    const releases = await (await backend()).list()
    res.json({ modules: releases.map((r) => toSummary(r)) })
  })

  router.post('/preview', async (req, res) => {
    const { request, loaded } = await checkedRequest(req)
    const result = render(loaded, request)
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

  router.post('/', async (req, res) => {
    const { request, loaded } = await checkedRequest(req)
    // values and templates are checked before anything is sent, so their errors keep a 422
    render(loaded, request)
    const releases = await backend()
    await streamOperation(res, async (emit) => {
      emit({
        type: 'progress',
        phase: 'validate',
        action: 'succeeded',
        message: 'Values match the chart schema',
      })
      const row = await releases.deploy(
        {
          name: request.name,
          namespace: request.namespace,
          chart: loaded.chart,
          values: request.values,
          source: {
            ...request.chart,
            version: loaded.version,
            ...(loaded.digest ? { digest: loaded.digest } : {}),
          },
        },
        (event) => emit({ type: 'progress', ...event }),
      )
      return { type: 'done', module: toSummary(row, request.chart) }
    })
  })

  router.get('/:namespace/:name', async (req, res) => {
    const { namespace, name } = target(req)
    const releases = await backend()
    const [record, resources, history, events] = await Promise.all([
      releases.get(namespace, name),
      releases.resources(namespace, name),
      releases.history(namespace, name),
      // Events are a help, not a must: a service account that may not read them still gets the page
      releases.events(namespace, name).catch(() => []),
    ])
    res.json(toModuleView(record, resources, history, events))
  })

  router.post('/:namespace/:name/rollback', async (req, res) => {
    const { namespace, name } = target(req)
    const raw = (req.body as { revision?: unknown } | undefined)?.revision
    if (raw !== undefined && (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1)) {
      throw badRequest([{ field: 'revision', message: 'Revision must be a positive whole number' }])
    }
    const releases = await backend()
    await streamOperation(res, async (emit) => {
      const row = await releases.rollback(namespace, name, raw as number | undefined, (event) =>
        emit({ type: 'progress', ...event }),
      )
      return { type: 'done', module: toSummary(row) }
    })
  })

  router.delete('/:namespace/:name', async (req, res) => {
    const { namespace, name } = target(req)
    const releases = await backend()
    const record = await releases.get(namespace, name)
    await streamOperation(res, async (emit) => {
      await releases.uninstall(namespace, name, (event) => emit({ type: 'progress', ...event }))
      return { type: 'done', module: { ...toSummary(record), status: 'uninstalled' } }
    })
  })
  return router
}
