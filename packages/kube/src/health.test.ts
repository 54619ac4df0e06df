import { describe, expect, it } from 'vitest'
import { health } from './health.ts'

describe('resource health', () => {
  it('judges Deployments by generation, updated and ready replicas, and the progress deadline', () => {
    const dep = (status: object, generation = 2) => ({
      kind: 'Deployment',
      metadata: { generation },
      spec: { replicas: 2 },
      status,
    })
    expect(
      health(
        dep({ observedGeneration: 1, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 }),
      ).health,
    ).toBe('progressing')
    expect(
      health(
        dep({ observedGeneration: 2, updatedReplicas: 2, readyReplicas: 1, availableReplicas: 1 }),
      ),
    ).toEqual({ health: 'progressing', message: '1 of 2 replicas ready' })
    expect(
      health(
        dep({ observedGeneration: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 }),
      ),
    ).toEqual({ health: 'ready', message: '2 of 2 replicas ready' })
    const stuck = dep({
      conditions: [
        {
          type: 'Progressing',
          status: 'False',
          reason: 'ProgressDeadlineExceeded',
          message: 'timed out',
        },
      ],
    })
    expect(health(stuck)).toEqual({ health: 'failed', message: 'timed out' })
  })

  it('judges Jobs, Pods, claims and load balancers', () => {
    expect(
      health({ kind: 'Job', status: { conditions: [{ type: 'Complete', status: 'True' }] } })
        .health,
    ).toBe('ready')
    expect(
      health({
        kind: 'Job',
        status: { conditions: [{ type: 'Failed', status: 'True', message: 'backoff' }] },
      }),
    ).toEqual({ health: 'failed', message: 'backoff' })
    expect(
      health({
        kind: 'Pod',
        status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
      }).health,
    ).toBe('ready')
    expect(
      health({
        kind: 'Pod',
        status: {
          phase: 'Running',
          containerStatuses: [{ name: 'c', state: { waiting: { reason: 'CrashLoopBackOff' } } }],
        },
      }),
    ).toEqual({ health: 'failed', message: 'container c: CrashLoopBackOff' })
    expect(health({ kind: 'PersistentVolumeClaim', status: { phase: 'Pending' } }).health).toBe(
      'progressing',
    )
    expect(
      health({ kind: 'Service', spec: { type: 'LoadBalancer' }, status: { loadBalancer: {} } })
        .health,
    ).toBe('progressing')
    expect(
      health({
        kind: 'Service',
        spec: { type: 'LoadBalancer' },
        status: { loadBalancer: { ingress: [{ ip: '192.0.2.1' }] } },
      }).message,
    ).toBe('load balancer at 192.0.2.1')
    expect(health({ kind: 'ConfigMap' }).health).toBe('ready')
  })
})
