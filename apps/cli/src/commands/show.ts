import { inferSchema, showChart, type Chart, type ShowKind } from '@slipway/chart'
import { loadChartFromSource } from '@slipway/chart/node'
import { chartSourceOptionsFromFlags } from '../chart-flags.ts'
import { UsageError, type Command, type CommandIO } from '../command.ts'
import { chartSourceOptions } from '../global-flags.ts'

const usage = `slipway show chart|values|schema|readme|crds|all CHART [flags]

CHART is a chart directory, a .tgz archive, an oci:// reference, an http(s):// archive URL,
or a chart name with --repo URL.`

const kinds = ['chart', 'values', 'schema', 'readme', 'crds', 'all'] as const

function schemaText(chart: Chart, io: CommandIO): string {
  if (chart.schema) {
    const text = new TextDecoder().decode(chart.schema)
    return text.endsWith('\n') ? text : `${text}\n`
  }
  io.stderr.write(
    `${chart.metadata.name} has no values.schema.json: showing the schema inferred from values.yaml\n`,
  )
  const values = chart.rawValues ? new TextDecoder().decode(chart.rawValues) : ''
  return `${JSON.stringify(inferSchema(values), null, 2)}\n`
}

/** `slipway show`: prints a chart's Chart.yaml, values, schema, README or CRDs, as `helm show`. */
export const command: Command = {
  name: 'show',
  summary: "show a chart's Chart.yaml, values, values schema, README or CRDs",
  usage,
  options: { ...chartSourceOptions, 'pass-credentials': { type: 'boolean' } },
  async run(args, flags, io) {
    const [kind, ref, ...extra] = args
    if (!kind || !(kinds as readonly string[]).includes(kind)) {
      throw new UsageError(`show needs one of ${kinds.join(', ')}\n\nUsage: ${usage}`)
    }
    if (!ref) throw new UsageError(`"slipway show ${kind}" requires 1 argument\n\nUsage: ${usage}`)
    if (extra.length > 0)
      throw new UsageError(`"slipway show ${kind}" accepts 1 argument, got ${args.length - 1}`)
    const { chart } = await loadChartFromSource(ref, chartSourceOptionsFromFlags(flags, io.cwd))
    const out = kind === 'schema' ? schemaText(chart, io) : showChart(chart, kind as ShowKind)
    io.stdout.write(out)
  },
}
