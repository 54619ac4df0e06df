import { RenderError } from '../errors.ts'
import { HeadParseError, parseHead } from './head.ts'
import { installOrder, sortByKind } from './kind-order.ts'
import { goTrimSpace } from './go-strings.ts'
import { splitManifests } from './split.ts'
import type { Hook, HookEvent, Manifest } from './types.ts'

const hookAnnotation = 'helm.sh/hook'
const hookWeightAnnotation = 'helm.sh/hook-weight'
const hookDeleteAnnotation = 'helm.sh/hook-delete-policy'

const events: Record<string, HookEvent> = {
  'pre-install': 'pre-install',
  'post-install': 'post-install',
  'pre-delete': 'pre-delete',
  'post-delete': 'post-delete',
  'pre-upgrade': 'pre-upgrade',
  'post-upgrade': 'post-upgrade',
  'pre-rollback': 'pre-rollback',
  'post-rollback': 'post-rollback',
  test: 'test',
  'test-success': 'test',
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1)
}

/** Go's strconv.Atoi on a hook weight; 0 when it is not a decimal integer. */
function atoi(s: string): number {
  return /^[+-]?\d+$/.test(s) ? Number.parseInt(s, 10) : 0
}

/**
 * Helm's releaseutil.SortManifests: files in path order (partials and blank files skipped),
 * documents in file order, hooks separated, each list stably sorted by install order of kind.
 * Unknown hook events drop the document, as Helm does after logging it.
 */
export function sortManifests(
  files: Map<string, string>,
  order: readonly string[] = installOrder,
  warn: (message: string) => void = () => {},
): { manifests: Manifest[]; hooks: Hook[] } {
  const generic: Manifest[] = []
  const hooks: Hook[] = []
  const paths = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  for (const path of paths) {
    const content = files.get(path) as string
    if (baseName(path).startsWith('_')) continue
    if (goTrimSpace(content) === '') continue
    for (const m of splitManifests(content)) {
      let head
      try {
        head = parseHead(m)
      } catch (err) {
        if (!(err instanceof HeadParseError)) throw err
        throw new RenderError('YAML_PARSE', `YAML parse error on ${path}: ${err.message}`, {
          file: path,
          cause: err,
        })
      }
      const annotations = head.metadata?.annotations
      const hookTypes = annotations?.[hookAnnotation]
      if (!annotations || Object.keys(annotations).length === 0 || hookTypes === undefined) {
        generic.push({ name: path, content: m, head })
        continue
      }
      const hook: Hook = {
        name: head.metadata?.name ?? '',
        kind: head.kind,
        path,
        manifest: m,
        events: [],
        weight: atoi(annotations[hookWeightAnnotation] ?? ''),
        deletePolicies: [],
      }
      let unknown = false
      for (const t of hookTypes.split(',')) {
        const e = events[goTrimSpace(t).toLowerCase()]
        if (!e) {
          unknown = true
          break
        }
        hook.events.push(e)
      }
      if (unknown) {
        warn(`info: skipping unknown hook: "${hookTypes}"`)
        continue
      }
      const del = annotations[hookDeleteAnnotation]
      if (del !== undefined) {
        for (const v of del.split(',')) hook.deletePolicies.push(goTrimSpace(v).toLowerCase())
      }
      hooks.push(hook)
    }
  }
  return {
    manifests: sortByKind(generic, (m) => m.head.kind, order),
    hooks: sortByKind(hooks, (h) => h.kind, order),
  }
}
