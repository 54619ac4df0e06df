/** Bounds of the server; each can be overridden through `AppOptions.limits`. */
export interface ServerLimits {
  /** How long loading one chart version (resolve, pull, unpack) may take before a 504. */
  chartLoadTimeoutMs: number
  /** How long listing a repository's versions may take before a 504. */
  versionListTimeoutMs: number
}

/** The defaults of {@link ServerLimits}. */
export const defaultServerLimits: ServerLimits = {
  chartLoadTimeoutMs: 60_000,
  versionListTimeoutMs: 30_000,
}

/** Largest README sent to the browser; longer ones are cut. */
export const MAX_README_BYTES = 256 * 1024

/** Largest values.schema.json accepted (bytes). */
export const MAX_SCHEMA_BYTES = 2 * 1024 * 1024

/** Largest JSON request body. */
export const MAX_JSON_BODY = '10mb'
