import { UsageError, type Command, type CommandIO, type Flags } from '../command.ts'
import { connectFromFlags, failed, parseDuration, progress } from './install.ts'

const usage = 'slipway rollback RELEASE [REVISION] [flags]'

async function run(args: string[], flags: Flags, io: CommandIO): Promise<number> {
  if (args.length < 1 || args.length > 2)
    throw new UsageError(
      `"slipway rollback" requires a RELEASE and an optional REVISION\n\nUsage: ${usage}`,
    )
  const [name, rev] = args as [string, string | undefined]
  const revision = rev === undefined ? 0 : Number(rev)
  if (!Number.isInteger(revision) || revision < 0)
    throw new UsageError(`invalid revision "${rev}": a revision is a number`)
  const { releases, namespace } = await connectFromFlags(flags)
  const timeout = typeof flags.timeout === 'string' ? flags.timeout : undefined
  try {
    await releases.rollback(
      name,
      namespace,
      revision,
      {
        wait: flags.wait === true,
        noHooks: flags['no-hooks'] === true,
        ...(timeout ? { timeoutMs: parseDuration(timeout) } : {}),
        ...(typeof flags['history-max'] === 'string'
          ? { historyMax: Number(flags['history-max']) }
          : {}),
      },
      progress(flags, io),
    )
  } catch (err) {
    throw failed('ROLLBACK FAILED', err)
  }
  io.stdout.write('Rollback was a success! Happy Helming!\n')
  return 0
}

export const command: Command = {
  name: 'rollback',
  summary: 'roll a release back to an earlier revision (as a new revision)',
  usage,
  options: {
    wait: { type: 'boolean' },
    timeout: { type: 'string' },
    'no-hooks': { type: 'boolean' },
    'history-max': { type: 'string' },
  },
  run,
}
