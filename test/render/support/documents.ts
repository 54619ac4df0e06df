/** One printed document of `helm template` output, with the template it came from. */
export interface PrintedDocument {
  source: string
  text: string
}

/**
 * Splits `helm template` output into its printed documents (`---` lines), keeping each
 * document's `# Source:` line as its name. Text is compared exactly, so nothing is trimmed
 * except the separator itself.
 */
export function splitPrinted(output: string): PrintedDocument[] {
  const parts = output.split(/^---$\n?/m)
  const docs: PrintedDocument[] = []
  for (const p of parts) {
    if (p === '' && docs.length === 0) continue
    const m = /^# Source: (.*)$/m.exec(p)
    docs.push({ source: m ? (m[1] as string) : '', text: p })
  }
  return docs
}

/** How two renders of the same chart compare. */
export type Verdict = 'identical' | 'same-yaml' | 'differs'

/** A readable, line-based diff of two texts (first differing lines with context). */
export function lineDiff(expected: string, actual: string, context = 3, maxLines = 40): string {
  const a = expected.split('\n')
  const b = actual.split('\n')
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  let ea = a.length - 1
  let eb = b.length - 1
  while (ea >= i && eb >= i && a[ea] === b[eb]) {
    ea--
    eb--
  }
  const out: string[] = []
  for (let k = Math.max(0, i - context); k < i; k++) out.push(`  ${a[k]}`)
  for (let k = i; k <= ea && out.length < maxLines; k++) out.push(`- ${a[k]}`)
  for (let k = i; k <= eb && out.length < maxLines * 2; k++) out.push(`+ ${b[k]}`)
  for (let k = ea + 1; k < Math.min(a.length, ea + 1 + context); k++) out.push(`  ${a[k]}`)
  return out.join('\n')
}

/**
 * Compares helm's output with Slipway's document by document; returns null when identical,
 * otherwise a report naming each differing document with a diff.
 */
export function compareOutputs(expected: string, actual: string): string | null {
  if (expected === actual) return null
  const e = splitPrinted(expected)
  const a = splitPrinted(actual)
  const lines: string[] = []
  if (e.length !== a.length) {
    lines.push(`helm printed ${e.length} documents, slipway ${a.length}`)
    lines.push(`  helm:    ${e.map((d) => d.source).join(', ')}`)
    lines.push(`  slipway: ${a.map((d) => d.source).join(', ')}`)
  }
  const n = Math.min(e.length, a.length)
  let shown = 0
  for (let i = 0; i < n && shown < 8; i++) {
    const de = e[i] as PrintedDocument
    const da = a[i] as PrintedDocument
    if (de.text === da.text) continue
    shown++
    lines.push(
      `document ${i + 1} (${de.source || 'no source'}${da.source !== de.source ? ` vs ${da.source}` : ''}):`,
    )
    lines.push(lineDiff(de.text, da.text))
  }
  if (lines.length === 0) lines.push(lineDiff(expected, actual))
  return lines.join('\n')
}
