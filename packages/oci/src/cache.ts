import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { matchesDigest } from './digest.ts'

/** `$XDG_CACHE_HOME/slipway` or `~/.cache/slipway`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache')
  return join(base, 'slipway')
}

const digestPathRe = /^sha256:([a-f0-9]{64})$/

/**
 * A content-addressed store of blobs and manifests on disk, under `<dir>/oci/blobs/sha256/`.
 * Every write and every read is checked against the digest; a corrupt file is removed and
 * reads as a miss. Tags are never cached: they move.
 */
export class BlobCache {
  readonly dir: string

  constructor(dir: string) {
    this.dir = dir
  }

  #path(digest: string): string | undefined {
    const m = digestPathRe.exec(digest)
    return m ? join(this.dir, 'oci', 'blobs', 'sha256', m[1]!) : undefined
  }

  /** The verified bytes for `digest`, or undefined. */
  async get(digest: string): Promise<Uint8Array | undefined> {
    const path = this.#path(digest)
    if (!path) return undefined
    let bytes: Uint8Array
    try {
      bytes = await readFile(path)
    } catch {
      return undefined
    }
    if (matchesDigest(bytes, digest)) return bytes
    await rm(path, { force: true })
    return undefined
  }

  /** Stores `bytes` under `digest`; false (and nothing stored) when they do not match. */
  async put(digest: string, bytes: Uint8Array): Promise<boolean> {
    const path = this.#path(digest)
    if (!path || !matchesDigest(bytes, digest)) return false
    await mkdir(join(this.dir, 'oci', 'blobs', 'sha256'), { recursive: true })
    // write then rename, so readers never see a partial file
    const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
    await writeFile(tmp, bytes)
    await rename(tmp, path)
    return true
  }
}
