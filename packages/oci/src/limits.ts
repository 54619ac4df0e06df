/** Bounds on what a registry may send or make us do; each can be overridden per client. */
export interface OciLimits {
  /** Largest manifest (or index) accepted, in bytes. */
  maxManifestBytes: number
  /** Largest chart archive (content layer) accepted, in bytes. */
  maxChartBytes: number
  /** Largest config blob (Chart.yaml as JSON) accepted, in bytes. */
  maxConfigBytes: number
  /** Largest provenance file accepted, in bytes. */
  maxProvenanceBytes: number
  /** Largest token-server or error response read, in bytes. */
  maxAuxResponseBytes: number
  /** Most redirects followed for one request. */
  maxRedirects: number
  /** Most `Link` pages followed when listing tags. */
  maxTagPages: number
  /** Longest wait honoured from a `Retry-After` header, in milliseconds. */
  maxRetryAfterMs: number
}

/** Slipway's default bounds. */
export const defaultLimits: Readonly<OciLimits> = Object.freeze({
  maxManifestBytes: 4 * 1024 * 1024,
  maxChartBytes: 20 * 1024 * 1024,
  maxConfigBytes: 1024 * 1024,
  maxProvenanceBytes: 1024 * 1024,
  maxAuxResponseBytes: 1024 * 1024,
  maxRedirects: 5,
  maxTagPages: 1000,
  maxRetryAfterMs: 10_000,
})

/** Default time allowed for one HTTP exchange (headers and body), in milliseconds. */
export const defaultTimeoutMs = 30_000

/** Default number of retries after a 429, a 5xx or a network error. */
export const defaultRetries = 3

/** First backoff delay; it doubles on every retry. */
export const retryBaseDelayMs = 200
