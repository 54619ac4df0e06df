import type { Chart } from '@slipway/chart'
import { RenderError } from '../errors.ts'

/**
 * Helm's action.CheckDependencies for the requested chart: every `dependencies[].name` of
 * Chart.yaml must be vendored in charts/, and only application charts can be rendered.
 */
export function checkDependencies(chart: Chart): void {
  const type = chart.metadata.type ?? ''
  if (type !== '' && type !== 'application') {
    throw new RenderError('MISSING_DEPENDENCY', `${type} charts are not installable`, {
      phase: 'values',
      chart: chart.metadata.name,
    })
  }
  const reqs = chart.metadata.dependencies
  if (!reqs) return
  const present = new Set(chart.dependencies.map((d) => d.metadata.name))
  const missing = reqs.filter((r) => !present.has(r.name)).map((r) => r.name)
  if (missing.length > 0) {
    throw new RenderError(
      'MISSING_DEPENDENCY',
      'An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: ' +
        `found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`,
      { phase: 'values', chart: chart.metadata.name },
    )
  }
}
