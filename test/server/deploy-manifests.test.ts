import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { readFileSync } from 'node:fs'
import { startKubeDouble, type KubeDouble } from '../kube-double/index.ts'
import { kubectlPath, repoRoot, run } from '../support/tools.ts'

const manifest = join(repoRoot, 'deploy', 'install.yaml')

describe('deploy/install.yaml', () => {
  let kube: KubeDouble
  beforeAll(async () => {
    kube = await startKubeDouble()
  })
  afterAll(() => kube?.stop())

  it('applies with kubectl and creates what the dashboard needs in the cluster', async () => {
    const applied = await run(kubectlPath(), [
      '--kubeconfig',
      kube.kubeconfigPath,
      'apply',
      '-f',
      manifest,
    ])
    expect(applied.stderr).toBe('')
    expect(applied.stdout.trim().split('\n')).toEqual([
      'namespace/slipway created',
      'serviceaccount/slipway created',
      'clusterrole.rbac.authorization.k8s.io/slipway created',
      'clusterrolebinding.rbac.authorization.k8s.io/slipway created',
      'role.rbac.authorization.k8s.io/slipway-registry-logins created',
      'rolebinding.rbac.authorization.k8s.io/slipway-registry-logins created',
      'deployment.apps/slipway created',
      'service/slipway created',
      'networkpolicy.networking.k8s.io/slipway-deny-ingress created',
    ])
  })

  it('runs the dashboard as its service account, non-root, serving the UI and answering health checks', () => {
    const docs = parseAllDocuments(readFileSync(manifest, 'utf8')).map((d) => d.toJS())
    const deployment = docs.find((d) => d.kind === 'Deployment')
    const pod = deployment.spec.template.spec
    expect(pod.serviceAccountName).toBe('slipway')
    expect(pod.securityContext.runAsNonRoot).toBe(true)
    const container = pod.containers[0]
    expect(container.command).toEqual([
      'node',
      '/app/bin/slipway.js',
      'serve',
      '--host',
      '0.0.0.0',
      '--port',
      '3000',
      '--web-root',
      '/app/web',
    ])
    expect(container.readinessProbe.httpGet.path).toBe('/api/health')
    const service = docs.find((d) => d.kind === 'Service')
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels)
  })
})
