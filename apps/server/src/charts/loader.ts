import type { ChartQuery } from '@slipway/api'
import {
  listChartVersions,
  loadChartFromSource,
  type ChartSourceOptions,
} from '@slipway/chart/node'
import { CredentialStore } from '@slipway/oci'
import type { LoadedChart } from './chart-view.ts'

/** Credentials for a registry host, from wherever the server keeps them. */
export type CredentialLookup = (
  host: string,
) => Promise<{ username: string; password: string } | undefined>

/** How the server finds charts: the real implementation pulls them; tests may pass another. */
export interface ChartLoader {
  /** The chart's versions in the repository, newest first. */
  versions(query: ChartQuery, signal: AbortSignal): Promise<string[]>
  /** One chart version, pulled (or from cache) and loaded. */
  load(query: ChartQuery, signal: AbortSignal): Promise<LoadedChart>
}

/** Options of {@link defaultChartLoader}. */
export interface ChartLoaderOptions {
  /** Environment that locates Helm's and Docker's config files. */
  env?: NodeJS.ProcessEnv
  /** Registry logins kept elsewhere (in-cluster Secrets); they win over the config files. */
  credentials?: CredentialLookup
}

function hostOf(repository: string): string {
  return repository
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase()
}

/** The chart loader over `@slipway/chart/node` (OCI registries and classic Helm repositories). */
export function defaultChartLoader(options: ChartLoaderOptions = {}): ChartLoader {
  const env = options.env ?? process.env
  async function sourceOptions(query: ChartQuery): Promise<ChartSourceOptions> {
    const login = await options.credentials?.(hostOf(query.repository))
    const credentials = CredentialStore.fromDefaultLocations(env)
    const auth = login ? { username: login.username, password: login.password } : {}
    return /^oci:/i.test(query.repository) ? { registryOptions: { credentials, ...auth } } : auth
  }
  return {
    async versions(query) {
      return listChartVersions(
        { repository: query.repository, path: query.path },
        await sourceOptions(query),
      )
    },
    async load(query) {
      const source = {
        repository: query.repository,
        path: query.path,
        ...(query.version ? { version: query.version } : {}),
      }
      const result = await loadChartFromSource(source, await sourceOptions(query))
      return {
        chart: result.chart,
        digest: result.digest ?? '',
        reference: result.ref,
        version: result.version,
      }
    },
  }
}
