/**
 * Bounds on parsing and executing templates, so an untrusted chart cannot hang or exhaust the
 * renderer. Every bound is overridable per {@link TemplateSet}; hitting one throws a
 * `TemplateLimitError` naming it.
 */

/** Resource bounds of one template set. */
export interface TemplateLimits {
  /**
   * Deepest nesting of template calls: `{{ template }}` actions plus nested `execute` calls made
   * by functions such as Helm's `include` and `tpl`. Helm stops `include` recursion at 1000.
   */
  maxTemplateDepth: number
  /** Execution steps (nodes walked, commands evaluated) of one top-level `execute`, nested calls included. */
  maxSteps: number
  /** Characters one `execute` may write. */
  maxOutputSize: number
  /** `range` iterations of one top-level `execute`, nested calls included. */
  maxRangeIterations: number
  /** Deepest nesting of parentheses and control structures (`if`, `range` …) the parser accepts. */
  maxParseDepth: number
  /** Characters of one template source. */
  maxSourceSize: number
}

/** Defaults: far above what real charts need (the largest public charts stay under 1% of each). */
export const DEFAULT_TEMPLATE_LIMITS: Readonly<TemplateLimits> = Object.freeze({
  maxTemplateDepth: 1000,
  maxSteps: 100_000_000,
  maxOutputSize: 64 * 1024 * 1024,
  maxRangeIterations: 10_000_000,
  maxParseDepth: 1000,
  maxSourceSize: 16 * 1024 * 1024,
})

/** Fills the bounds not given from {@link DEFAULT_TEMPLATE_LIMITS}. */
export function resolveLimits(limits: Partial<TemplateLimits> = {}): TemplateLimits {
  return { ...DEFAULT_TEMPLATE_LIMITS, ...limits }
}
