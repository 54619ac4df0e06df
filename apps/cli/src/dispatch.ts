import { parseArgs } from 'node:util'
import { UsageError, type CommandIO, type Flags } from './command.ts'
import type { CommandTable } from './commands/table.ts'
import { globalOptions } from './global-flags.ts'

const topUsage = `Slipway: deploy Helm charts onto Kubernetes.

Usage: slipway COMMAND [ARGS] [FLAGS]

Commands:
  pull       download a chart (OCI registry, Helm repository) to a local directory
  push       push a packaged chart to an OCI registry
  show       show a chart's Chart.yaml, values, schema or README
  package    package a chart directory into a chart archive
  template   render a chart's templates locally, like helm template
  install    install a chart as a release
  upgrade    upgrade a release
  uninstall  uninstall a release
  rollback   roll a release back to an earlier revision
  list       list releases
  history    show a release's revisions
  status     show a release's status
  serve      start the dashboard
  render-server
             status or stop the process that runs "template" after its first use

Run "slipway COMMAND --help" for a command's flags.
`

/**
 * Runs the command of `table` that `argv` (without node and script) names and returns the exit
 * code. The table is a parameter so that a smaller bundle can serve a few commands on its own.
 */
export async function dispatch(
  { commands, aliases }: CommandTable,
  argv: string[],
  io: CommandIO,
): Promise<number> {
  const [first, ...rest] = argv
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(topUsage)
    return first ? 0 : 1
  }
  const name = aliases[first] ?? first
  const load = commands[name]
  if (!load) {
    io.stderr.write(`Error: unknown command "${first}" for "slipway"\n\n${topUsage}`)
    return 1
  }
  const { command } = await load()
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...globalOptions, ...command.options },
      allowPositionals: true,
      strict: true,
    })
    if (values.help) {
      io.stdout.write(`${command.summary}\n\nUsage: ${command.usage}\n`)
      return 0
    }
    return (await command.run(positionals, values as Flags, io)) ?? 0
  } catch (err) {
    const e = err as Error & { code?: string }
    const debug = rest.includes('--debug')
    if (e.code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`Error: ${e.message}\n\nUsage: ${command.usage}\n`)
    } else if (debug && !(e instanceof UsageError)) {
      io.stderr.write(`Error: ${e.stack ?? e.message}\n`)
    } else {
      io.stderr.write(`Error: ${e.message}\n`)
    }
    return 1
  }
}

/** Runs the command of `table` that this process's arguments name, as its exit code. */
export function dispatchProcess(table: CommandTable): void {
  const io = {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  }
  void dispatch(table, process.argv.slice(2), io).then((code) => {
    process.exitCode = code
  })
}
