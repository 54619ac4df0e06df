/**
 * Bounds on what a chart may hold, so that an untrusted chart cannot exhaust memory, disk or
 * time. Every limit can be overridden per call; hitting one raises a ChartError whose code
 * names it.
 */
export interface ChartLimits {
  /** Sum of the decompressed sizes of every file of a chart (Helm: MaxDecompressedChartSize). */
  maxChartSize: number
  /** Decompressed size of a single file (Helm: MaxDecompressedFileSize). */
  maxFileSize: number
  /** Number of entries (files and directories) of an archive or directory, subcharts included. */
  maxFiles: number
  /** Nesting of subcharts: charts/a/charts/b/... deeper than this is refused. */
  maxDepth: number
  /** Bytes of an archive as downloaded (before decompression). */
  maxArchiveSize: number
  /** Bytes of a repository index.yaml. */
  maxIndexSize: number
}

/** The defaults: Helm's own sizes where Helm has them. */
export const defaultLimits: Readonly<ChartLimits> = Object.freeze({
  maxChartSize: 100 * 1024 * 1024,
  maxFileSize: 5 * 1024 * 1024,
  maxFiles: 100_000,
  maxDepth: 20,
  maxArchiveSize: 100 * 1024 * 1024,
  maxIndexSize: 50 * 1024 * 1024,
})

/** `defaultLimits` with some limits replaced. */
export function resolveLimits(overrides: Partial<ChartLimits> = {}): ChartLimits {
  return { ...defaultLimits, ...overrides }
}
