/**
 * Go's fmt and strconv.FormatFloat for the value model of value.ts: what `print`, `printf`,
 * `println`, `{{ .x }}`, `quote` and `toString` print. The printer lives in fmt-printer.ts,
 * float formatting in fmt-float.ts, quoting in fmt-quote.ts.
 */
import { Printer } from './funcs/fmt-printer.ts'

export { formatFloat } from './funcs/fmt-float.ts'
export { compareGoStrings } from './funcs/fmt-printer.ts'
export { quoteGo } from './funcs/fmt-quote.ts'
export { goTypeName } from './funcs/fmt-type.ts'

/** Go's fmt.Sprintf. */
export function sprintf(format: string, ...args: unknown[]): string {
  const p = new Printer()
  p.doPrintf(format, args)
  return p.buf
}

/** Go's fmt.Sprint: operands are joined by a space only when neither side is a string. */
export function sprint(...args: unknown[]): string {
  const p = new Printer()
  let prevString = false
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string'
    if (i > 0 && !isString && !prevString) p.buf += ' '
    p.printArg(arg, 'v')
    prevString = isString
  })
  return p.buf
}

/** Go's fmt.Sprintln: operands always joined by spaces, newline appended. */
export function sprintln(...args: unknown[]): string {
  const p = new Printer()
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' '
    p.printArg(arg, 'v')
  })
  return p.buf + '\n'
}

/**
 * `%v` of one value, as `{{ x }}` prints it: floats as `strconv.FormatFloat(f, 'g', -1, 64)`,
 * maps as `map[a:1 b:2]` with sorted keys, nil as `<nil>`, a missing value as `<no value>`.
 */
export function formatValue(v: unknown): string {
  if (v === undefined) return '<no value>'
  const p = new Printer()
  p.printArg(v, 'v')
  return p.buf
}
