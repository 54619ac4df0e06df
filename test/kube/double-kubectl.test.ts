import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'
import { startCluster, type TestCluster } from './cluster.ts'

const deployment = (ns: string, replicas: number, image = 'nginx:1.25') => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${ns}
  labels: {app: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: ${image}
        ports: [{containerPort: 80}]
        env: [{name: A, value: "1"}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: ${ns}}
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: ${ns}, labels: {tier: config}}
data: {mode: fast}
`

describe('kubectl against the cluster', () => {
  let c: TestCluster
  beforeAll(async () => {
    c = await startCluster({ kubelet: true })
  })
  afterAll(async () => {
    await c.stop()
  })

  it('applies server-side, gets, and shows the objects as YAML', async () => {
    const ns = await c.namespace()
    const applied = await c.kubectl(['apply', '--server-side', '-f', '-'], deployment(ns, 2))
    expect(applied.stderr).toBe('')
    expect(applied.stdout).toContain('deployment.apps/web serverside-applied')
    expect(applied.stdout).toContain('service/web serverside-applied')
    const get = await c.kubectl(['get', 'deployments,services,configmaps', '-n', ns])
    expect(get.code).toBe(0)
    expect(get.stdout).toMatch(/deployment\.apps\/web/)
    expect(get.stdout).toMatch(/service\/web/)
    const yaml = await c.kubectl(['get', 'deployment', 'web', '-n', ns, '-o', 'yaml'])
    const obj = parse(yaml.stdout)
    expect(obj.spec.replicas).toBe(2)
    expect(obj.spec.template.spec.containers[0].image).toBe('nginx:1.25')
    expect(obj.metadata.uid).toMatch(/^[0-9a-f-]{36}$/)
    const labelled = await c.kubectl([
      'get',
      'configmaps',
      '-n',
      ns,
      '-l',
      'tier=config',
      '-o',
      'name',
    ])
    expect(labelled.stdout.trim()).toBe('configmap/settings')
  })

  it('waits for a rollout in kubelet mode', async () => {
    const ns = await c.namespace()
    await c.kubectl(['apply', '--server-side', '-f', '-'], deployment(ns, 3))
    const status = await c.kubectl([
      'rollout',
      'status',
      'deployment/web',
      '-n',
      ns,
      '--timeout=30s',
    ])
    expect(status.code).toBe(0)
    expect(status.stdout).toContain('successfully rolled out')
    const pods = await c.kubectl(['get', 'pods', '-n', ns, '-l', 'app=web', '-o', 'name'])
    expect(pods.stdout.trim().split('\n')).toHaveLength(3)
  })

  it('reports a field manager conflict and takes the field over with --force-conflicts', async () => {
    const ns = await c.namespace()
    await c.kubectl(['apply', '--server-side', '-f', '-'], deployment(ns, 2))
    const scaled = await c.kubectl(['scale', 'deployment/web', '-n', ns, '--replicas=1'])
    expect(scaled.code).toBe(0)
    const again = await c.kubectl(['apply', '--server-side', '-f', '-'], deployment(ns, 2))
    expect(again.code).not.toBe(0)
    expect(again.stderr).toContain('Apply failed with 1 conflict')
    expect(again.stderr).toContain('.spec.replicas')
    const forced = await c.kubectl(
      ['apply', '--server-side', '--force-conflicts', '-f', '-'],
      deployment(ns, 2),
    )
    expect(forced.code).toBe(0)
    const replicas = await c.kubectl([
      'get',
      'deployment',
      'web',
      '-n',
      ns,
      '-o',
      'jsonpath={.spec.replicas}',
    ])
    expect(replicas.stdout).toBe('2')
  })

  it('rejects an invalid object with the API server message', async () => {
    const ns = await c.namespace()
    const bad = `apiVersion: apps/v1
kind: Deployment
metadata: {name: Bad_Name, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: x}}
  template:
    metadata: {labels: {app: other}}
    spec: {containers: [{name: c}]}
`
    const r = await c.kubectl(['apply', '--server-side', '-f', '-'], bad)
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('The Deployment "Bad_Name" is invalid')
    expect(r.stderr).toContain('spec.template.metadata.labels: Invalid value')
    expect(r.stderr).toContain('metadata.name: Invalid value: "Bad_Name"')
    expect(r.stderr).toContain('spec.template.spec.containers[0].image: Required value')
  })

  it('deletes objects and, with the namespace, everything in it', async () => {
    const ns = await c.namespace()
    await c.kubectl(['apply', '--server-side', '-f', '-'], deployment(ns, 1))
    const del = await c.kubectl(['delete', 'configmap', 'settings', '-n', ns])
    expect(del.stdout).toContain('configmap "settings" deleted')
    const gone = await c.kubectl(['get', 'configmap', 'settings', '-n', ns])
    expect(gone.stderr).toContain('configmaps "settings" not found')
    // deleting the Deployment takes its ReplicaSet and Pods with it
    await c.kubectl(['rollout', 'status', 'deployment/web', '-n', ns, '--timeout=30s'])
    expect((await c.kubectl(['get', 'pods', '-n', ns, '-o', 'name'])).stdout.trim()).not.toBe('')
    expect(
      (await c.kubectl(['delete', 'deployment', 'web', '-n', ns, '--cascade=foreground'])).code,
    ).toBe(0)
    await vi.waitFor(
      async () => {
        expect(
          (await c.kubectl(['get', 'replicasets,pods', '-n', ns, '-o', 'name'])).stdout.trim(),
        ).toBe('')
      },
      { timeout: 30_000, interval: 200 },
    )
    const delNs = await c.kubectl(['delete', 'namespace', ns])
    expect(delNs.code).toBe(0)
    const left = await c.kubectl(['get', 'deployments', '-n', ns, '-o', 'name'])
    expect(left.stdout.trim()).toBe('')
  })

  it('serves a custom resource once its CRD is established', async () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget}
  versions:
  - name: v1
    served: true
    storage: true
    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
`
    const ns = await c.namespace()
    expect((await c.kubectl(['apply', '--server-side', '-f', '-'], crd)).code).toBe(0)
    const wait = await c.kubectl([
      'wait',
      '--for=condition=Established',
      'crd/widgets.example.com',
      '--timeout=30s',
    ])
    expect(wait.code).toBe(0)
    const cr = `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1, namespace: ${ns}}\nspec: {size: 3}\n`
    const applied = await c.kubectl(['apply', '--server-side', '-f', '-'], cr)
    expect(applied.stdout).toContain('widget.example.com/w1 serverside-applied')
    const got = await c.kubectl([
      'get',
      'widgets',
      '-n',
      ns,
      '-o',
      'jsonpath={.items[0].spec.size}',
    ])
    expect(got.stdout).toBe('3')
    await c.kubectl(['delete', 'crd', 'widgets.example.com'])
  })

  it('validates with --dry-run=server without storing, and selects by field', async () => {
    const ns = await c.namespace()
    const dry = await c.kubectl(
      ['apply', '--server-side', '--dry-run=server', '-f', '-'],
      deployment(ns, 1),
    )
    expect(dry.stdout).toContain('deployment.apps/web serverside-applied (server dry run)')
    expect((await c.kubectl(['get', 'deployment', 'web', '-n', ns])).stderr).toContain('not found')
    await c.kubectl(['apply', '--server-side', '-f', '-'], deployment(ns, 1))
    const byName = await c.kubectl([
      'get',
      'configmaps',
      '-n',
      ns,
      '--field-selector',
      'metadata.name=settings',
      '-o',
      'name',
    ])
    expect(byName.stdout.trim()).toBe('configmap/settings')
    const notName = await c.kubectl([
      'get',
      'services',
      '-A',
      '--field-selector',
      `metadata.namespace=${ns},metadata.name!=web`,
      '-o',
      'name',
    ])
    expect(notName.stdout.trim()).toBe('')
  })

  it('serves pod logs and streams watch events', async () => {
    const ns = await c.namespace()
    await c.kubectl(['apply', '--server-side', '-f', '-'], deployment(ns, 1))
    await c.kubectl(['rollout', 'status', 'deployment/web', '-n', ns, '--timeout=30s'])
    const pod = (
      await c.kubectl([
        'get',
        'pods',
        '-n',
        ns,
        '-l',
        'app=web',
        '-o',
        'jsonpath={.items[0].metadata.name}',
      ])
    ).stdout
    const logs = await c.kubectl(['logs', pod, '-n', ns])
    expect(logs.code).toBe(0)
    if (c.double) expect(logs.stdout).toContain('web: started nginx:1.25')
    // a watch from a resourceVersion sees later changes only
    if (!c.double) return
    const rv = c.double.store.resourceVersion
    const res = await fetch(
      `${c.double.url}/api/v1/namespaces/${ns}/configmaps?watch=1&resourceVersion=${rv}&timeoutSeconds=5`,
    )
    const reader = res.body!.getReader()
    await c.kubectl(['create', 'configmap', 'late', '-n', ns, '--from-literal=a=b'])
    const { value } = await reader.read()
    const event = JSON.parse(new TextDecoder().decode(value).split('\n')[0] as string)
    expect(event.type).toBe('ADDED')
    expect(event.object.metadata.name).toBe('late')
    await reader.cancel()
  })

  it('deletes a collection by label selector', async () => {
    if (!c.double) return
    const ns = await c.namespace()
    for (const name of ['one', 'two', 'three'])
      await c.kubectl(['create', 'configmap', name, '-n', ns, `--from-literal=n=${name}`])
    await c.kubectl(['label', 'configmap', 'one', 'two', '-n', ns, 'group=gone'])
    const res = await fetch(
      `${c.double.url}/api/v1/namespaces/${ns}/configmaps?labelSelector=group%3Dgone`,
      { method: 'DELETE' },
    )
    expect(res.status).toBe(200)
    const left = await c.kubectl(['get', 'configmaps', '-n', ns, '-o', 'name'])
    expect(left.stdout.trim()).toBe('configmap/three')
  })
})
