/** What went wrong in a render; a literal union the compiler checks. */
export type RenderErrorCode =
  | 'MISSING_DEPENDENCY'
  | 'DEPENDENCY_TYPE_MISMATCH'
  | 'KUBE_VERSION_INCOMPATIBLE'
  | 'INVALID_KUBE_VERSION'
  | 'SCHEMA_VALIDATION'
  | 'INVALID_SCHEMA'
  | 'TEMPLATE_PARSE'
  | 'TEMPLATE_EXEC'
  | 'YAML_PARSE'
  | 'SHOW_ONLY_NOT_FOUND'
  | 'LIMIT_EXCEEDED'

/**
 * When in Helm's pipeline the error happened: `values` errors come before Helm creates the
 * release (no "Use --debug" hint is printed), `render` errors after.
 */
export type RenderPhase = 'values' | 'render' | 'output'

/**
 * A render failure. `message` is Helm's own wording (what `helm template` prints after
 * "Error: "); the other fields locate the fault as data.
 */
export class RenderError extends Error {
  override name = 'RenderError'
  readonly code: RenderErrorCode
  readonly phase: RenderPhase
  /** Chart name (or path of names, `parent/charts/sub`) the fault is in. */
  readonly chart?: string
  /** Template or file path, `CHART/templates/x.yaml`. */
  readonly file?: string
  readonly line?: number
  readonly column?: number
  /** Dotted values path, for schema and values errors. */
  readonly valuesPath?: string

  constructor(
    code: RenderErrorCode,
    message: string,
    details: {
      phase?: RenderPhase
      chart?: string
      file?: string
      line?: number
      column?: number
      valuesPath?: string
      cause?: unknown
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.code = code
    this.phase = details.phase ?? 'render'
    if (details.chart !== undefined) this.chart = details.chart
    if (details.file !== undefined) this.file = details.file
    if (details.line !== undefined) this.line = details.line
    if (details.column !== undefined) this.column = details.column
    if (details.valuesPath !== undefined) this.valuesPath = details.valuesPath
  }
}

/** True for a {@link RenderError}, optionally of one code. */
export function isRenderError(err: unknown, code?: RenderErrorCode): err is RenderError {
  return err instanceof RenderError && (code === undefined || err.code === code)
}
