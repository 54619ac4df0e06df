/**
 * Helm's releaseutil.SplitManifests: splits rendered text on lines beginning with `---`
 * (even `---foo`), trimming each document; empty pieces are dropped. Returns documents in order.
 */
export function splitManifests(text: string): string[] {
  const docs = text.trim().split(/(?:^|\s*\n)---\s*/)
  const out: string[] = []
  for (const d of docs) {
    if (d === '') continue
    out.push(d.trim())
  }
  return out
}
