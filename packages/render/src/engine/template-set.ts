import { ParseCache, TemplateSet } from '@slipway/gotemplate'
import type { FuncMap } from '@slipway/gotemplate'

/**
 * What the renderer needs of a Go template set (`@slipway/gotemplate`'s TemplateSet): named
 * templates sharing defines, functions added before parsing (so `include` can close over its
 * own set), and `clone` for `tpl`.
 */
export interface TemplateSetLike {
  addFuncs(funcs: FuncMap): unknown
  parse(name: string, text: string): unknown
  has(name: string): boolean
  clone(): TemplateSetLike
  execute(name: string, data: unknown): string
}

/** Options passed when a template set is created. */
export interface TemplateSetInit {
  funcs: FuncMap
  missingKey: 'zero'
  limits: { maxOutputSize: number }
}

/** Creates the template set a render uses; hosts may inject their own. */
export type TemplateSetFactory = (init: TemplateSetInit) => TemplateSetLike

// template files parsed by earlier renders: a chart loaded again after one file changed (the
// dashboard, the render server) parses only that file again; renders all have the same functions
const parseCache = new ParseCache()

/** Uses `@slipway/gotemplate`'s TemplateSet. */
export const defaultTemplateSetFactory: TemplateSetFactory = (init) =>
  new TemplateSet({
    funcs: init.funcs,
    missingKey: init.missingKey,
    limits: init.limits,
    parseCache,
  })
