/** Sprig's odds and ends: `hello`, `fail`, `getHostByName` (Helm: no DNS, returns ""). */
import type { FuncMap } from '../func.ts'
import { fn } from './args.ts'
import { FuncError } from './errors.ts'

/** Miscellaneous functions. */
export const miscFuncs: FuncMap = {
  hello: fn([], () => 'Hello!'),
  fail: fn(['string'], (msg: string) => {
    throw new FuncError(msg)
  }),
  getHostByName: fn(['string'], () => ''),
}
