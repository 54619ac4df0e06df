import type { TemplateFunc } from '../func.ts'

/** Sprig v3 functions as Helm exposes them (without `env` and `expandenv`). */
export const sprigFuncs: Record<string, TemplateFunc> = {}
