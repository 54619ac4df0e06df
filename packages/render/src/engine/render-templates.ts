import type { ChartFile } from '@slipway/chart'
import {
  encodingFuncs,
  sprigFuncs,
  TemplateLimitError,
  type FuncMap,
  type GoMap,
} from '@slipway/gotemplate'
import { chartFullPath, type RenderChart } from '../chart-tree.ts'
import { ChartObject } from '../builtins/chart-object.ts'
import { Files, type ToYaml } from '../builtins/files.ts'
import { RenderError } from '../errors.ts'
import type { RenderLimits } from '../limits.ts'
import { table } from '../values/table.ts'
import { decodeUtf8 } from '../text.ts'
import { cleanupParseError, reformatExecError } from './helm-errors.ts'
import { helmFuncs, IncludeCounter, renderFuncs, type LookupFunc } from './helm-funcs.ts'
import {
  defaultTemplateSetFactory,
  type TemplateSetFactory,
  type TemplateSetLike,
} from './template-set.ts'

interface Renderable {
  file: ChartFile
  /** The chart's render context, shared by every template of the chart (Helm's `next`). */
  vals: GoMap
  basePath: string
}

/** Inputs of {@link renderTemplates}. */
export interface RenderTemplatesInput {
  chart: RenderChart
  /** The top context: `Values` (coalesced), `Release`, `Capabilities`. */
  top: GoMap
  limits: RenderLimits
  createSet: TemplateSetFactory
  lookup?: LookupFunc
  toYaml: ToYaml
  /**
   * The loaded chart the render started from: parsed templates are cached per chart (and per
   * set of enabled templates), since a chart never changes after load.
   */
  cacheKey?: object
}

/** Parsed template sets by chart, then by the names parsed into them. */
const parsedCache = new WeakMap<object, Map<string, TemplateSetLike>>()
/** Template sets kept per chart (different values can enable different subcharts). */
const maxCachedSetsPerChart = 8

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1)
}

function isTemplateValid(c: RenderChart, name: string): boolean {
  return c.metadata.type !== 'library' || baseName(name).startsWith('_')
}

function collect(c: RenderChart, out: Map<string, Renderable>, vals: GoMap, toYaml: ToYaml): GoMap {
  const subcharts: GoMap = {}
  const next: GoMap = {
    Chart: new ChartObject(c.metadata, !c.parent),
    Files: Files.of(c.files, toYaml),
    Release: vals.Release,
    Capabilities: vals.Capabilities,
    Values: {},
    Subcharts: subcharts,
  }
  if (!c.parent) next.Values = vals.Values
  else {
    const vs = table(vals, `Values.${c.metadata.name}`)
    if (vs) next.Values = vs
  }
  for (const child of c.dependencies)
    subcharts[child.metadata.name] = collect(child, out, next, toYaml)
  const id = chartFullPath(c)
  for (const t of c.templates) {
    if (!isTemplateValid(c, t.name)) continue
    out.set(`${id}/${t.name}`, {
      file: t,
      vals: next,
      basePath: `${id}/templates`,
    })
  }
  return next
}

/**
 * Every template parsed into one set, in Helm's order (later defines replace earlier ones). The
 * set's own `include`/`tpl` are replaced for each render by functions bound to that render.
 */
function parsedSet(
  input: RenderTemplatesInput,
  tpls: Map<string, Renderable>,
  keys: string[],
): TemplateSetLike {
  const cacheable = input.cacheKey !== undefined && input.createSet === defaultTemplateSetFactory
  const signature = `${input.limits.maxTemplateOutput}\n${keys.join('\n')}`
  const perChart = cacheable ? parsedCache.get(input.cacheKey as object) : undefined
  const hit = perChart?.get(signature)
  if (hit) return hit

  const funcs: FuncMap = { ...sprigFuncs, ...encodingFuncs, ...helmFuncs() }
  const set = input.createSet({
    funcs,
    missingKey: 'zero',
    limits: { maxOutputSize: input.limits.maxTemplateOutput },
  })
  set.addFuncs(
    renderFuncs(
      set,
      new IncludeCounter(),
      input.limits.maxIncludeDepth,
      input.limits.maxIncludeNesting,
    ),
  )
  for (const name of keys) {
    try {
      set.parse(name, decodeUtf8((tpls.get(name) as Renderable).file.data))
    } catch (err) {
      const { message, location } = cleanupParseError(name, messageOf(err))
      throw new RenderError('TEMPLATE_PARSE', message, {
        file: location?.file ?? name,
        ...(location?.line !== undefined ? { line: location.line } : {}),
        cause: err,
      })
    }
  }
  if (cacheable) {
    const m = perChart ?? new Map<string, TemplateSetLike>()
    if (m.size >= maxCachedSetsPerChart) m.delete(m.keys().next().value as string)
    m.set(signature, set)
    parsedCache.set(input.cacheKey as object, m)
  }
  return set
}

/** Helm's sortTemplates: most path segments first, then reverse byte order. */
export function sortTemplates(names: string[]): string[] {
  const slashes = (s: string) => s.split('/').length - 1
  return [...names].sort((a, b) => {
    const ca = slashes(a)
    const cb = slashes(b)
    if (ca !== cb) return cb - ca
    return a < b ? 1 : a > b ? -1 : 0
  })
}

/** True when a template bound (steps, output, depth) stopped the execution, however wrapped. */
function hitLimit(err: unknown): boolean {
  for (let e = err, i = 0; e instanceof Error && i < 100; e = e.cause, i++) {
    if (e instanceof TemplateLimitError) return true
  }
  return false
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/**
 * Helm's engine.Render: parses every template of the chart and its subcharts into one set
 * (later defines replace earlier ones, so the parent's win), then executes each non-partial
 * template in the same order against its chart's context. Returns rendered text by file name
 * (`CHART/templates/x.yaml`), `<no value>` removed.
 */
export function renderTemplates(input: RenderTemplatesInput): Map<string, string> {
  const tpls = new Map<string, Renderable>()
  collect(input.chart, tpls, input.top, input.toYaml)
  const keys = sortTemplates([...tpls.keys()])

  const set = parsedSet(input, tpls, keys).clone()
  set.addFuncs({
    ...helmFuncs(input.lookup),
    ...renderFuncs(
      set,
      new IncludeCounter(),
      input.limits.maxIncludeDepth,
      input.limits.maxIncludeNesting,
    ),
  })

  const rendered = new Map<string, string>()
  let total = 0
  for (const name of keys) {
    if (baseName(name).startsWith('_')) continue
    const r = tpls.get(name) as Renderable
    r.vals.Template = { Name: name, BasePath: r.basePath }
    let out: string
    try {
      out = set.execute(name, r.vals)
    } catch (err) {
      const { message, location } = reformatExecError(messageOf(err))
      throw new RenderError(hitLimit(err) ? 'LIMIT_EXCEEDED' : 'TEMPLATE_EXEC', message, {
        file: location?.file ?? name,
        ...(location?.line !== undefined ? { line: location.line } : {}),
        ...(location?.column !== undefined ? { column: location.column } : {}),
        cause: err,
      })
    }
    total += out.length
    if (out.length > input.limits.maxTemplateOutput || total > input.limits.maxTotalOutput) {
      throw new RenderError(
        'LIMIT_EXCEEDED',
        `rendered output of ${name} exceeds the output limit`,
        {
          file: name,
        },
      )
    }
    rendered.set(name, out.replaceAll('<no value>', ''))
  }
  return rendered
}
