/**
 * Sprig's list functions (list.go). Non-`must` variants fail the same way: Sprig panics and
 * text/template turns the panic into an error.
 */
import type { FuncMap } from '../func.ts'
import { fn, isSlice, type Param, reflectKind, sliceItems } from './args.ts'
import { toInt64 } from './convert.ts'
import { FuncError } from './errors.ts'
import { funcLimits } from './limits.ts'
import { deepEqual } from './reflect.ts'
import { goTypeName, withGoType } from './fmt-type.ts'

function items(op: string, list: unknown): unknown[] {
  if (!isSlice(list)) throw new FuncError(`Cannot ${op} on type ${reflectKind(list)}`)
  return sliceItems(list)
}

function inList(list: unknown[], v: unknown): boolean {
  return list.some((x) => deepEqual(x, v))
}

/** Sprig's untilStep: integers from start towards stop (exclusive) by step. */
export function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const out: bigint[] = []
  const push = (i: bigint) => {
    if (out.length >= funcLimits.maxListLength)
      throw new FuncError(
        `list longer than the limit of ${funcLimits.maxListLength} elements`,
        'FUNC_LIMIT',
      )
    out.push(i)
  }
  if (stop < start) {
    if (step >= 0n) return out
    for (let i = start; i > stop; i += step) push(i)
    return out
  }
  if (step <= 0n) return out
  for (let i = start; i < stop; i += step) push(i)
  return out
}

function seq(...params: bigint[]): string {
  let r: bigint[]
  switch (params.length) {
    case 1: {
      const end = params[0]!
      const inc = end < 1n ? -1n : 1n
      r = untilStep(1n, end + inc, inc)
      break
    }
    case 2: {
      const [start, end] = params as [bigint, bigint]
      const step = end < start ? -1n : 1n
      r = untilStep(start, end + step, step)
      break
    }
    case 3: {
      const [start, step, end] = params as [bigint, bigint, bigint]
      let inc = 1n
      if (end < start) {
        inc = -1n
        if (step > 0n) return ''
      }
      r = untilStep(start, end + inc, step)
      break
    }
    default:
      return ''
  }
  return r.join(' ')
}

function slice(list: unknown, ...indices: unknown[]): unknown {
  const l = items('slice', list)
  if (l.length === 0) return null
  const start = indices.length > 0 ? Number(toInt64(indices[0])) : 0
  const end = indices.length > 1 ? Number(toInt64(indices[1])) : l.length
  if (start < 0 || end < start || end > l.length)
    throw new FuncError(`reflect: slice index out of range`)
  // reflect's Slice keeps the list's type ([]string stays []string)
  const t = goTypeName(list)
  const out = l.slice(start, end)
  return t === '[]interface {}' ? out : withGoType(out, t)
}

function chunk(size: bigint, list: unknown): unknown[][] {
  const l = items('chunk', list)
  const n = Number(size)
  // Sprig's float arithmetic: a zero or negative size panics when it yields a bad length
  const cs = Math.floor((l.length - 1) / n) + 1
  if (!Number.isFinite(cs) || cs < 0)
    throw new FuncError('runtime error: makeslice: len out of range')
  if (cs > funcLimits.maxListLength)
    throw new FuncError(
      `list longer than the limit of ${funcLimits.maxListLength} elements`,
      'FUNC_LIMIT',
    )
  const out: unknown[][] = withGoType([], '[][]interface {}')
  for (let i = 0; i < cs; i++) {
    let clen = n
    if (i === cs - 1) clen = l.length % n || n
    if (clen < 0) throw new FuncError('runtime error: makeslice: len out of range')
    const row: unknown[] = []
    for (let j = 0; j < clen; j++) {
      const ix = i * n + j
      if (ix < 0 || ix >= l.length)
        throw new FuncError(`runtime error: index out of range [${ix}] with length ${l.length}`)
      row.push(l[ix])
    }
    out.push(row)
  }
  return out
}

const pair = (name: string, f: (...a: any[]) => unknown, params: Param[], variadic?: Param) => ({
  [name]: fn(params, f, variadic),
  ['must' + name[0]!.toUpperCase() + name.slice(1)]: fn(params, f, variadic),
})

/** List functions and their `must*` variants. */
export const listFuncs: FuncMap = {
  list: fn([], (...v: unknown[]) => v, 'any'),
  tuple: fn([], (...v: unknown[]) => v, 'any'),
  ...pair('push', (l: unknown, v: unknown) => [...items('push', l), v], ['any', 'any']),
  ...pair('append', (l: unknown, v: unknown) => [...items('push', l), v], ['any', 'any']),
  ...pair('prepend', (l: unknown, v: unknown) => [v, ...items('prepend', l)], ['any', 'any']),
  ...pair(
    'first',
    (l: unknown) => {
      const x = items('find first', l)
      return x.length === 0 ? null : x[0]
    },
    ['any'],
  ),
  ...pair(
    'last',
    (l: unknown) => {
      const x = items('find last', l)
      return x.length === 0 ? null : x[x.length - 1]
    },
    ['any'],
  ),
  ...pair(
    'rest',
    (l: unknown) => {
      // Go returns a nil []interface{}, which prints as [] (not as no value)
      return items('find rest', l).slice(1)
    },
    ['any'],
  ),
  ...pair(
    'initial',
    (l: unknown) => {
      return items('find initial', l).slice(0, -1)
    },
    ['any'],
  ),
  ...pair('reverse', (l: unknown) => items('find reverse', l).reverse(), ['any']),
  ...pair(
    'uniq',
    (l: unknown) => {
      const out: unknown[] = []
      for (const x of items('find uniq', l)) if (!inList(out, x)) out.push(x)
      return out
    },
    ['any'],
  ),
  ...pair(
    'without',
    (l: unknown, ...omit: unknown[]) => items('find without', l).filter((x) => !inList(omit, x)),
    ['any'],
    'any',
  ),
  ...pair(
    'has',
    (needle: unknown, hay: unknown) => {
      if (hay === null || hay === undefined) return false
      return inList(items('find has', hay), needle)
    },
    ['any', 'any'],
  ),
  ...pair('slice', slice, ['any'], 'any'),
  ...pair('chunk', chunk, ['int', 'any']),
  concat: fn(
    [],
    (...lists: unknown[]) => {
      const out: unknown[] = []
      for (const l of lists) {
        if (!isSlice(l)) throw new FuncError(`Cannot concat type ${reflectKind(l)} as list`)
        out.push(...sliceItems(l))
      }
      return out
    },
    'any',
  ),
  until: fn(['int'], (n: bigint) => withGoType(untilStep(0n, n, n < 0n ? -1n : 1n), '[]int')),
  untilStep: fn(['int', 'int', 'int'], (a: bigint, b: bigint, c: bigint) =>
    withGoType(untilStep(a, b, c), '[]int'),
  ),
  seq: fn([], seq, 'int'),
}
