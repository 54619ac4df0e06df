import type { ManifestHead } from './head.ts'

/** One rendered document that is not a hook. */
export interface Manifest {
  /** The template it came from: `CHART/templates/x.yaml` (or `CHART/crds/x.yaml`). */
  name: string
  /** The document, trimmed, without `---`. */
  content: string
  head: ManifestHead
}

/** Helm's hook events. */
export type HookEvent =
  | 'pre-install'
  | 'post-install'
  | 'pre-delete'
  | 'post-delete'
  | 'pre-upgrade'
  | 'post-upgrade'
  | 'pre-rollback'
  | 'post-rollback'
  | 'test'

/** A document annotated `helm.sh/hook`, as Helm's release.Hook. */
export interface Hook {
  name: string
  kind: string
  /** The template it came from. */
  path: string
  manifest: string
  events: HookEvent[]
  /** `helm.sh/hook-weight`, 0 when absent or not an integer. */
  weight: number
  /** `helm.sh/hook-delete-policy` values. */
  deletePolicies: string[]
}
