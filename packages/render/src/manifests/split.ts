import { goTrimSpace, isRe2Space } from './go-strings.ts'

/**
 * Helm's releaseutil.SplitManifests: `regexp.MustCompile("(?:^|\\s*\\n)---\\s*").Split` on the
 * trimmed text, each piece trimmed, empty pieces dropped. So any line beginning with `---`
 * splits (even `---foo`), and the whitespace eaten after one separator can hide a following
 * `---` line, exactly as Go's regexp does. A linear scan: JavaScript's backtracking engine is
 * quadratic on this expression for long runs of whitespace.
 */
export function splitManifests(text: string): string[] {
  const s = goTrimSpace(text)
  const pieces: string[] = []
  let beg = 0
  let from = 0
  if (s.startsWith('---')) {
    beg = skipSpace(s, 3)
    from = beg
    pieces.push('')
  }
  for (;;) {
    const q = s.indexOf('\n---', from)
    if (q < 0) break
    let p = q
    while (p > from && isRe2Space(s.charCodeAt(p - 1))) p--
    pieces.push(s.slice(beg, p))
    beg = skipSpace(s, q + 4)
    from = beg
  }
  pieces.push(s.slice(beg))
  const out: string[] = []
  for (const d of pieces) if (d !== '') out.push(goTrimSpace(d))
  return out
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && isRe2Space(s.charCodeAt(i))) i++
  return i
}
