import type { OptionSpec } from './command.ts'

/** Flags every command accepts, as Helm's global and registry flags. */
export const globalOptions: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
  namespace: { type: 'string', short: 'n' },
  kubeconfig: { type: 'string' },
  'kube-context': { type: 'string' },
  'registry-config': { type: 'string' },
  'repository-config': { type: 'string' },
}

/** Flags of commands that fetch a chart (pull, show, template, install, upgrade). */
export const chartSourceOptions: OptionSpec = {
  version: { type: 'string' },
  repo: { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
  'plain-http': { type: 'boolean' },
  'insecure-skip-tls-verify': { type: 'boolean' },
  'ca-file': { type: 'string' },
  'cert-file': { type: 'string' },
  'key-file': { type: 'string' },
  devel: { type: 'boolean' },
}
