/** Why a YAML or JSON text could not be decoded. */
export type EncodingErrorCode =
  | 'YAML_SYNTAX'
  | 'YAML_ALIAS'
  | 'YAML_EXCESSIVE_ALIASING'
  | 'YAML_MERGE'
  | 'YAML_TAG'
  | 'YAML_MAP_KEY'
  | 'YAML_UNSUPPORTED'
  | 'JSON_UNSUPPORTED_VALUE'
  | 'JSON_SYNTAX'
  | 'JSON_TYPE'
  | 'TOML_SYNTAX'
  | 'TOML_UNSUPPORTED'

/**
 * A decoding error worded as Helm's Go libraries word it (`message`), located by
 * `file`, `line` and `column` (1-based) when known.
 */
export class EncodingError extends Error {
  override readonly name = 'EncodingError'
  readonly code: EncodingErrorCode
  readonly file: string | undefined
  readonly line: number | undefined
  readonly column: number | undefined

  constructor(
    code: EncodingErrorCode,
    message: string,
    location: {
      file?: string | undefined
      line?: number | undefined
      column?: number | undefined
    } = {},
  ) {
    super(message)
    this.code = code
    this.file = location.file
    this.line = location.line
    this.column = location.column
  }
}
