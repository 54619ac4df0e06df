import { withSignature, type FuncMap } from '@slipway/gotemplate'
import { warnWrap } from './helm-errors.ts'
import type { TemplateSetLike } from './template-set.ts'

/** Answers `lookup apiVersion kind namespace name`; Helm's template mode returns `{}`. */
export type LookupFunc = (
  apiVersion: string,
  kind: string,
  namespace: string,
  name: string,
) => unknown

/** Name the `tpl` function gives its templates: the root template of Helm's set. */
export const tplTemplateName = 'gotpl'

function goQuote(s: string): string {
  return JSON.stringify(s)
}

function goType(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}'
  if (typeof v === 'number') return 'float64'
  if (typeof v === 'bigint') return 'int'
  if (typeof v === 'boolean') return 'bool'
  if (Array.isArray(v)) return '[]interface {}'
  return 'map[string]interface {}'
}

/** Go's reflect check of a `string` parameter, as text/template makes it before a call. */
function stringArg(v: unknown): string {
  if (typeof v !== 'string')
    throw new Error(`wrong type for value; expected string; got ${goType(v)}`)
  return v
}

/** Go's IsEmptyTree for a whole text: nothing but whitespace. */
function isBlank(text: string): boolean {
  return text.trim() === ''
}

/** How often each name is being included right now, and the total nesting. */
export class IncludeCounter extends Map<string, number> {
  total = 0
}

/** A bound hit by `include` recursion (Helm's recursionMaxNums). */
class IncludeDepthError extends Error {}

/**
 * Helm's template-rendering functions bound to one template set: `include` (with its
 * recursion bound) and `tpl` (parses into a clone of the whole set, so defines made in the
 * string are visible to its own includes).
 */
export function renderFuncs(
  set: TemplateSetLike,
  included: IncludeCounter,
  maxIncludeDepth: number,
  maxIncludeNesting: number,
): FuncMap {
  const include = (nameArg: unknown, data: unknown): string => {
    const name = stringArg(nameArg)
    const n = included.get(name) ?? 0
    // Helm bounds each name at 1000; JavaScript's stack ends sooner, so the total nesting is
    // bounded too, failing with Helm's words rather than a stack overflow
    if (n > maxIncludeDepth || included.total >= maxIncludeNesting) {
      throw new IncludeDepthError(
        `rendering template has a nested reference name: ${name}: unable to execute template`,
      )
    }
    included.set(name, n + 1)
    included.total++
    try {
      return set.execute(name, data)
    } finally {
      included.set(name, (included.get(name) ?? 1) - 1)
      included.total--
    }
  }
  const tpl = (textArg: unknown, data: unknown): string => {
    const text = stringArg(textArg)
    // Go keeps an existing template when the new one is empty, but still executes the new
    // (empty) tree: a blank text renders as itself, never as the template named before it
    if (isBlank(text)) return text
    const clone = set.clone()
    clone.addFuncs(renderFuncs(clone, included, maxIncludeDepth, maxIncludeNesting))
    try {
      clone.parse(tplTemplateName, text)
    } catch (err) {
      throw new Error(`cannot parse template ${goQuote(text)}: ${(err as Error).message}`, {
        cause: err,
      })
    }
    let out: string
    try {
      out = clone.execute(tplTemplateName, data)
    } catch (err) {
      throw new Error(
        `error during tpl function execution for ${goQuote(text)}: ${(err as Error).message}`,
        {
          cause: err,
        },
      )
    }
    return out.replaceAll('<no value>', '')
  }
  return {
    include: withSignature(include, { params: ['string', 'any'] }),
    tpl: withSignature(tpl, { params: ['string', 'any'] }),
  }
}

/** Helm's own functions that do not render: `required`, `fail`, `lookup`, `getHostByName`. */
export function helmFuncs(lookup?: LookupFunc): FuncMap {
  // signatures as Helm declares these functions, so arguments are checked as Go checks them
  return {
    required: withSignature(
      (messageArg: unknown, value: unknown): unknown => {
        const message = stringArg(messageArg)
        if (value === null || value === undefined || value === '')
          throw new Error(warnWrap(message))
        return value
      },
      { params: ['string', 'any'] },
    ),
    fail: withSignature(
      (messageArg: unknown): string => {
        throw new Error(warnWrap(stringArg(messageArg)))
      },
      { params: ['string'] },
    ),
    lookup: withSignature(
      (apiVersion: string, kind: string, namespace: string, name: string): unknown =>
        lookup ? lookup(apiVersion, kind, namespace, name) : {},
      { params: ['string', 'string', 'string', 'string'] },
    ),
    getHostByName: withSignature((): string => '', { params: ['string'] }),
  }
}
