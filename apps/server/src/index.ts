export { createApp, defaultRegistryStore, defaultWebRoot, type AppOptions } from './app.ts'
export { startServer, type ServerOptions, type RunningServer } from './start.ts'
export { defaultChartLoader, type ChartLoader, type CredentialLookup } from './charts/loader.ts'
export { toChartView, type LoadedChart } from './charts/chart-view.ts'
export type { RegistryStore } from './registries/store.ts'
export { localRegistryStore } from './registries/local-store.ts'
export { secretRegistryStore, secretNameFor } from './registries/secret-store.ts'
export { detectInCluster, type InClusterConfig } from './cluster/in-cluster.ts'
export { HttpError, type ServerErrorCode } from './errors.ts'
export { statusForCode, toApiError } from './middleware/errors.ts'
export { defaultServerLimits, type ServerLimits } from './limits.ts'
export type {
  BackendProvider,
  DeployInput,
  ReleaseBackend,
  ReleaseEvent,
  ReleaseRecord,
  ReleaseResource,
  ReleaseRow,
} from './modules/backend.ts'
export { kubeBackendProvider, type KubeBackendOptions } from './modules/kube-backend.ts'
