/**
 * Helm's `--set` family of flags (pkg/strvals and pkg/cli/values): each parses
 * `key.path[index]=value,…` into a values map, as `helm template --set …` does.
 */
import { StrvalsError } from './errors.ts'
import { StrvalsParser } from './parser.ts'
import { typedValue } from './typed-value.ts'
import type { Values } from './values.ts'

export { StrvalsError, type StrvalsErrorCode } from './errors.ts'
export { MAX_INDEX, MAX_NESTED_LIST_LEVEL, MAX_NESTED_NAME_LEVEL } from './limits.ts'
export { typedValue } from './typed-value.ts'
export type { Values as StrvalsValues } from './values.ts'

/**
 * `--set`: ints become bigint, `true`/`false`/`null` typed, other text strings; `a={x,y}`
 * lists, `a[0].b` indexes, `\,` `\.` `\=` escapes. Writes into `into`.
 *
 * @example parseSet('image.tag=1.2,replicas=3,ports={80,443}', values)
 * @throws {StrvalsError} with Helm's message, e.g. `key "b" has no value`
 */
export function parseSet(expr: string, into: Values): void {
  new StrvalsParser(expr, into, 'set', (rs) => typedValue(rs)).parse()
}

/** `--set-string`: like {@link parseSet}, every value a string. */
export function parseSetString(expr: string, into: Values): void {
  new StrvalsParser(expr, into, 'set', (rs) => typedValue(rs, true)).parse()
}

/** `--set-json`: `key=<JSON>` pairs; JSON numbers are float64, an empty value is nil. */
export function parseSetJson(expr: string, into: Values): void {
  new StrvalsParser(expr, into, 'json', (rs) => rs).parse()
}

/**
 * `--set-file`: `key=path`; each value is the text of the file `readFile` returns for the path
 * (the caller decides where files may come from).
 */
export function parseSetFile(expr: string, into: Values, readFile: (path: string) => string): void {
  new StrvalsParser(expr, into, 'set', (rs) => {
    try {
      return readFile(rs)
    } catch (e) {
      throw new StrvalsError('STRVALS_FILE', e instanceof Error ? e.message : String(e))
    }
  }).parse()
}

/** `--set-literal`: one `key=value` whose value is taken verbatim (commas, backslashes and all). */
export function parseSetLiteral(expr: string, into: Values): void {
  new StrvalsParser(expr, into, 'literal', (rs) => rs).parse()
}

/** The `--set` family of flags as given on the command line, each in order. */
export interface SetFlags {
  set?: string[]
  setString?: string[]
  setJson?: string[]
  setFile?: string[]
  setLiteral?: string[]
}

/**
 * Applies the flags over `base` (the merged `-f` values) in Helm's order — `--set-json`,
 * `--set`, `--set-string`, `--set-file`, `--set-literal` — and returns `base`.
 *
 * @throws {StrvalsError} worded as helm words it (`failed parsing --set data: key "b" has no value`)
 */
export function applySetFlags(
  base: Values,
  flags: SetFlags,
  readFile?: (path: string) => string,
): Values {
  const apply = (
    flag: string,
    list: string[] | undefined,
    parse: (expr: string) => void,
    bare = false,
  ) => {
    for (const expr of list ?? []) {
      try {
        parse(expr)
      } catch (e) {
        if (!(e instanceof StrvalsError)) throw e
        const message = bare
          ? `failed parsing ${flag} data ${expr}`
          : `failed parsing ${flag} data: ${e.message}`
        throw new StrvalsError(e.code, message, { flag, expression: expr })
      }
    }
  }
  apply('--set-json', flags.setJson, (x) => parseSetJson(x, base), true)
  apply('--set', flags.set, (x) => parseSet(x, base))
  apply('--set-string', flags.setString, (x) => parseSetString(x, base))
  apply('--set-file', flags.setFile, (x) => {
    if (!readFile) throw new StrvalsError('STRVALS_FILE', '--set-file needs a way to read files')
    parseSetFile(x, base, readFile)
  })
  apply('--set-literal', flags.setLiteral, (x) => parseSetLiteral(x, base))
  return base
}
