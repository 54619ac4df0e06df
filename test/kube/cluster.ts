/**
 * The cluster kube tests run against: the Kubernetes API double by default, or the real cluster
 * named by `SLIPWAY_TEST_KUBECONFIG`.
 */
import { randomBytes } from 'node:crypto'
import { startKubeDouble, type KubeDouble } from '../kube-double/index.ts'
import { isolatedHelmEnv, kubectlPath, run, helmPath, type RunResult } from '../support/tools.ts'

/** A cluster for one test file. */
export interface TestCluster {
  kubeconfigPath: string
  /** Set when the cluster is the double (its store and failure hooks). */
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
export async function startCluster(options: { kubelet?: boolean } = {}): Promise<TestCluster> {
  const real = process.env.SLIPWAY_TEST_KUBECONFIG
  const double = real ? undefined : await startKubeDouble({ kubelet: options.kubelet ?? true })
  const kubeconfigPath = real ?? (double as KubeDouble).kubeconfigPath
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
      else for (const ns of namespaces) await cluster.kubectl(['delete', 'namespace', ns, '--wait=false', '--ignore-not-found'])
    },
  }
  return cluster
}
