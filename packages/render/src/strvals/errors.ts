/** What went wrong in a `--set` style expression. */
export type StrvalsErrorCode =
  | 'STRVALS_NO_VALUE'
  | 'STRVALS_INDEX'
  | 'STRVALS_SYNTAX'
  | 'STRVALS_TYPE'
  | 'STRVALS_NESTING'
  | 'STRVALS_JSON'
  | 'STRVALS_FILE'

/**
 * A `--set`, `--set-string`, `--set-json`, `--set-file` or `--set-literal` expression Helm
 * would reject. `message` is Helm's wording (`key "b" has no value`); `flag` and `expression`
 * say which argument it was, once known.
 */
export class StrvalsError extends Error {
  override readonly name = 'StrvalsError'
  readonly code: StrvalsErrorCode
  readonly flag: string | undefined
  readonly expression: string | undefined

  constructor(
    code: StrvalsErrorCode,
    message: string,
    where: { flag?: string; expression?: string } = {},
  ) {
    super(message)
    this.code = code
    this.flag = where.flag
    this.expression = where.expression
  }
}
