import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KubeClient, Releases } from '@slipway/kube'
import { startKubeDouble, type KubeDouble } from '../kube-double/index.ts'

// The double's token check: clients must send the kubeconfig's credentials.
describe('bearer token authentication', () => {
  let double: KubeDouble
  beforeAll(async () => {
    double = await startKubeDouble({ token: 'secret-token' })
  })
  afterAll(async () => {
    await double.stop()
  })

  it('accepts Slipway with the kubeconfig token and refuses requests without it', async () => {
    const releases = new Releases(await KubeClient.connect({ kubeconfig: double.kubeconfigPath }))
    expect(await releases.list(undefined)).toEqual([])
    const anonymous = await fetch(`${double.url}/api/v1/namespaces`)
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({
      kind: 'Status',
      reason: 'Unauthorized',
      code: 401,
    })
  })
})
