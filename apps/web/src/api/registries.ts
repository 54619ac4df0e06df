import type { RegistryCredentialInput, RegistryList } from '@slipway/api'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ApiError } from './ApiError.ts'
import { apiFetch, queryString } from './fetch.ts'
import { queryKeys } from './queryKeys.ts'

/** The registry logins Slipway can use (never with passwords). */
export function useRegistries() {
  return useQuery<RegistryList, ApiError>({
    queryKey: queryKeys.registries(),
    queryFn: ({ signal }) => apiFetch<RegistryList>('/api/registries', { signal }),
    retry: false,
  })
}

/** Stores a registry login. */
export function useSaveRegistry() {
  const client = useQueryClient()
  return useMutation<RegistryList, ApiError, RegistryCredentialInput>({
    mutationFn: (input) =>
      apiFetch<RegistryList>('/api/registries', { method: 'PUT', json: input }),
    onSuccess: (list) => client.setQueryData(queryKeys.registries(), list),
  })
}

/** Removes a registry login Slipway stored. */
export function useRemoveRegistry() {
  const client = useQueryClient()
  return useMutation<RegistryList, ApiError, string>({
    mutationFn: (registry) =>
      apiFetch<RegistryList>(`/api/registries${queryString({ registry })}`, { method: 'DELETE' }),
    onSuccess: (list) => client.setQueryData(queryKeys.registries(), list),
  })
}
