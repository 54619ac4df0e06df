/**
 * Compiles a gobwas/glob pattern with `/` as separator, as Helm's `.Files.Glob` does:
 * `*` and `?` stay within a path segment, `**` crosses segments, `[a-z]`, `[!a]` and
 * `{a,b}` alternatives. Returns null for a pattern gobwas would reject.
 */
export function compileGlob(pattern: string): RegExp | null {
  let re = ''
  let depth = 0
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    switch (c) {
      case '*':
        if (pattern[i + 1] === '*') {
          re += '.*'
          i++
        } else re += '[^/]*'
        break
      case '?':
        re += '[^/]'
        break
      case '[': {
        const end = pattern.indexOf(']', i + 1)
        if (end < 0) return null
        let body = pattern.slice(i + 1, end)
        const neg = body.startsWith('!')
        if (neg) body = body.slice(1)
        re += `[${neg ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`
        i = end
        break
      }
      case '{':
        depth++
        re += '(?:'
        break
      case '}':
        if (depth === 0) return null
        depth--
        re += ')'
        break
      case ',':
        re += depth > 0 ? '|' : ','
        break
      case '\\':
        i++
        if (i >= pattern.length) return null
        re += escape(pattern[i] as string)
        break
      default:
        re += escape(c)
    }
  }
  if (depth !== 0) return null
  try {
    return new RegExp(`^${re}$`, 's')
  } catch {
    return null
  }
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
