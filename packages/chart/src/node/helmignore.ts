import { ChartError } from '../errors.ts'
import { goGlobMatch, checkGoGlob, BadPatternError } from './go-glob.ts'

/** The name of a chart's ignore file. */
export const helmIgnoreFile = '.helmignore'

interface Pattern {
  raw: string
  negate: boolean
  mustDir: boolean
  match: (path: string) => boolean
}

/**
 * .helmignore rules with Helm's own semantics, which differ from .gitignore: `**` is an
 * error, globs are Go's filepath.Match, a pattern without `/` matches the base name only, a
 * leading `/` anchors at the chart root, and a `!` rule ends evaluation by ignoring every
 * path it does *not* match (Helm's evaluation order, kept as is for identical packages).
 */
export class HelmIgnore {
  private readonly patterns: Pattern[] = []

  /**
   * Parses the text of a .helmignore file and adds Helm's default rule
   * (`templates/.?*`: dot files under templates/).
   *
   * @throws ChartError `INVALID_HELMIGNORE` with the line of the bad rule.
   */
  static parse(text: string, file = helmIgnoreFile): HelmIgnore {
    const rules = new HelmIgnore()
    const lines = text.replace(/^\uFEFF/, '').split('\n')
    lines.forEach((line, i) => {
      try {
        rules.add(line.replace(/\r$/, ''))
      } catch (err) {
        const why = err instanceof BadPatternError ? err.message : (err as Error).message
        throw new ChartError(
          'INVALID_HELMIGNORE',
          `${file}: line ${i + 1}: ${why}`,
          { file, line: i + 1 },
          { cause: err },
        )
      }
    })
    rules.addDefaults()
    return rules
  }

  /** Rules with only Helm's defaults. */
  static defaults(): HelmIgnore {
    const rules = new HelmIgnore()
    rules.addDefaults()
    return rules
  }

  private addDefaults(): void {
    this.add('templates/.?*')
  }

  /** Adds one rule line (blank lines and comments are skipped). */
  add(line: string): void {
    let rule = line.trim()
    if (rule === '' || rule.startsWith('#')) return
    if (rule.includes('**')) throw new Error('double-star (**) syntax is not supported')
    checkGoGlob(rule)
    const p: Pattern = { raw: rule, negate: false, mustDir: false, match: () => false }
    if (rule.startsWith('!')) {
      p.negate = true
      rule = rule.slice(1)
    }
    if (rule.endsWith('/')) {
      p.mustDir = true
      rule = rule.slice(0, -1)
    }
    if (rule.startsWith('/')) {
      const anchored = rule.slice(1)
      p.match = (n) => safeMatch(anchored, n)
    } else if (rule.includes('/')) {
      p.match = (n) => safeMatch(rule, n)
    } else {
      p.match = (n) => safeMatch(rule, n.slice(n.lastIndexOf('/') + 1))
    }
    this.patterns.push(p)
  }

  /** True when `path` (slash-separated, relative to the chart root) is ignored. */
  ignores(path: string, isDir: boolean): boolean {
    if (path === '' || path === '.' || path === './') return false
    for (const p of this.patterns) {
      if (p.negate) {
        if (p.mustDir && !isDir) return true
        if (!p.match(path)) return true
        continue
      }
      if (p.mustDir && !isDir) continue
      if (p.match(path)) return true
    }
    return false
  }
}

function safeMatch(pattern: string, name: string): boolean {
  try {
    return goGlobMatch(pattern, name)
  } catch {
    return false
  }
}
