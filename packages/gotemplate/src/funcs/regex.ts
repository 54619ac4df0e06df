/** Sprig's regex functions over Go RE2 syntax (see re2.ts). */
import type { FuncMap } from '../func.ts'
import { fn } from './args.ts'
import { compileRe2, findAll, quoteMeta, replaceAll, split } from './re2.ts'
import { withGoType } from './fmt-type.ts'

function match(expr: string, s: string): boolean {
  const re = compileRe2(expr)
  return re.exec(s, 0) !== null
}

const find = (expr: string, s: string) => compileRe2(expr).exec(s, 0)?.[0] ?? ''
const findAllStrings = (expr: string, s: string, n: bigint) =>
  withGoType(
    findAll(compileRe2(expr), s, Number(n)).map((m) => m[0]),
    '[]string',
  )
const repl = (literal: boolean) => (expr: string, s: string, r: string) =>
  replaceAll(compileRe2(expr), s, r, literal)
const splitRe = (expr: string, s: string, n: bigint) =>
  withGoType(split(compileRe2(expr), expr, s, Number(n)), '[]string')

/** Regex functions and their `must*` variants. */
export const regexFuncs: FuncMap = {
  regexMatch: fn(['string', 'string'], (e: string, s: string) => {
    try {
      return match(e, s)
    } catch {
      return false
    }
  }),
  mustRegexMatch: fn(['string', 'string'], match),
  regexFind: fn(['string', 'string'], find),
  mustRegexFind: fn(['string', 'string'], find),
  regexFindAll: fn(['string', 'string', 'int'], findAllStrings),
  mustRegexFindAll: fn(['string', 'string', 'int'], findAllStrings),
  regexReplaceAll: fn(['string', 'string', 'string'], repl(false)),
  mustRegexReplaceAll: fn(['string', 'string', 'string'], repl(false)),
  regexReplaceAllLiteral: fn(['string', 'string', 'string'], repl(true)),
  mustRegexReplaceAllLiteral: fn(['string', 'string', 'string'], repl(true)),
  regexSplit: fn(['string', 'string', 'int'], splitRe),
  mustRegexSplit: fn(['string', 'string', 'int'], splitRe),
  regexQuoteMeta: fn(['string'], quoteMeta),
}
