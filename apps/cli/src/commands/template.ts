import type { Chart, Values } from '@slipway/chart'
import { loadChartFromSource } from '@slipway/chart/node'
import { formatTemplateOutput, isRenderError, renderChart } from '@slipway/render'
import {
  chartSourceOptionsFromFlags,
  list,
  userValuesFromFlags,
  valueOptions,
} from '../chart-flags.ts'
import { UsageError, type Command, type CommandIO, type Flags } from '../command.ts'
import { chartSourceOptions } from '../global-flags.ts'

const usage = 'slipway template [NAME] [CHART] [flags]'

// Helm's chartutil.ValidateReleaseName
const releaseNameRegex = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const maxReleaseNameLength = 53

/** Loads the chart: a directory, a .tgz, a URL, `oci://` or `--repo URL NAME`, with Helm's flags. */
async function loadChart(ref: string, flags: Flags, io: CommandIO): Promise<Chart> {
  const options = chartSourceOptionsFromFlags(flags, io.cwd)
  if (io.loadedCharts) options.loadedCharts = io.loadedCharts
  try {
    return (await loadChartFromSource(ref, options)).chart
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

function render(chart: Chart, values: Values, name: string, flags: Flags): string {
  const result = renderChart(chart, values, {
    releaseName: name,
    namespace: typeof flags.namespace === 'string' ? flags.namespace : 'default',
    isUpgrade: flags['is-upgrade'] === true,
    ...(typeof flags['kube-version'] === 'string' ? { kubeVersion: flags['kube-version'] } : {}),
    apiVersions: list(flags['api-versions']).flatMap((s) => s.split(',')),
    includeCrds: flags['include-crds'] === true,
    skipSchemaValidation: flags['skip-schema-validation'] === true,
    subNotes: flags['render-subchart-notes'] === true,
  })
  return formatTemplateOutput(result, {
    showOnly: list(flags['show-only']).flatMap((s) => s.split(',')),
    skipTests: flags['skip-tests'] === true,
    noHooks: flags['no-hooks'] === true,
  })
}

async function run(args: string[], flags: Flags, io: CommandIO): Promise<number> {
  if (args.length < 1)
    throw new UsageError(`"slipway template" requires at least 1 argument\n\nUsage: ${usage}`)
  if (args.length > 2)
    throw new UsageError(
      `expected at most two arguments, unexpected arguments: ${args.slice(2).join(', ')}`,
    )
  const [name, ref] =
    args.length === 2 ? [args[0] as string, args[1] as string] : ['release-name', args[0] as string]
  if (!releaseNameRegex.test(name) || name.length > maxReleaseNameLength) {
    throw new UsageError(
      `release name "${name}": invalid release name, must match regex ${releaseNameRegex.source} and the length must not be longer than ${maxReleaseNameLength}`,
    )
  }
  const kubeVersion = flags['kube-version']
  if (typeof kubeVersion === 'string' && !/^v?\d+(\.\d+){0,2}([-+].*)?$/.test(kubeVersion)) {
    throw new UsageError(`invalid kube version '${kubeVersion}': Invalid Semantic Version`)
  }
  const values = await userValuesFromFlags(flags, io.cwd)
  const chart = await loadChart(ref, flags, io)
  if (chart.metadata.deprecated) io.stderr.write('WARNING: This chart is deprecated\n')
  let out: string
  try {
    out = render(chart, values, name, flags)
  } catch (err) {
    if (isRenderError(err)) {
      // Helm adds this hint once the release exists, i.e. for errors while rendering
      const hint = err.phase === 'render' ? '\n\nUse --debug flag to render out invalid YAML' : ''
      throw new UsageError(`${err.message}${hint}`)
    }
    throw err
  }
  io.stdout.write(out)
  return 0
}

export const command: Command = {
  name: 'template',
  summary: 'render a chart\'s templates locally, exactly as "helm template" prints them',
  usage,
  options: {
    ...chartSourceOptions,
    ...valueOptions,
    'kube-version': { type: 'string' },
    'api-versions': { type: 'string', short: 'a', multiple: true },
    'include-crds': { type: 'boolean' },
    'skip-crds': { type: 'boolean' },
    'show-only': { type: 'string', short: 's', multiple: true },
    'skip-tests': { type: 'boolean' },
    'no-hooks': { type: 'boolean' },
    'is-upgrade': { type: 'boolean' },
    'skip-schema-validation': { type: 'boolean' },
    'render-subchart-notes': { type: 'boolean' },
  },
  run,
}
