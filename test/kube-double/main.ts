/**
 * `pnpm kube-double --port N --kubeconfig FILE [--kubelet] [--state FILE]`: serves the Kubernetes
 * API test double until interrupted.
 */
import { parseArgs } from 'node:util'
import { startKubeDouble } from './index.ts'

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    kubeconfig: { type: 'string' },
    kubelet: { type: 'boolean', default: true },
    'no-kubelet': { type: 'boolean' },
    state: { type: 'string' },
    token: { type: 'string' },
  },
})
const double = await startKubeDouble({
  port: values.port ? Number(values.port) : undefined,
  kubelet: values['no-kubelet'] ? false : values.kubelet,
  stateFile: values.state,
  ...(values.token ? { token: values.token } : {}),
})
if (values.kubeconfig) double.writeKubeconfig(values.kubeconfig)
process.stdout.write(
  `Kubernetes API double listening on ${double.url}\nkubeconfig: ${values.kubeconfig ?? double.kubeconfigPath}\n`,
)
const shutdown = (): void => {
  void double.stop().then(() => process.exit(0))
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
