/**
 * Chart archives kept in memory by content digest, up to a byte budget (least recently used
 * evicted first), so that loading the same repository chart again skips the download.
 */
export class ArchiveCache {
  readonly #entries = new Map<string, Uint8Array>()
  #bytes = 0

  constructor(readonly maxBytes = 64 * 1024 * 1024) {}

  /** The archive with this `sha256:…` digest, if cached. */
  get(digest: string): Uint8Array | undefined {
    const data = this.#entries.get(digest)
    if (data) {
      this.#entries.delete(digest)
      this.#entries.set(digest, data)
    }
    return data
  }

  /** Keeps `data` under `digest` (the caller has verified the digest). */
  set(digest: string, data: Uint8Array): void {
    if (data.length > this.maxBytes || this.#entries.has(digest)) return
    this.#entries.set(digest, data)
    this.#bytes += data.length
    for (const [key, value] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break
      this.#entries.delete(key)
      this.#bytes -= value.length
    }
  }
}

/** The process-wide archive cache used when callers do not pass their own. */
export const sharedArchiveCache = new ArchiveCache()
