import { createHash } from 'node:crypto'

/** The `sha256:…` digest of `bytes`. */
export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

/** True when `bytes` hash to `digest` (only sha256 is supported, as in Helm). */
export function matchesDigest(bytes: Uint8Array, digest: string): boolean {
  return digest.startsWith('sha256:') && sha256Digest(bytes) === digest
}
