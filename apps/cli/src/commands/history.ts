import { UsageError, type Command, type CommandIO, type Flags } from '../command.ts'
import { ansic, connectFromFlags, failed } from './install.ts'
import { formatTable, writeOutput } from './list.ts'

const usage = 'slipway history RELEASE_NAME [flags]'

async function run(args: string[], flags: Flags, io: CommandIO): Promise<number> {
  if (args.length !== 1)
    throw new UsageError(`"slipway history" requires 1 argument\n\nUsage: ${usage}`)
  const name = args[0] as string
  const max = typeof flags.max === 'string' ? Number(flags.max) : 256
  if (!Number.isInteger(max) || max < 1)
    throw new UsageError(`invalid argument "${String(flags.max)}" for "--max" flag`)
  const { releases, namespace } = await connectFromFlags(flags)
  let rows
  try {
    rows = (await releases.history(name, namespace)).slice(-max)
  } catch (err) {
    throw failed('release', err)
  }
  const data = rows.map((r) => ({
    revision: r.revision,
    updated: r.updated,
    status: r.status,
    chart: r.chart,
    app_version: r.appVersion,
    description: r.description,
  }))
  writeOutput(flags, io, data, () =>
    formatTable([
      ['REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION', 'DESCRIPTION'],
      ...data.map((d) => [
        String(d.revision),
        ansic(d.updated),
        d.status,
        d.chart,
        d.app_version,
        d.description,
      ]),
    ]),
  )
  return 0
}

export const command: Command = {
  name: 'history',
  summary: "show a release's revisions",
  usage,
  options: {
    max: { type: 'string' },
    output: { type: 'string', short: 'o' },
  },
  run,
}
