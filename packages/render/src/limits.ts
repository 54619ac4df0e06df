/**
 * Named bounds of a render. Untrusted charts run inside these; each bound hit raises a
 * {@link RenderError} (or the engine's own limit error) naming the bound.
 */
export interface RenderLimits {
  /** How deeply `include` may nest one name (Helm's recursionMaxNums). */
  maxIncludeDepth: number
  /**
   * How deeply `include` calls may nest in total, whatever the names. Helm has no such bound,
   * but JavaScript's stack is shorter than Go's: past this, the render fails with Helm's
   * nested-reference message instead of overflowing.
   */
  maxIncludeNesting: number
  /** How many subchart levels are followed below the root chart. */
  maxChartDepth: number
  /** Largest rendered output of a single template file, in characters. */
  maxTemplateOutput: number
  /** Largest total rendered output of a chart, in characters. */
  maxTotalOutput: number
}

/** Defaults: Helm's include limit, and generous bounds that real charts stay far below. */
export const defaultRenderLimits: RenderLimits = {
  maxIncludeDepth: 1000,
  maxIncludeNesting: 250,
  maxChartDepth: 32,
  maxTemplateOutput: 64 * 1024 * 1024,
  maxTotalOutput: 256 * 1024 * 1024,
}
