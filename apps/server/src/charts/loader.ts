import type { ChartQuery } from '@slipway/api'
import type { LoadedChart } from './chart-view.ts'

/** Credentials for a registry host, from wherever the server keeps them. */
export type CredentialLookup = (host: string) => Promise<{ username: string; password: string } | undefined>

/** How the server finds charts: the real implementation pulls them; tests may pass another. */
export interface ChartLoader {
  /** The chart's versions in the repository, newest first. */
  versions(query: ChartQuery, signal: AbortSignal): Promise<string[]>
  /** One chart version, pulled (or from cache) and loaded. */
  load(query: ChartQuery, signal: AbortSignal): Promise<LoadedChart>
}

/** The chart loader over `@slipway/chart/node` (OCI registries and classic Helm repositories). */
export function defaultChartLoader(options: { credentials?: CredentialLookup } = {}): ChartLoader {
  return {
    async versions(query) {
      const node = await import('@slipway/chart/node')
      return node.listChartVersions({ repository: query.repository, path: query.path })
    },
    async load(query) {
      const node = await import('@slipway/chart/node')
      const source = { repository: query.repository, path: query.path, version: query.version ?? '' }
      const result = await node.loadChartFromSource(source, {})
      void options
      return { chart: result.chart, digest: result.digest, reference: result.ref, version: result.version }
    },
  }
}
