/**
 * Go's `path` package (`base`, `dir`, `clean`, `ext`, `isAbs`) and `path/filepath` on Linux
 * (`osBase`...), which Helm runs on: the same slash-separated rules.
 */
import type { FuncMap } from '../func.ts'
import { fn } from './args.ts'

/** path.Clean: lexical normalisation. */
export function clean(p: string): string {
  if (p === '') return '.'
  const rooted = p.startsWith('/')
  const out: string[] = []
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop()
      else if (!rooted) out.push('..')
      continue
    }
    out.push(part)
  }
  const s = (rooted ? '/' : '') + out.join('/')
  return s === '' ? '.' : s
}

/** path.Base. */
export function base(p: string): string {
  if (p === '') return '.'
  p = p.replace(/\/+$/, '')
  if (p === '') return '/'
  return p.slice(p.lastIndexOf('/') + 1)
}

/** path.Dir. */
export function dir(p: string): string {
  return clean(p.slice(0, p.lastIndexOf('/') + 1))
}

/** path.Ext. */
export function ext(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i)
  return ''
}

/** Path functions. */
export const pathFuncs: FuncMap = {
  base: fn(['string'], base),
  dir: fn(['string'], dir),
  clean: fn(['string'], clean),
  ext: fn(['string'], ext),
  isAbs: fn(['string'], (p: string) => p.startsWith('/')),
  osBase: fn(['string'], base),
  osDir: fn(['string'], dir),
  osClean: fn(['string'], clean),
  osExt: fn(['string'], ext),
  osIsAbs: fn(['string'], (p: string) => p.startsWith('/')),
}
