import { ChartError } from './errors.ts'
import type { Chart } from './types.ts'

/**
 * Helm's CheckDependencies: every dependency of Chart.yaml (requirements.yaml for v1) must
 * have a chart of that name in charts/. `helm install`, `template` and `package` run it.
 *
 * @throws ChartError `MISSING_DEPENDENCY` with Helm's message, naming every missing chart.
 */
export function checkDependencies(chart: Chart): void {
  const present = new Set(chart.dependencies.map((d) => d.metadata.name))
  const missing = (chart.metadata.dependencies ?? [])
    .filter((d) => !present.has(d.name))
    .map((d) => d.name)
  if (missing.length > 0) {
    throw new ChartError(
      'MISSING_DEPENDENCY',
      `found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`,
      {
        file: chart.metadata.apiVersion === 'v1' ? 'requirements.yaml' : 'Chart.yaml',
        field: 'dependencies',
      },
    )
  }
}
