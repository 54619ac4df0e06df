import { OciError } from './errors.ts'

/** A parsed chart reference: where a chart lives in an OCI registry. */
export interface OciReference {
  /** Registry host with optional port, e.g. `registry-1.docker.io` or `127.0.0.1:5000`. */
  registry: string
  /** Repository path inside the registry, e.g. `charts/demo`. */
  repository: string
  /** Tag, as written (a `+` is mapped to `_` only when sent). */
  tag?: string
  /** Content digest, e.g. `sha256:…`; wins over the tag. */
  digest?: string
  /** `registry/repository[:tag][@digest]`, without the `oci://` scheme. */
  toString(): string
}

/** Docker Hub's name as users write it, and the host that actually serves the API. */
export const dockerHubAlias = 'docker.io'
/** The host serving Docker Hub's registry API. */
export const dockerHubRegistry = 'registry-1.docker.io'

const componentRe = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
// OCI tags are [\w][\w.-]{0,127}; Helm users may also write a version with '+'.
const tagRe = /^[\w][\w.+-]{0,127}$/
const digestRe = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/
const sha256Re = /^sha256:[a-f0-9]{64}$/
const hostRe = /^(?:\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?)(?::[0-9]{1,5})?$/

class Reference implements OciReference {
  registry: string
  repository: string
  tag?: string
  digest?: string
  constructor(registry: string, repository: string, tag?: string, digest?: string) {
    this.registry = registry
    this.repository = repository
    if (tag !== undefined) this.tag = tag
    if (digest !== undefined) this.digest = digest
  }
  toString(): string {
    let s = `${this.registry}/${this.repository}`
    if (this.tag) s += `:${this.tag}`
    if (this.digest) s += `@${this.digest}`
    return s
  }
}

/** Builds a reference from its parts (validated like {@link parseReference}). */
export function makeReference(parts: {
  registry: string
  repository: string
  tag?: string
  digest?: string
}): OciReference {
  let s = `${parts.registry}/${parts.repository}`
  if (parts.tag) s += `:${parts.tag}`
  if (parts.digest) s += `@${parts.digest}`
  return parseReference(s)
}

/**
 * Parses `oci://host[:port]/path/name[:tag|@sha256:…]` (the `oci://` scheme is optional).
 * `docker.io` becomes `registry-1.docker.io`, as Docker and Helm do.
 *
 * @example parseReference('oci://127.0.0.1:5000/charts/demo:1.0.0')
 *   // { registry: '127.0.0.1:5000', repository: 'charts/demo', tag: '1.0.0' }
 */
export function parseReference(ref: string): OciReference {
  const fail = (why: string): never => {
    throw new OciError('INVALID_REFERENCE', ref, `invalid OCI reference "${ref}": ${why}`)
  }
  let rest = ref.trim()
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest)
  if (scheme) {
    if (scheme[1]!.toLowerCase() !== 'oci') fail(`scheme must be oci://, not ${scheme[1]}://`)
    rest = rest.slice(scheme[0].length)
  }
  const slash = rest.indexOf('/')
  if (slash <= 0) fail('expected HOST/REPOSITORY, e.g. oci://registry.example.com/charts/demo')
  let registry = rest.slice(0, slash)
  let path = rest.slice(slash + 1)
  if (!hostRe.test(registry)) fail(`"${registry}" is not a registry host`)
  const port = /:(\d+)$/.exec(registry)
  if (port && Number(port[1]) > 65535) fail(`port ${port[1]} is out of range`)
  registry = registry.toLowerCase()
  if (registry === dockerHubAlias || registry === 'index.docker.io') registry = dockerHubRegistry

  let digest: string | undefined
  const at = path.indexOf('@')
  if (at >= 0) {
    digest = path.slice(at + 1)
    path = path.slice(0, at)
    if (!digestRe.test(digest)) fail(`"${digest}" is not a digest`)
    if (digest.startsWith('sha256:') && !sha256Re.test(digest)) {
      fail(`"${digest}" is not a sha256 digest (64 lower-case hex digits)`)
    }
  }
  let tag: string | undefined
  const colon = path.lastIndexOf(':')
  if (colon >= 0) {
    tag = path.slice(colon + 1)
    path = path.slice(0, colon)
    if (!tagRe.test(tag)) fail(`"${tag}" is not a valid tag`)
  }
  if (!path) fail('the repository path is empty')
  if (path.length > 255) fail('the repository path is longer than 255 characters')
  for (const component of path.split('/')) {
    if (!componentRe.test(component)) {
      fail(`repository component "${component}" must be lower-case letters, digits and separators`)
    }
  }
  return new Reference(registry, path, tag, digest)
}

/**
 * True for hosts Helm talks to over plain HTTP by default: localhost and loopback addresses
 * (127.0.0.0/8, ::1).
 */
export function isLoopbackRegistry(registry: string): boolean {
  let host = registry.replace(/:\d+$/, '')
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1)
  host = host.toLowerCase()
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  )
}
