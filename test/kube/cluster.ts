/**
 * The cluster kube tests run against: the Kubernetes API double by default, or the real cluster
 * named by `SLIPWAY_TEST_KUBECONFIG`.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startKubeDouble, type KubeDouble } from '../kube-double/index.ts'
import { freePort } from '../support/ports.ts'
import {
  isolatedHelmEnv,
  kubectlPath,
  repoRoot,
  run,
  helmPath,
  type RunResult,
} from '../support/tools.ts'

/**
 * Runs the double in a child process (`pnpm kube-double`), for code that blocks its own thread
 * while the server answers (the synchronous `lookup` during rendering).
 */
export async function startDoubleProcess(): Promise<{
  kubeconfigPath: string
  stop(): Promise<void>
}> {
  const port = await freePort()
  const kubeconfigPath = join(mkdtempSync(join(tmpdir(), 'kube-double-proc-')), 'kubeconfig')
  const child = spawn(
    join(repoRoot, 'node_modules', '.bin', 'tsx'),
    [
      join(repoRoot, 'test', 'kube-double', 'main.ts'),
      '--port',
      String(port),
      '--kubeconfig',
      kubeconfigPath,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  await new Promise<void>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('listening on')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`kube-double exited with ${code}: ${out}`)))
  })
  return {
    kubeconfigPath,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** A cluster for one test file. */
export interface TestCluster {
  kubeconfigPath: string
  /** Set when the cluster is the double in this process (its store and failure hooks). */
  double: KubeDouble | undefined
  /** An environment for kubectl/helm: isolated HOME and caches, KUBECONFIG set. */
  env: NodeJS.ProcessEnv
  kubectl(args: string[], input?: string): Promise<RunResult>
  helm(args: string[]): Promise<RunResult>
  /** A fresh namespace name (created by `kubectl create namespace` when `create` is set). */
  namespace(create?: boolean): Promise<string>
  stop(): Promise<void>
}

/** Starts (or connects to) the cluster. */
export async function startCluster(
  options: { kubelet?: boolean; separateProcess?: boolean } = {},
): Promise<TestCluster> {
  const real = process.env.SLIPWAY_TEST_KUBECONFIG
  const proc = !real && options.separateProcess ? await startDoubleProcess() : undefined
  const double =
    real || proc ? undefined : await startKubeDouble({ kubelet: options.kubelet ?? true })
  const kubeconfigPath = real ?? proc?.kubeconfigPath ?? (double as KubeDouble).kubeconfigPath
  const env = isolatedHelmEnv({ KUBECONFIG: kubeconfigPath })
  const namespaces: string[] = []
  const cluster: TestCluster = {
    kubeconfigPath,
    double,
    env,
    kubectl: (args, input) => run(kubectlPath(), args, { env, input }),
    helm: (args) => run(helmPath(), args, { env }),
    async namespace(create = true) {
      const ns = `t-${randomBytes(4).toString('hex')}`
      if (create) {
        const r = await cluster.kubectl(['create', 'namespace', ns])
        if (r.code !== 0) throw new Error(`kubectl create namespace ${ns}: ${r.stderr}`)
      }
      namespaces.push(ns)
      return ns
    },
    async stop() {
      if (double) await double.stop()
      else if (proc) await proc.stop()
      else
        for (const ns of namespaces)
          await cluster.kubectl(['delete', 'namespace', ns, '--wait=false', '--ignore-not-found'])
    },
  }
  return cluster
}
