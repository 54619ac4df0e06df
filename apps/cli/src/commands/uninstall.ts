import { UsageError, type Command, type CommandIO, type Flags } from '../command.ts'
import { connectFromFlags, failed, parseDuration, progress } from './install.ts'

const usage = 'slipway uninstall RELEASE_NAME [...] [flags]'

async function run(args: string[], flags: Flags, io: CommandIO): Promise<number> {
  if (args.length < 1)
    throw new UsageError(`"slipway uninstall" requires at least 1 argument\n\nUsage: ${usage}`)
  const { releases, namespace } = await connectFromFlags(flags)
  const timeout = typeof flags.timeout === 'string' ? flags.timeout : undefined
  for (const name of args) {
    try {
      await releases.uninstall(
        name,
        namespace,
        {
          keepHistory: flags['keep-history'] === true,
          wait: flags.wait === true,
          noHooks: flags['no-hooks'] === true,
          ...(timeout ? { timeoutMs: parseDuration(timeout) } : {}),
        },
        progress(flags, io),
      )
    } catch (err) {
      throw failed(`uninstall: Release not loaded: ${name}`, err)
    }
    io.stdout.write(`release "${name}" uninstalled\n`)
  }
  return 0
}

export const command: Command = {
  name: 'uninstall',
  summary: 'uninstall a release: its resources (except those marked keep) and its records',
  usage,
  options: {
    'keep-history': { type: 'boolean' },
    'no-hooks': { type: 'boolean' },
    timeout: { type: 'string' },
    wait: { type: 'boolean' },
  },
  run,
}
