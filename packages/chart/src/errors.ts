/** What went wrong while reading, validating, fetching or writing a chart. */
export type ChartErrorCode =
  /** Chart.yaml is absent from the chart. */
  | 'CHART_YAML_MISSING'
  /** A YAML or JSON file of the chart does not parse. */
  | 'PARSE_ERROR'
  /** Chart.yaml (or requirements.yaml) parses but breaks Helm's rules. */
  | 'INVALID_METADATA'
  /** values.yaml is not a map. */
  | 'INVALID_VALUES'
  /** A dependency of Chart.yaml has no chart in charts/. */
  | 'MISSING_DEPENDENCY'
  /** The bytes are not a gzipped tar archive, or the archive is damaged. */
  | 'INVALID_ARCHIVE'
  /** The archive holds no file. */
  | 'EMPTY_ARCHIVE'
  /** An entry points outside the chart (`..`, absolute path, drive letter). */
  | 'PATH_TRAVERSAL'
  /** A symbolic or hard link where none is allowed. */
  | 'LINK_NOT_ALLOWED'
  /** A device, FIFO or other non-regular file. */
  | 'IRREGULAR_FILE'
  /** The chart as a whole exceeds the decompressed size limit. */
  | 'CHART_TOO_LARGE'
  /** One file exceeds the per-file size limit. */
  | 'FILE_TOO_LARGE'
  /** The chart holds more files than the file-count limit. */
  | 'TOO_MANY_FILES'
  /** Subcharts are nested deeper than the depth limit. */
  | 'TOO_DEEP'
  /** A .helmignore rule Helm would refuse. */
  | 'INVALID_HELMIGNORE'
  /** A version or a version range that does not parse. */
  | 'INVALID_VERSION'
  /** No version satisfies the requested version or range. */
  | 'VERSION_NOT_FOUND'
  /** The repository index does not list the chart. */
  | 'CHART_NOT_FOUND'
  /** A chart source that is neither a path, an oci:// reference nor a repository chart. */
  | 'INVALID_SOURCE'
  /** The path of a chart does not exist or cannot be read. */
  | 'NOT_FOUND'
  /** A Helm repository answered with an error or could not be reached. */
  | 'REPOSITORY_ERROR'
  /** A Helm repository's index.yaml is malformed. */
  | 'INVALID_INDEX'
  /** Writing a chart or an archive failed. */
  | 'WRITE_ERROR'

/** Where a {@link ChartError} happened, as far as it is known. */
export interface ChartErrorLocation {
  /** Path of the file, relative to the chart root (`charts/sub/Chart.yaml` for subcharts). */
  file?: string
  /** 1-based line in `file`. */
  line?: number
  /** 1-based column in `file`. */
  column?: number
  /** Dotted path of the offending field, e.g. `dependencies[1].alias`. */
  field?: string
  /** The chart, archive, URL or reference being loaded. */
  source?: string
}

/**
 * The one error type of `@slipway/chart`. `code` is a literal callers can switch on; the
 * location fields say where the fault is, and `message` says it in words (Helm's words where
 * Helm has some).
 */
export class ChartError extends Error {
  override name = 'ChartError'
  readonly code: ChartErrorCode
  declare readonly file?: string
  declare readonly line?: number
  declare readonly column?: number
  declare readonly field?: string
  declare readonly source?: string

  constructor(
    code: ChartErrorCode,
    message: string,
    location: ChartErrorLocation = {},
    options: { cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    if (location.file !== undefined) this.file = location.file
    if (location.line !== undefined) this.line = location.line
    if (location.column !== undefined) this.column = location.column
    if (location.field !== undefined) this.field = location.field
    if (location.source !== undefined) this.source = location.source
  }

  /** A copy of this error placed inside a subchart: `file` gains the `charts/<dir>/` prefix. */
  inSubchart(dir: string, parent: string): ChartError {
    const file = this.file === undefined ? undefined : `charts/${dir}/${this.file}`
    const err = new ChartError(
      this.code,
      `error unpacking subchart ${dir} in ${parent}: ${this.message}`,
      { ...this.location(), ...(file === undefined ? {} : { file }) },
      { cause: this },
    )
    return err
  }

  /** The location fields as a plain object. */
  location(): ChartErrorLocation {
    const loc: ChartErrorLocation = {}
    if (this.file !== undefined) loc.file = this.file
    if (this.line !== undefined) loc.line = this.line
    if (this.column !== undefined) loc.column = this.column
    if (this.field !== undefined) loc.field = this.field
    if (this.source !== undefined) loc.source = this.source
    return loc
  }
}

/** True when `err` is a {@link ChartError} (with the given code, if one is given). */
export function isChartError(err: unknown, code?: ChartErrorCode): err is ChartError {
  return err instanceof ChartError && (code === undefined || err.code === code)
}
