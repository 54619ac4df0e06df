/**
 * Applying a generated chart of 100 and 500 resources with Slipway (server-side dry run, then
 * server-side apply) and with `helm install`, against the same Kubernetes API double, one run
 * each. Prints wall-clock seconds side by side.
 *
 *   pnpm exec tsx bench/apply/run.ts [--sizes 100,500]
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadChart } from '@slipway/chart/node'
import { KubeClient, Releases } from '../../packages/kube/src/index.ts'
import { startKubeDouble } from '../../test/kube-double/index.ts'
import { helmPath, isolatedHelmEnv, run } from '../../test/support/tools.ts'

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100,500' } } })
const sizes = String(values.sizes).split(',').map(Number)

/** A chart with `n` resources: per 10, seven ConfigMaps, one Secret, one Service, one Deployment. */
function generateChart(n: number): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'slipway-bench-apply-')), `gen${n}`)
  mkdirSync(join(dir, 'templates'), { recursive: true })
  writeFileSync(
    join(dir, 'Chart.yaml'),
    `apiVersion: v2\nname: gen${n}\nversion: 1.0.0\nappVersion: "1"\n`,
  )
  writeFileSync(join(dir, 'values.yaml'), `count: ${n}\nimage: registry.example/app:1\n`)
  writeFileSync(
    join(dir, 'templates', 'all.yaml'),
    `{{- range $i := until (int .Values.count) }}
{{- $m := mod $i 10 }}
---
{{- if lt $m 7 }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ $.Release.Name }}-cm-{{ $i }}
data:
  index: {{ $i | quote }}
  payload: {{ printf "value-%d" $i | repeat 4 | quote }}
{{- else if eq $m 7 }}
apiVersion: v1
kind: Secret
metadata:
  name: {{ $.Release.Name }}-secret-{{ $i }}
stringData:
  token: {{ printf "t%d" $i | quote }}
{{- else if eq $m 8 }}
apiVersion: v1
kind: Service
metadata:
  name: {{ $.Release.Name }}-svc-{{ $i }}
spec:
  selector: {app: {{ $.Release.Name }}-{{ $i }}}
  ports: [{port: 80, targetPort: 8080}]
{{- else }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $.Release.Name }}-deploy-{{ $i }}
spec:
  replicas: 1
  selector: {matchLabels: {app: {{ $.Release.Name }}-{{ $i }}}}
  template:
    metadata: {labels: {app: {{ $.Release.Name }}-{{ $i }}}}
    spec:
      containers:
        - name: app
          image: {{ $.Values.image }}
          ports: [{containerPort: 8080}]
{{- end }}
{{- end }}
`,
  )
  return dir
}

const double = await startKubeDouble({ kubelet: false })
try {
  const kube = await KubeClient.connect({ kubeconfig: double.kubeconfigPath })
  const releases = new Releases(kube)
  const env = isolatedHelmEnv({ KUBECONFIG: double.kubeconfigPath })
  const rows: string[] = []
  for (const n of sizes) {
    const dir = generateChart(n)
    const chart = await loadChart(dir)
    for (const ns of [`slipway-${n}`, `helm-${n}`]) {
      await kube.request('POST', '/api/v1/namespaces', {
        body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
      })
    }
    let t = performance.now()
    const rel = await releases.install({ name: 'bench', namespace: `slipway-${n}`, chart })
    const slipwaySeconds = (performance.now() - t) / 1000
    const applied = (rel.manifest.match(/^kind: /gm) ?? []).length

    t = performance.now()
    const h = await run(helmPath(), ['install', 'bench', dir, '-n', `helm-${n}`], {
      env,
      timeoutMs: 600_000,
    })
    const helmSeconds = (performance.now() - t) / 1000
    if (h.code !== 0) throw new Error(`helm install failed: ${h.stderr}`)
    rows.push(
      `${String(n).padStart(9)}  ${String(applied).padStart(7)}  ${slipwaySeconds.toFixed(2).padStart(11)}  ${helmSeconds.toFixed(2).padStart(11)}`,
    )
  }
  process.stdout.write('apply a generated chart against the Kubernetes API double (one run each)\n')
  process.stdout.write('resources  applied  slipway (s)  helm (s)\n')
  process.stdout.write(`${rows.join('\n')}\n`)
  process.stdout.write(
    'slipway: render + server-side dry run of every object + server-side apply + release record\n',
  )
  process.stdout.write(
    'helm:    helm install (render, create every object, release record), a separate process\n',
  )
} finally {
  await double.stop()
}
