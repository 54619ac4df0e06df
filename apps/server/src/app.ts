import express, { type Express } from 'express'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defaultChartLoader, type ChartLoader } from './charts/loader.ts'
import { detectInCluster } from './cluster/in-cluster.ts'
import { defaultServerLimits, MAX_JSON_BODY, type ServerLimits } from './limits.ts'
import { apiNotFound, errorHandler } from './middleware/errors.ts'
import { hostCheck } from './middleware/host-check.ts'
import { localRegistryStore } from './registries/local-store.ts'
import { secretRegistryStore } from './registries/secret-store.ts'
import type { RegistryStore } from './registries/store.ts'
import { ChartCache } from './charts/chart-cache.ts'
import { chartRoutes } from './routes/charts.ts'
import { moduleRoutes } from './routes/modules.ts'
import { clusterRoutes } from './routes/cluster.ts'
import type { BackendProvider } from './modules/backend.ts'
import { kubeBackendProvider } from './modules/kube-backend.ts'
import { registryRoutes } from './routes/registries.ts'

/** Where the built web UI lives (apps/web/dist), served on the same port as the API. */
export const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url))

/** What the server is built from; every part has a real default. */
export interface AppOptions {
  /** The built web UI; nothing is served outside /api when it does not exist. */
  webRoot?: string
  /** Environment used to find Helm's config and the in-cluster service account. */
  env?: NodeJS.ProcessEnv
  /** Registry logins (default: Helm's registry config locally, Secrets in a cluster). */
  registries?: RegistryStore
  /** Chart access (default: `@slipway/chart/node`). */
  charts?: ChartLoader
  /** Overrides of {@link defaultServerLimits}. */
  limits?: Partial<ServerLimits>
  /** The cluster's releases (default: `@slipway/kube` through the kubeconfig or service account). */
  releases?: BackendProvider
  /** A kubeconfig file for the default release backend. */
  kubeconfig?: string
  /** A kubeconfig context other than the current one. */
  kubeContext?: string
  /**
   * Host names (besides localhost and IP addresses) the dashboard answers to; default from
   * `SLIPWAY_ALLOWED_HOSTS` (comma-separated).
   */
  allowedHosts?: string[]
}

/** The registry store for where the server runs: Secrets in a cluster, Helm's config locally. */
export function defaultRegistryStore(env: NodeJS.ProcessEnv = process.env): RegistryStore {
  const cluster = detectInCluster(env)
  return cluster ? secretRegistryStore(cluster) : localRegistryStore(env)
}

/**
 * The Express application. Routes:
 *
 * | route | file |
 * | --- | --- |
 * | `GET /api/health` | here |
 * | `GET /api/charts/versions?repository&path` | routes/charts.ts |
 * | `GET /api/charts?repository&path&version` | routes/charts.ts |
 * | `GET, PUT, DELETE /api/registries` | routes/registries.ts |
 * | `GET /api/cluster` | routes/cluster.ts |
 * | `GET, POST /api/modules`, `POST /api/modules/preview` | routes/modules.ts |
 * | `GET, DELETE /api/modules/:namespace/:name`, `POST …/rollback` | routes/modules.ts |
 * | everything else | the web UI (single page) |
 */
export function createApp(options: AppOptions = {}): Express {
  const env = options.env ?? process.env
  const registries = options.registries ?? defaultRegistryStore(env)
  const charts =
    options.charts ?? defaultChartLoader({ env, credentials: (host) => registries.lookup(host) })

  const app = express()
  app.disable('x-powered-by')
  const allowedHosts =
    options.allowedHosts ??
    (env.SLIPWAY_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean)
  app.use(hostCheck(allowedHosts))
  app.use('/api', express.json({ limit: MAX_JSON_BODY }))
  app.get('/api/health', (_req, res) => {
    res.json({ ok: true })
  })
  const limits = { ...defaultServerLimits, ...options.limits }
  const cache = new ChartCache(charts)
  app.use('/api/charts', chartRoutes(charts, limits, cache))
  const releases =
    options.releases ??
    kubeBackendProvider({
      env,
      ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
      ...(options.kubeContext ? { context: options.kubeContext } : {}),
    })
  app.use('/api/modules', moduleRoutes(cache, limits, releases))
  app.use('/api/cluster', clusterRoutes(releases))
  app.use('/api/registries', registryRoutes(registries))
  app.use('/api', apiNotFound)

  const webRoot = options.webRoot ?? defaultWebRoot
  if (existsSync(webRoot)) {
    app.use(express.static(webRoot, { index: false }))
    // client-side routes fall back to the single page
    app.get(/^(?!\/api\/).*/, (_req, res) => {
      res.sendFile('index.html', { root: webRoot })
    })
  }
  app.use(errorHandler)
  return app
}
