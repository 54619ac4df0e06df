/** Label and field selectors as kube-apiserver parses them. */
import { badRequest } from './status.ts'
import { isObj, type Obj } from './patch.ts'

/** A compiled selector: true when an object matches. */
export type Matcher = (obj: Obj) => boolean

function splitTop(s: string): string[] {
  const out: string[] = []
  let depth = 0
  let cur = ''
  for (const ch of s) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) {
      out.push(cur)
      cur = ''
    } else cur += ch
  }
  if (cur.trim()) out.push(cur)
  return out.map((x) => x.trim()).filter(Boolean)
}

/** Parses a label selector (`a=b,c!=d,e in (x,y),!f`). */
export function labelMatcher(selector: string | null): Matcher {
  if (!selector) return () => true
  const tests: Array<(labels: Record<string, string>) => boolean> = []
  for (const req of splitTop(selector)) {
    let m: RegExpMatchArray | null
    if ((m = req.match(/^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      const [, key, op, list] = m as unknown as [string, string, string, string]
      const values = list.split(',').map((x) => x.trim())
      tests.push(
        op === 'in'
          ? (l) => key in l && values.includes(l[key] as string)
          : (l) => !(key in l) || !values.includes(l[key] as string),
      )
    } else if ((m = req.match(/^([^\s!=]+)\s*!=\s*(.*)$/))) {
      const [, key, value] = m as unknown as [string, string, string]
      tests.push((l) => l[key] !== value)
    } else if ((m = req.match(/^([^\s!=]+)\s*==?\s*(.*)$/))) {
      const [, key, value] = m as unknown as [string, string, string]
      tests.push((l) => l[key] === value)
    } else if ((m = req.match(/^!\s*([^\s!=]+)$/))) {
      const key = m[1] as string
      tests.push((l) => !(key in l))
    } else if ((m = req.match(/^([^\s!=()]+)$/))) {
      const key = m[1] as string
      tests.push((l) => key in l)
    } else {
      throw badRequest(`unable to parse requirement: found '${req}', expected: identifier`)
    }
  }
  return (obj) => {
    const md = isObj(obj.metadata) ? obj.metadata : {}
    const labels = (isObj(md.labels) ? md.labels : {}) as Record<string, string>
    return tests.every((t) => t(labels))
  }
}

function fieldValue(obj: Obj, path: string): string {
  let cur: unknown = obj
  for (const part of path.split('.')) cur = isObj(cur) ? cur[part] : undefined
  return cur === undefined || cur === null ? '' : String(cur)
}

/** Parses a field selector (`metadata.name=x,status.phase!=Running`). */
export function fieldMatcher(selector: string | null): Matcher {
  if (!selector) return () => true
  const tests: Matcher[] = []
  for (const req of splitTop(selector)) {
    const m = req.match(/^([^!=]+?)\s*(==|=|!=)\s*(.*)$/)
    if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${req}'`)
    const [, field, op, value] = m as unknown as [string, string, string, string]
    tests.push(
      op === '!=' ? (o) => fieldValue(o, field) !== value : (o) => fieldValue(o, field) === value,
    )
  }
  return (obj) => tests.every((t) => t(obj))
}
