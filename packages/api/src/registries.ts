/** Where a registry login is kept. */
export type CredentialSource = 'helm' | 'docker' | 'secret'

/** A registry login as the browser sees it: never with its password. */
export interface RegistryCredentialView {
  /** The registry host (`registry.example.com`, `127.0.0.1:5000`). */
  registry: string
  username: string
  source: CredentialSource
  /** The Secret holding it, for `source: 'secret'` (in a cluster). */
  secretName?: string
  /** Whether Slipway can change or remove it (a login from docker's config is read-only). */
  editable: boolean
}

/** Every login Slipway can use, and where new ones go. */
export interface RegistryList {
  /** `helm` when running locally (Helm's registry config), `secret` in a cluster. */
  storage: 'helm' | 'secret'
  registries: RegistryCredentialView[]
}

/** A login to store (`PUT /api/registries`). */
export interface RegistryCredentialInput {
  registry: string
  username: string
  password: string
}
