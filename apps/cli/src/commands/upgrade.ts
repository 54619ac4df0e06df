import type { Command, CommandIO, Flags } from '../command.ts'
import { UsageError } from '../command.ts'
import { chartSourceOptions } from '../global-flags.ts'
import {
  connectFromFlags,
  failed,
  loadReleaseChart,
  parseDuration,
  printRelease,
  progress,
  releaseValueOptions,
} from './install.ts'
import { userValuesFromFlags } from '../chart-flags.ts'

const usage = 'slipway upgrade RELEASE CHART [flags]'

async function run(args: string[], flags: Flags, io: CommandIO): Promise<number> {
  if (args.length !== 2)
    throw new UsageError(
      `"slipway upgrade" requires 2 arguments: RELEASE and CHART\n\nUsage: ${usage}`,
    )
  const [name, ref] = args as [string, string]
  const values = await userValuesFromFlags(flags, io.cwd)
  const { chart, source } = await loadReleaseChart(ref, flags, io.cwd)
  const { releases, namespace } = await connectFromFlags(flags)
  const timeout = typeof flags.timeout === 'string' ? flags.timeout : undefined
  const historyMax =
    typeof flags['history-max'] === 'string' ? Number(flags['history-max']) : undefined
  if (historyMax !== undefined && !Number.isInteger(historyMax))
    throw new UsageError(
      `invalid argument "${String(flags['history-max'])}" for "--history-max" flag`,
    )
  try {
    const existed = (await releases.storage.history(name, namespace)).some(
      (r) => r.info.status !== 'uninstalled',
    )
    const rel = await releases.upgrade(
      {
        name,
        namespace,
        chart,
        values,
        source,
        install: flags.install === true,
        reuseValues: flags['reuse-values'] === true,
        createNamespace: flags['create-namespace'] === true,
        wait: flags.wait === true,
        dryRun: flags['dry-run'] === true,
        noHooks: flags['no-hooks'] === true,
        ...(timeout ? { timeoutMs: parseDuration(timeout) } : {}),
        ...(historyMax !== undefined ? { historyMax } : {}),
        ...(typeof flags.description === 'string' ? { description: flags.description } : {}),
      },
      progress(flags, io),
    )
    if (flags['dry-run'] === true) {
      io.stdout.write(
        `Release "${name}" has been upgraded (dry run). Nothing was changed.\nMANIFEST:\n${rel.manifest}`,
      )
      return 0
    }
    if (typeof flags.output !== 'string' || flags.output === 'table') {
      io.stdout.write(
        existed
          ? `Release "${name}" has been upgraded. Happy Helming!\n`
          : `Release "${name}" does not exist. Installing it now.\n`,
      )
    }
    printRelease(await releases.storage.get(name, namespace, rel.revision), flags, io)
  } catch (err) {
    throw failed('UPGRADE FAILED', err)
  }
  return 0
}

export const command: Command = {
  name: 'upgrade',
  summary: 'upgrade a release to a new chart version or new values',
  usage,
  options: {
    ...chartSourceOptions,
    ...releaseValueOptions,
    install: { type: 'boolean', short: 'i' },
    'reuse-values': { type: 'boolean' },
    'create-namespace': { type: 'boolean' },
    'history-max': { type: 'string' },
  },
  run,
}
