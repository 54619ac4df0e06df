import type {
  ApplyEvent,
  ClusterView,
  ModuleRequest,
  ModuleSummary,
  ModuleView,
  PreviewView,
} from '@slipway/api'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import type { ApiError } from './ApiError.ts'
import { apiFetch } from './fetch.ts'
import { queryKeys } from './queryKeys.ts'
import { streamOperation } from './stream.ts'

const modulePath = (namespace: string, name: string) =>
  `/api/modules/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`

/** Every release in the cluster (Slipway's and Helm's). */
export function useModules() {
  return useQuery<{ modules: ModuleSummary[] }, ApiError>({
    queryKey: queryKeys.modules(),
    queryFn: ({ signal }) => apiFetch<{ modules: ModuleSummary[] }>('/api/modules', { signal }),
    retry: false,
  })
}

/** One module with live resource status (refreshed every few seconds). */
export function useModule(namespace: string, name: string) {
  return useQuery<ModuleView, ApiError>({
    queryKey: queryKeys.module(namespace, name),
    queryFn: ({ signal }) => apiFetch<ModuleView>(modulePath(namespace, name), { signal }),
    retry: false,
    refetchInterval: 3000,
  })
}

/** Whether a cluster is connected, and how to connect one. */
export function useCluster() {
  return useQuery<ClusterView, ApiError>({
    queryKey: queryKeys.cluster(),
    queryFn: ({ signal }) => apiFetch<ClusterView>('/api/cluster', { signal }),
    retry: false,
    staleTime: 10_000,
  })
}

/** Renders what Save would apply, without a cluster. */
export function usePreview() {
  return useMutation<PreviewView, ApiError, ModuleRequest>({
    mutationFn: (request) =>
      apiFetch<PreviewView>('/api/modules/preview', { method: 'POST', json: request }),
  })
}

/** State of a streamed operation: its progress events, the error, the result. */
export interface OperationState {
  running: boolean
  events: ApplyEvent[]
  error: ApiError | null
  result: Extract<ApplyEvent, { type: 'done' }> | null
}

/** Runs a streamed operation (Save, rollback, delete) and keeps its progress for the UI. */
export function useOperation() {
  const client = useQueryClient()
  const [state, setState] = useState<OperationState>({
    running: false,
    events: [],
    error: null,
    result: null,
  })
  const run = useCallback(
    async (path: string, init: { method: string; json?: unknown }) => {
      setState({ running: true, events: [], error: null, result: null })
      try {
        const result = await streamOperation(path, init, (event) =>
          setState((s) => ({ ...s, events: [...s.events, event] })),
        )
        setState((s) => ({ ...s, running: false, result }))
        await client.invalidateQueries({ queryKey: queryKeys.modules() })
        return result
      } catch (err) {
        setState((s) => ({ ...s, running: false, error: err as ApiError }))
        return null
      }
    },
    [client],
  )
  return { ...state, run }
}

/** Save: install or upgrade a module, with progress. */
export function useSaveModule() {
  const op = useOperation()
  return {
    ...op,
    save: (request: ModuleRequest) => op.run('/api/modules', { method: 'POST', json: request }),
  }
}

/** Rollback and delete of one module, with progress. */
export function useModuleActions(namespace: string, name: string) {
  const op = useOperation()
  return {
    ...op,
    rollback: (revision?: number) =>
      op.run(`${modulePath(namespace, name)}/rollback`, {
        method: 'POST',
        json: revision === undefined ? {} : { revision },
      }),
    remove: () => op.run(modulePath(namespace, name), { method: 'DELETE' }),
  }
}
