/**
 * Template errors: structured data first (template, line, column, node, cause), with `message`
 * worded exactly as Go's text/template words it.
 */
import type { TemplateSource } from './ast.ts'
import type { TemplateLimits } from './limits.ts'

/** What went wrong, as a literal the compiler checks. */
export type TemplateErrorCode =
  'TEMPLATE_PARSE' | 'TEMPLATE_EXEC' | 'TEMPLATE_NOT_FOUND' | 'TEMPLATE_LIMIT'

/** Base of every error thrown by parsing or executing templates. */
export abstract class TemplateError extends Error {
  abstract readonly code: TemplateErrorCode
  /** The template being parsed or executed (for a `define`, its name). */
  readonly templateName: string
  /** 1-based line of the fault in `parseName`, 0 when unknown. */
  readonly line: number
  /** Go's column: 0-based byte offset in the line; 0 when unknown or not applicable. */
  readonly column: number

  constructor(
    message: string,
    templateName: string,
    line: number,
    column: number,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause })
    this.templateName = templateName
    this.line = line
    this.column = column
  }
}

/**
 * A syntax error: `template: NAME:LINE: DETAIL` (NAME is the file being parsed), e.g.
 * `template: c/templates/a.yaml:3: function "x" not defined`.
 */
export class TemplateParseError extends TemplateError {
  override readonly name = 'TemplateParseError'
  readonly code = 'TEMPLATE_PARSE'
  /** Go's ParseName: the name given to `parse`, also for errors inside its defines. */
  readonly parseName: string
  /** The message without the `template: NAME:LINE: ` prefix. */
  readonly detail: string

  constructor(parseName: string, line: number, detail: string) {
    super(`template: ${parseName}:${line}: ${detail}`, parseName, line, 0)
    this.parseName = parseName
    this.detail = detail
  }
}

/** Where an execution error happened: the executing template and the node being evaluated. */
export interface ExecLocation {
  /** The executing template (a file or a define). */
  templateName: string
  /** The source the node belongs to, or null before any node was reached. */
  source: TemplateSource | null
  /** UTF-16 offset of the node in `source.text`. */
  pos: number
  /** Go's `String()` of the node. */
  nodeText: string
}

/** Line and Go column (0-based UTF-8 byte offset in its line) of an offset in a text. */
export function lineAndColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: utf8Length(text.slice(lineStart, pos)) }
}

function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

function formatExec(
  loc: ExecLocation,
  detail: string,
): { message: string; line: number; column: number } {
  if (!loc.source)
    return { message: `template: ${loc.templateName}: ${detail}`, line: 0, column: 0 }
  const { line, column } = lineAndColumn(loc.source.text, loc.pos)
  const message =
    `template: ${loc.source.parseName}:${line}:${column}: executing ${JSON.stringify(loc.templateName)} ` +
    `at <${loc.nodeText}>: ${detail}`
  return { message, line, column }
}

/**
 * A failure while executing, e.g.
 * `template: c/templates/a.yaml:1:12: executing "c/templates/a.yaml" at <.Values.a.b>: nil pointer evaluating interface {}.b`.
 * When a function threw (`error calling fail: x`), `cause` is the very object it threw.
 */
export class TemplateExecError extends TemplateError {
  override readonly name = 'TemplateExecError'
  readonly code = 'TEMPLATE_EXEC'
  /** The file the node was parsed from (Go's ParseName); `templateName` when no node. */
  readonly parseName: string
  /** Go's `String()` of the node being evaluated (untruncated), or "" when none. */
  readonly nodeText: string
  /** The message after `at <…>: `. */
  readonly detail: string
  /** The name of the function whose call failed, when one did. */
  readonly functionName: string | undefined

  constructor(
    loc: ExecLocation,
    detail: string,
    options: { cause?: unknown; functionName?: string } = {},
  ) {
    const { message, line, column } = formatExec(loc, detail)
    super(message, loc.templateName, line, column, options.cause)
    this.parseName = loc.source?.parseName ?? loc.templateName
    this.nodeText = loc.nodeText
    this.detail = detail
    this.functionName = options.functionName
  }
}

/**
 * `execute` of a name the set does not hold, worded as Go's ExecuteTemplate:
 * `template: no template "x" associated with template "gotpl"`.
 */
export class TemplateNotFoundError extends TemplateError {
  override readonly name = 'TemplateNotFoundError'
  readonly code = 'TEMPLATE_NOT_FOUND'

  constructor(name: string, setName: string) {
    super(
      `template: no template ${JSON.stringify(name)} associated with template ${JSON.stringify(setName)}`,
      name,
      0,
      0,
    )
  }
}

/** A bound of limits.ts was hit; `limit` names it. */
export class TemplateLimitError extends TemplateError {
  override readonly name = 'TemplateLimitError'
  readonly code = 'TEMPLATE_LIMIT'
  /** Which bound. */
  readonly limit: keyof TemplateLimits
  /** Its value. */
  readonly max: number

  constructor(limit: keyof TemplateLimits, max: number, detail: string, loc: ExecLocation | null) {
    const f = loc ? formatExec(loc, detail) : { message: `template: ${detail}`, line: 0, column: 0 }
    super(f.message, loc?.templateName ?? '', f.line, f.column)
    this.limit = limit
    this.max = max
  }
}
