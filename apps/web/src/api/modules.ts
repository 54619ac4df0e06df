import type { ModuleSummary } from '@slipway/api'
import { useQuery } from '@tanstack/react-query'
import type { ApiError } from './ApiError.ts'
import { apiFetch } from './fetch.ts'
import { queryKeys } from './queryKeys.ts'

/** Every release in the cluster (Slipway's and Helm's). */
export function useModules() {
  return useQuery<{ modules: ModuleSummary[] }, ApiError>({
    queryKey: queryKeys.modules(),
    queryFn: ({ signal }) => apiFetch<{ modules: ModuleSummary[] }>('/api/modules', { signal }),
    retry: false,
  })
}
