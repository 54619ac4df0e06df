import type { RegistryCredentialView } from '@slipway/api'
import { CredentialStore } from '@slipway/oci'
import type { RegistryStore } from './store.ts'

/**
 * Logins kept where Helm keeps them (Helm's registry config; Docker's config is read too), so
 * `helm registry login` and Slipway share them. The files are re-read on every call.
 */
export function localRegistryStore(env: NodeJS.ProcessEnv = process.env): RegistryStore {
  const open = () => CredentialStore.fromDefaultLocations(env)
  return {
    async list() {
      const all = open()
      const helmOnly = new CredentialStore(all.helmConfigPath)
      const helmHosts = new Set(helmOnly.hosts())
      const registries: RegistryCredentialView[] = all.hosts().map((host) => ({
        registry: host,
        username: all.get(host)?.username ?? '',
        source: helmHosts.has(host) ? 'helm' : 'docker',
        editable: helmHosts.has(host),
      }))
      return { storage: 'helm', registries }
    },
    async put(input) {
      await open().set(input.registry, { username: input.username, password: input.password })
    },
    async remove(registry) {
      const store = open()
      const helmOnly = new CredentialStore(store.helmConfigPath)
      if (!helmOnly.get(registry)) return false
      await store.remove(registry)
      return true
    },
    async lookup(host) {
      return open().get(host)
    },
  }
}
