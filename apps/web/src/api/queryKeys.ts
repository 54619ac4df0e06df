import type { ChartQuery } from '@slipway/api'

/** Every TanStack Query key the UI uses, built in one place. */
export const queryKeys = {
  chartVersions: (repository: string, path: string) =>
    ['charts', 'versions', repository, path] as const,
  chart: (q: ChartQuery) => ['charts', 'load', q.repository, q.path, q.version ?? ''] as const,
  registries: () => ['registries'] as const,
  modules: () => ['modules'] as const,
  module: (namespace: string, name: string) => ['modules', namespace, name] as const,
  cluster: () => ['cluster'] as const,
}
