import type { RegistryCredentialInput, RegistryList } from '@slipway/api'

/** Registry logins: listed without passwords, stored, removed, and looked up for pulls. */
export interface RegistryStore {
  list(): Promise<RegistryList>
  put(input: RegistryCredentialInput): Promise<void>
  remove(registry: string): Promise<boolean>
  lookup(host: string): Promise<{ username: string; password: string } | undefined>
}
