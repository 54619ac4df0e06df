/**
 * A template function. Arguments arrive as Go values (see value.ts); a thrown Error becomes
 * Go's `error calling NAME: MESSAGE` at the call site.
 */
export type TemplateFunc = (...args: any[]) => unknown

/** Functions by name, as Go's template.FuncMap. */
export type FuncMap = Record<string, TemplateFunc>
