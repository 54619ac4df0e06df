import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { OciError } from './errors.ts'
import { dockerHubRegistry } from './reference.ts'

/** A user name and password (or token) for one registry. */
export interface Credential {
  username: string
  password: string
}

interface AuthEntry {
  auth?: string
  username?: string
  password?: string
  identitytoken?: string
}

interface ConfigFile {
  auths?: Record<string, AuthEntry>
  [key: string]: unknown
}

// Docker Hub is stored under several names; any of them is Docker Hub.
const dockerHubKeys = [
  'https://index.docker.io/v1/',
  'index.docker.io',
  'docker.io',
  dockerHubRegistry,
]

/** `https://host:port/v1/` → `host:port`, as Docker and Helm normalise `auths` keys. */
function normaliseHost(key: string): string {
  const host = key
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase()
  return dockerHubKeys.includes(host) || host === 'index.docker.io' ? dockerHubRegistry : host
}

function decodeEntry(entry: AuthEntry): Credential | undefined {
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
  }
  if (entry.username && entry.password)
    return { username: entry.username, password: entry.password }
  if (entry.identitytoken) return { username: '<token>', password: entry.identitytoken }
  return undefined
}

function readConfig(path: string): ConfigFile {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return {}
  }
  try {
    const parsed = JSON.parse(text) as unknown
    return parsed && typeof parsed === 'object' ? (parsed as ConfigFile) : {}
  } catch (err) {
    throw new OciError(
      'CREDENTIALS',
      path,
      `cannot read registry credentials from ${path}: ${(err as Error).message}`,
      { cause: err },
    )
  }
}

/**
 * Registry credentials as Helm keeps them: read and written in Helm's registry config
 * (`HELM_REGISTRY_CONFIG`, default `~/.config/helm/registry/config.json`), and also read from
 * Docker's `config.json` (`DOCKER_CONFIG`, default `~/.docker`). Entries are
 * `auths.<host>.auth` = base64 `user:password`. Helm's file wins over Docker's.
 */
export class CredentialStore {
  /** Helm registry config file this store writes. */
  readonly helmConfigPath: string
  /** Files read, in order of precedence. */
  readonly sources: readonly string[]
  #entries = new Map<string, Credential>()

  constructor(helmConfigPath: string, readOnlyPaths: string[] = []) {
    this.helmConfigPath = helmConfigPath
    this.sources = [helmConfigPath, ...readOnlyPaths]
    for (const path of [...readOnlyPaths].reverse().concat(helmConfigPath)) {
      for (const [key, entry] of Object.entries(readConfig(path).auths ?? {})) {
        const cred = entry && typeof entry === 'object' ? decodeEntry(entry) : undefined
        if (cred) this.#entries.set(normaliseHost(key), cred)
      }
    }
  }

  /** A store over the files Helm and Docker use, located through `env` like Helm does. */
  static fromDefaultLocations(env: NodeJS.ProcessEnv = process.env): CredentialStore {
    const home = env.HOME || homedir()
    const helmConfigHome =
      env.HELM_CONFIG_HOME || join(env.XDG_CONFIG_HOME || join(home, '.config'), 'helm')
    const helmConfig = env.HELM_REGISTRY_CONFIG || join(helmConfigHome, 'registry', 'config.json')
    const dockerConfig = join(env.DOCKER_CONFIG || join(home, '.docker'), 'config.json')
    return new CredentialStore(helmConfig, [dockerConfig])
  }

  /** The credential for `host` (`docker.io` and its aliases are one host). */
  get(host: string): Credential | undefined {
    return this.#entries.get(normaliseHost(host))
  }

  /** Hosts that have a credential. */
  hosts(): string[] {
    return [...this.#entries.keys()].sort()
  }

  /** Stores a credential in Helm's registry config (as `helm registry login` does). */
  async set(host: string, cred: Credential): Promise<void> {
    const auth = Buffer.from(`${cred.username}:${cred.password}`).toString('base64')
    await this.#update((auths) => {
      auths[host] = { auth }
    })
    this.#entries.set(normaliseHost(host), { ...cred })
  }

  /** Removes a host's credential from Helm's registry config (as `helm registry logout` does). */
  async remove(host: string): Promise<void> {
    const target = normaliseHost(host)
    await this.#update((auths) => {
      for (const key of Object.keys(auths)) if (normaliseHost(key) === target) delete auths[key]
    })
    this.#entries.delete(target)
  }

  async #update(change: (auths: Record<string, AuthEntry>) => void): Promise<void> {
    let config: ConfigFile = {}
    try {
      config = JSON.parse(await readFile(this.helmConfigPath, 'utf8')) as ConfigFile
    } catch {
      config = {}
    }
    const auths = { ...(config.auths ?? {}) }
    change(auths)
    config.auths = auths
    await mkdir(dirname(this.helmConfigPath), { recursive: true })
    // write then rename, so a crash never leaves half a credentials file
    const tmp = `${this.helmConfigPath}.${process.pid}.tmp`
    await writeFile(tmp, `${JSON.stringify(config, null, '\t')}\n`, { mode: 0o600 })
    await rename(tmp, this.helmConfigPath)
  }
}
