import { useCluster } from '../api/modules.ts'

/** Says plainly when no cluster is connected, and how to connect one. */
export function ClusterNotice() {
  const cluster = useCluster()
  if (!cluster.data || cluster.data.connected) return null
  return (
    <div className="note warn" role="note" aria-label="No cluster">
      <strong>No cluster connected.</strong> You can still load charts and preview their manifests.{' '}
      {cluster.data.message}
    </div>
  )
}
