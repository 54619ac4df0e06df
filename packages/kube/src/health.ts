/** Readiness of one live object, as Helm's ready checker judges it (and failures it would wait out). */
import type { KubeObject, ResourceHealth } from './types.ts'

type Obj = Record<string, unknown>
const o = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {})
const n = (v: unknown): number => (typeof v === 'number' ? v : 0)

function cond(status: Obj, type: string): Obj | undefined {
  const list = Array.isArray(status.conditions) ? (status.conditions as Obj[]) : []
  return list.find((c) => c.type === type)
}

/** Health and a sentence saying why. */
export function health(obj: KubeObject): { health: ResourceHealth; message: string } {
  const spec = o(obj.spec)
  const status = o(obj.status)
  const gen = n(obj.metadata?.generation)
  const observed = (): boolean =>
    status.observedGeneration === undefined ? gen === 0 : n(status.observedGeneration) >= gen
  switch (obj.kind) {
    case 'Deployment': {
      const want = spec.replicas === undefined ? 1 : n(spec.replicas)
      const progressing = cond(status, 'Progressing')
      if (progressing?.status === 'False' && progressing.reason === 'ProgressDeadlineExceeded') {
        return {
          health: 'failed',
          message: String(progressing.message ?? 'progress deadline exceeded'),
        }
      }
      if (!observed())
        return {
          health: 'progressing',
          message: 'waiting for the controller to observe the new generation',
        }
      if (n(status.updatedReplicas) < want)
        return {
          health: 'progressing',
          message: `${n(status.updatedReplicas)} of ${want} replicas updated`,
        }
      if (n(status.readyReplicas) < want || n(status.availableReplicas) < want) {
        return {
          health: 'progressing',
          message: `${n(status.readyReplicas)} of ${want} replicas ready`,
        }
      }
      return { health: 'ready', message: `${want} of ${want} replicas ready` }
    }
    case 'StatefulSet': {
      const want = spec.replicas === undefined ? 1 : n(spec.replicas)
      if (!observed())
        return {
          health: 'progressing',
          message: 'waiting for the controller to observe the new generation',
        }
      if (n(status.readyReplicas) < want)
        return {
          health: 'progressing',
          message: `${n(status.readyReplicas)} of ${want} replicas ready`,
        }
      return { health: 'ready', message: `${want} of ${want} replicas ready` }
    }
    case 'DaemonSet': {
      if (!observed() || status.desiredNumberScheduled === undefined)
        return { health: 'progressing', message: 'waiting for the controller' }
      const want = n(status.desiredNumberScheduled)
      if (n(status.numberReady) < want || n(status.updatedNumberScheduled) < want) {
        return { health: 'progressing', message: `${n(status.numberReady)} of ${want} pods ready` }
      }
      return { health: 'ready', message: `${want} of ${want} pods ready` }
    }
    case 'ReplicaSet': {
      const want = spec.replicas === undefined ? 1 : n(spec.replicas)
      return n(status.readyReplicas) >= want
        ? { health: 'ready', message: `${want} replicas ready` }
        : { health: 'progressing', message: `${n(status.readyReplicas)} of ${want} replicas ready` }
    }
    case 'Job': {
      const failed = cond(status, 'Failed')
      if (failed?.status === 'True')
        return {
          health: 'failed',
          message: String(failed.message ?? failed.reason ?? 'job failed'),
        }
      const complete = cond(status, 'Complete')
      if (complete?.status === 'True') return { health: 'ready', message: 'complete' }
      return {
        health: 'progressing',
        message: `${n(status.active)} active, ${n(status.succeeded)} succeeded`,
      }
    }
    case 'Pod': {
      if (status.phase === 'Succeeded') return { health: 'ready', message: 'succeeded' }
      if (status.phase === 'Failed')
        return {
          health: 'failed',
          message: String(status.message ?? status.reason ?? 'pod failed'),
        }
      const statuses = Array.isArray(status.containerStatuses)
        ? (status.containerStatuses as Obj[])
        : []
      for (const c of statuses) {
        const waiting = o(o(c.state).waiting)
        if (
          waiting.reason === 'CrashLoopBackOff' ||
          waiting.reason === 'ImagePullBackOff' ||
          waiting.reason === 'ErrImagePull'
        ) {
          return {
            health: 'failed',
            message: `container ${String(c.name)}: ${String(waiting.reason)}${waiting.message ? `: ${String(waiting.message)}` : ''}`,
          }
        }
      }
      const ready = cond(status, 'Ready')
      if (status.phase === 'Running' && ready?.status === 'True')
        return { health: 'ready', message: 'running' }
      return { health: 'progressing', message: `phase ${String(status.phase ?? 'Pending')}` }
    }
    case 'PersistentVolumeClaim':
      return status.phase === 'Bound'
        ? { health: 'ready', message: 'bound' }
        : { health: 'progressing', message: `phase ${String(status.phase ?? 'Pending')}` }
    case 'Service': {
      if (spec.type !== 'LoadBalancer')
        return { health: 'ready', message: String(spec.type ?? 'ClusterIP') }
      const ingress = o(status.loadBalancer).ingress
      return Array.isArray(ingress) && ingress.length > 0
        ? {
            health: 'ready',
            message: `load balancer at ${ingress.map((i) => String(o(i).ip ?? o(i).hostname)).join(', ')}`,
          }
        : { health: 'progressing', message: 'waiting for a load balancer address' }
    }
    case 'CustomResourceDefinition': {
      const est = cond(status, 'Established')
      return est?.status === 'True'
        ? { health: 'ready', message: 'established' }
        : { health: 'progressing', message: 'waiting to be established' }
    }
    default:
      return { health: 'ready', message: 'exists' }
  }
}
