/**
 * Go's path/filepath.Match on slash paths: `*` and `?` never cross `/`, `[a-z]`, `[^a]`
 * classes, `\` escapes. A malformed pattern matches nothing (Go returns ErrBadPattern).
 */
export function pathMatch(pattern: string, name: string): boolean {
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else if (c === '\\') {
      i++
      if (i >= pattern.length) return false
      re += escape(pattern[i] as string)
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 1)
      if (end < 0) return false
      let body = pattern.slice(i + 1, end)
      const neg = body.startsWith('^')
      if (neg) body = body.slice(1)
      if (body === '') return false
      re += `(?![/])[${neg ? '^' : ''}${body.replace(/[\]\\^]/g, '\\$&')}]`
      i = end
    } else re += escape(c)
  }
  try {
    return new RegExp(`^${re}$`, 's').test(name)
  } catch {
    return false
  }
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
