import type { Chart, Values } from '@slipway/chart'
import { encodingFuncs, encodeYaml, withGoType, type GoMap } from '@slipway/gotemplate'
import { makeCapabilities, type Capabilities } from './builtins/capabilities.ts'
import type { ToYaml } from './builtins/files.ts'
import { toRenderChart, type RenderChart } from './chart-tree.ts'
import { crdFiles, type CrdFile } from './crds.ts'
import { checkDependencies } from './dependencies/check.ts'
import { processDependencyEnabled } from './dependencies/enabled.ts'
import { processDependencyImportValues } from './dependencies/import-values.ts'
import { isCompatibleRange } from './dependencies/version-range.ts'
import type { LookupFunc } from './engine/helm-funcs.ts'
import { renderTemplates } from './engine/render-templates.ts'
import { defaultTemplateSetFactory, type TemplateSetFactory } from './engine/template-set.ts'
import { RenderError } from './errors.ts'
import { defaultRenderLimits, type RenderLimits } from './limits.ts'
import { sortManifests } from './manifests/sort.ts'
import type { Hook, Manifest } from './manifests/types.ts'
import { validateValues } from './schema/validate.ts'
import { CoalesceTypeError, coalesceValues, type WarnFn } from './values/coalesce.ts'
import { mergeUserValues } from './values/user-values.ts'

/** How to render: the release, the cluster it is for, and the bounds. */
export interface RenderOptions {
  /** `.Release.Name`. */
  releaseName: string
  /** `.Release.Namespace`; `default` when absent. */
  namespace?: string
  /** `.Release.Revision`; 1 when absent. */
  revision?: number
  /** `.Release.IsUpgrade` (and `IsInstall` its opposite). */
  isUpgrade?: boolean
  /** `.Capabilities.KubeVersion`, e.g. `1.30.2`; Helm 3.17's `v1.32.0` when absent. */
  kubeVersion?: string
  /** Extra `.Capabilities.APIVersions` (`--api-versions`). */
  apiVersions?: string[]
  /**
   * A live cluster's API versions (`group/version` and `group/version/Kind`), replacing Helm's
   * built-in list as `helm install` does when it can reach the cluster.
   */
  clusterApiVersions?: string[]
  /** Print CRDs from `crds/` before the manifests (`--include-crds`); affects formatting only. */
  includeCrds?: boolean
  /** Answers `lookup`; without it `lookup` returns an empty map, as in `helm template`. */
  lookup?: LookupFunc
  /** Render bounds; defaults in {@link defaultRenderLimits}. */
  limits?: Partial<RenderLimits>
  /** Skip values.schema.json validation (`--skip-schema-validation`). */
  skipSchemaValidation?: boolean
  /** Render subcharts' NOTES.txt into `notes` too (`--render-subchart-notes`). */
  subNotes?: boolean
  /** Receives Helm's warnings (coalescing, conditions, unknown hooks). */
  warn?: WarnFn
  /** The template engine; `@slipway/gotemplate`'s TemplateSet by default. */
  createTemplateSet?: TemplateSetFactory
}

/** What a render produces. */
export interface RenderResult {
  /** Non-hook documents, in Helm's install order. */
  manifests: Manifest[]
  /** Hook documents, sorted by kind as Helm sorts them. */
  hooks: Hook[]
  /**
   * The `crds/` files of the chart and its enabled subcharts, whole, as `helm template
   * --include-crds` prints them; installers split and parse them.
   */
  crdFiles: CrdFile[]
  /** The rendered NOTES.txt of the root chart, when it has one. */
  notes?: string
  /** The coalesced values the templates saw (`.Values` of the root chart). */
  values: Values
  /** Whether formatting should print CRDs (from {@link RenderOptions.includeCrds}). */
  includeCrds: boolean
}

const noWarn: WarnFn = () => {}

function toYamlFunc(): ToYaml {
  const f = encodingFuncs.toYaml
  if (f) return (v) => String(f(v))
  return (v) => encodeYaml(v).replace(/\n$/, '')
}

/** Applies dependency processing (aliases, conditions, tags, import-values) to a copy of the chart. */
function prepareChart(chart: Chart, userValues: Values, warn: WarnFn): RenderChart {
  checkDependencies(chart)
  const rc = toRenderChart(chart)
  asRenderError(() => {
    processDependencyEnabled(rc, userValues, '', warn)
    processDependencyImportValues(rc, warn)
  })
  return rc
}

/** Runs a values step, turning Helm's coalescing type mismatch into a {@link RenderError}. */
function asRenderError<T>(f: () => T): T {
  try {
    return f()
  } catch (err) {
    if (err instanceof CoalesceTypeError) {
      throw new RenderError('DEPENDENCY_TYPE_MISMATCH', err.message, {
        phase: 'values',
        valuesPath: err.key,
        cause: err,
      })
    }
    throw err
  }
}

function checkDepth(c: RenderChart, max: number, depth = 0): void {
  if (depth > max) {
    throw new RenderError(
      'LIMIT_EXCEEDED',
      `chart ${c.metadata.name} is nested more than ${max} subcharts deep`,
      {
        phase: 'values',
        chart: c.metadata.name,
      },
    )
  }
  for (const d of c.dependencies) checkDepth(d, max, depth + 1)
}

function coalesce(rc: RenderChart, userValues: Values, warn: WarnFn): Values {
  return asRenderError(() => coalesceValues(rc, userValues, warn))
}

/**
 * The values a chart's templates see for the given user values (each source a `-f` file or
 * `--set` result, later ones winning), after Helm's dependency processing and coalescing.
 */
export function mergeValues(
  chart: Chart,
  userValues: Values[],
  options: { warn?: WarnFn } = {},
): Values {
  const warn = options.warn ?? noWarn
  const user = mergeUserValues(userValues)
  return coalesce(prepareChart(chart, user, warn), user, warn)
}

function release(options: RenderOptions): GoMap {
  return {
    Name: options.releaseName,
    Namespace: options.namespace ?? 'default',
    IsUpgrade: options.isUpgrade ?? false,
    IsInstall: !(options.isUpgrade ?? false),
    Revision: BigInt(options.revision ?? 1),
    Service: 'Helm',
  }
}

/**
 * Renders a loaded chart as `helm template` (v3.17.3) does: dependency processing, values
 * coalescing, schema validation, every template executed in Helm's order, documents split,
 * hooks separated and everything sorted in install order.
 *
 * @example
 * const result = renderChart(chart, { replicas: 2 }, { releaseName: 'web' })
 * process.stdout.write(formatTemplateOutput(result))
 */
export function renderChart(
  chart: Chart,
  userValues: Values,
  options: RenderOptions,
): RenderResult {
  const warn = options.warn ?? noWarn
  const limits: RenderLimits = { ...defaultRenderLimits, ...options.limits }
  const caps: Capabilities = makeCapabilities({
    ...(options.kubeVersion !== undefined ? { kubeVersion: options.kubeVersion } : {}),
    ...(options.apiVersions !== undefined ? { apiVersions: options.apiVersions } : {}),
    ...(options.clusterApiVersions !== undefined
      ? { clusterApiVersions: options.clusterApiVersions }
      : {}),
  })
  const rc = prepareChart(chart, userValues, warn)
  checkDepth(rc, limits.maxChartDepth)
  const values = coalesce(rc, userValues, warn)
  if (!options.skipSchemaValidation) validateValues(rc, values)

  const kubeVersion = chart.metadata.kubeVersion
  if (kubeVersion && !isCompatibleRange(kubeVersion, caps.KubeVersion.Version)) {
    throw new RenderError(
      'KUBE_VERSION_INCOMPATIBLE',
      `chart requires kubeVersion: ${kubeVersion} which is incompatible with Kubernetes ${caps.KubeVersion.Version}`,
      { chart: chart.metadata.name },
    )
  }

  const rendered = renderTemplates({
    chart: rc,
    // the root .Values is Helm's named type chartutil.Values (typeOf shows it; dig refuses it)
    top: {
      Capabilities: caps,
      Release: release(options),
      Values: withGoType(values, 'chartutil.Values'),
    },
    limits,
    createSet: options.createTemplateSet ?? defaultTemplateSetFactory,
    ...(options.lookup ? { lookup: options.lookup } : {}),
    toYaml: toYamlFunc(),
    cacheKey: chart,
  })

  let notes: string | undefined
  const rootNotes = `${rc.metadata.name}/templates/NOTES.txt`
  for (const name of [...rendered.keys()]) {
    if (!name.endsWith('NOTES.txt')) continue
    if (options.subNotes || name === rootNotes) {
      notes =
        notes === undefined ? (rendered.get(name) as string) : `${notes}\n${rendered.get(name)}`
    }
    rendered.delete(name)
  }

  const { manifests, hooks } = sortManifests(rendered, undefined, warn)
  const files = crdFiles(rc)
  return {
    manifests,
    hooks,
    crdFiles: files,
    ...(notes !== undefined ? { notes } : {}),
    values,
    includeCrds: options.includeCrds ?? false,
  }
}
