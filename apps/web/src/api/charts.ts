import type { ChartQuery, ChartView, VersionList } from '@slipway/api'
import { useQuery } from '@tanstack/react-query'
import type { ApiError } from './ApiError.ts'
import { apiFetch, queryString } from './fetch.ts'
import { queryKeys } from './queryKeys.ts'

/** A repository's versions of a chart, newest first; idle until both are given. */
export function useChartVersions(repository: string, path: string) {
  return useQuery<VersionList, ApiError>({
    queryKey: queryKeys.chartVersions(repository, path),
    queryFn: ({ signal }) =>
      apiFetch<VersionList>(`/api/charts/versions${queryString({ repository, path })}`, { signal }),
    enabled: repository !== '' && path !== '',
    retry: false,
    staleTime: 60_000,
  })
}

/** One chart version, loaded when `query` is set (the Load button sets it). */
export function useLoadChart(query: ChartQuery | undefined) {
  return useQuery<ChartView, ApiError>({
    queryKey: query ? queryKeys.chart(query) : ['charts', 'load', 'none'],
    queryFn: ({ signal }) =>
      apiFetch<ChartView>(
        `/api/charts${queryString({ repository: query?.repository, path: query?.path, version: query?.version })}`,
        { signal },
      ),
    enabled: query !== undefined,
    retry: false,
    staleTime: Infinity,
  })
}
