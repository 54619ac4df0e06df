import { describe, expect, it } from 'vitest'
import { hintFor } from './hints.ts'

describe('hintFor', () => {
  it.each([
    [
      { reason: 'Failed', message: 'Failed to pull image "ngnix:1.0": not found' },
      /image cannot be pulled/,
    ],
    [
      { reason: 'BackOff', message: 'Back-off pulling image "ngnix:1.0"' },
      /image cannot be pulled/,
    ],
    [
      { reason: 'BackOff', message: 'Back-off restarting failed container web in pod web-1' },
      /exits again and again/,
    ],
    [{ reason: 'OOMKilled', message: 'Container web was OOMKilled' }, /memory limit/],
    [
      { reason: 'FailedScheduling', message: '0/3 nodes are available: 3 Insufficient cpu.' },
      /not enough free CPU or memory/,
    ],
    [
      { reason: 'FailedScheduling', message: 'pod has unbound immediate PersistentVolumeClaims' },
      /waits for its volume/,
    ],
    [
      { reason: 'Unhealthy', message: 'Readiness probe failed: connection refused' },
      /health check fails/,
    ],
    [{ reason: 'FailedMount', message: 'configmap "x" not found' }, /cannot be mounted/],
  ])('explains %j', (event, hint) => {
    expect(hintFor(event)).toMatch(hint)
  })

  it('says nothing about ordinary events', () => {
    expect(
      hintFor({ reason: 'ScalingReplicaSet', message: 'Scaled up replica set web-1 to 2' }),
    ).toBeUndefined()
  })
})
