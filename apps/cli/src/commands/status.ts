import { UsageError, type Command, type CommandIO, type Flags } from '../command.ts'
import { connectFromFlags, failed, printRelease } from './install.ts'
import { formatTable } from './list.ts'

const usage = 'slipway status RELEASE_NAME [flags]'

async function run(args: string[], flags: Flags, io: CommandIO): Promise<number> {
  if (args.length !== 1)
    throw new UsageError(`"slipway status" requires 1 argument\n\nUsage: ${usage}`)
  const name = args[0] as string
  const revision = typeof flags.revision === 'string' ? Number(flags.revision) : undefined
  if (revision !== undefined && (!Number.isInteger(revision) || revision < 1))
    throw new UsageError(`invalid argument "${String(flags.revision)}" for "--revision" flag`)
  const { releases, namespace } = await connectFromFlags(flags)
  try {
    const rel = await releases.storage.get(name, namespace, revision)
    printRelease(rel, flags, io)
    if (
      flags['show-resources'] === true &&
      (typeof flags.output !== 'string' || flags.output === 'table')
    ) {
      const resources = await releases.resources(name, namespace)
      io.stdout.write(
        `RESOURCES:\n${formatTable([['KIND', 'NAME', 'NAMESPACE', 'HEALTH', 'MESSAGE'], ...resources.map((r) => [r.kind, r.name, r.namespace ?? '', r.health, r.message])])}`,
      )
    }
  } catch (err) {
    throw failed('release', err)
  }
  return 0
}

export const command: Command = {
  name: 'status',
  summary: "show a release's status (with --show-resources, the live health of its resources)",
  usage,
  options: {
    revision: { type: 'string' },
    output: { type: 'string', short: 'o' },
    'show-resources': { type: 'boolean' },
  },
  run,
}
