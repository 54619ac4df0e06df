import { RenderError } from '../errors.ts'
import { goTrimSpace } from '../manifests/go-strings.ts'
import { splitManifests } from '../manifests/split.ts'
import type { RenderResult } from '../render.ts'
import { pathMatch } from './path-match.ts'

/** How to print a render, as `helm template`'s flags. */
export interface FormatOptions {
  /** Print CRDs first; defaults to the render's own `includeCrds`. */
  includeCrds?: boolean
  /** `--show-only`: only documents whose template path (without the chart name) matches. */
  showOnly?: string[]
  /** `--skip-tests`: leave out `test` hooks. */
  skipTests?: boolean
  /** `--no-hooks`: leave out every hook. */
  noHooks?: boolean
}

const sourceRegex = /# Source: [^/]+\/(.+)/

/**
 * Exactly what `helm template` writes to stdout for a render: CRDs (with `--include-crds`),
 * manifests in install order, then hooks, each as `---\n# Source: FILE\nDOC\n`. With
 * `showOnly`, throws {@link RenderError} `SHOW_ONLY_NOT_FOUND` in Helm's words.
 */
export function formatTemplateOutput(result: RenderResult, options: FormatOptions = {}): string {
  let manifest = ''
  if (options.includeCrds ?? result.includeCrds) {
    for (const crd of result.crdFiles) manifest += `---\n# Source: ${crd.name}\n${crd.content}\n`
  }
  for (const m of result.manifests) manifest += `---\n# Source: ${m.name}\n${m.content}\n`

  let out = `${goTrimSpace(manifest)}\n`
  if (!options.noHooks) {
    for (const h of result.hooks) {
      if (options.skipTests && h.events.includes('test')) continue
      out += `---\n# Source: ${h.path}\n${h.manifest}\n`
    }
  }
  if (!options.showOnly || options.showOnly.length === 0) return out

  const docs = splitManifests(out)
  let shown = ''
  for (const f of options.showOnly) {
    let missing = true
    for (const doc of docs) {
      const m = sourceRegex.exec(doc)
      if (!m) continue
      if (!pathMatch(f, m[1] as string)) continue
      shown += `---\n${doc}\n`
      missing = false
    }
    if (missing) {
      throw new RenderError('SHOW_ONLY_NOT_FOUND', `could not find template ${f} in chart`, {
        phase: 'output',
        file: f,
      })
    }
  }
  return shown
}
