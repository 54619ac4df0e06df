import { encodeYaml } from '@slipway/gotemplate'
import type { ReleaseStatus } from '@slipway/kube'
import { UsageError, type Command, type CommandIO, type Flags } from '../command.ts'
import { connectFromFlags, failed } from './install.ts'

/** Rows as Helm's uitable prints them: every cell padded to its column, tab-separated. */
export function formatTable(rows: string[][]): string {
  const widths: number[] = []
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)))
  return (
    rows
      .map((r) =>
        r
          .map((c, i) =>
            i === r.length - 1 && i === widths.length - 1
              ? c.padEnd(widths[i] ?? 0)
              : c.padEnd(widths[i] ?? 0),
          )
          .join('\t'),
      )
      .join('\n') + '\n'
  )
}

/** Go's time.Time String() of an RFC 3339 time, in UTC: `2006-01-02 15:04:05.999999999 +0000 UTC`. */
export function goTimeString(iso: string): string {
  if (!iso) return ''
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z$/.exec(
    new Date(iso).toISOString() === iso ? iso : iso.replace(/\+00:00$/, 'Z'),
  )
  if (!m) return iso
  const frac = (m[3] ?? '').replace(/0+$/, '')
  return `${m[1]} ${m[2]}${frac === '.' ? '' : frac} +0000 UTC`
}

/** Writes JSON, YAML or a table, as `-o` asks. */
export function writeOutput(flags: Flags, io: CommandIO, data: unknown, table: () => string): void {
  const format = typeof flags.output === 'string' ? flags.output : 'table'
  if (format === 'json') io.stdout.write(`${JSON.stringify(data)}\n`)
  else if (format === 'yaml') io.stdout.write(encodeYaml(data))
  else if (format === 'table') io.stdout.write(table())
  else
    throw new UsageError(
      `invalid argument "${format}" for "-o, --output" flag: invalid format type`,
    )
}

async function run(args: string[], flags: Flags, io: CommandIO): Promise<number> {
  if (args.length) throw new UsageError(`"slipway list" accepts no arguments\n\nUsage: ${usage}`)
  const { releases, namespace } = await connectFromFlags(flags)
  const allNamespaces = flags['all-namespaces'] === true
  let rows
  try {
    // Helm's state flags; deployed and failed when none is given
    const picked = (
      ['deployed', 'failed', 'superseded', 'uninstalled', 'uninstalling'] as const
    ).filter((st) => flags[st] === true)
    const statuses: ReleaseStatus[] = [
      ...picked,
      ...(flags.pending === true
        ? (['pending-install', 'pending-upgrade', 'pending-rollback'] as const)
        : []),
    ]
    rows = await releases.list(allNamespaces ? undefined : namespace, {
      all: flags.all === true,
      statuses: statuses.length ? statuses : ['deployed', 'failed'],
    })
  } catch (err) {
    throw failed('list', err)
  }
  if (typeof flags.filter === 'string') {
    let re: RegExp
    try {
      re = new RegExp(flags.filter)
    } catch (err) {
      throw new UsageError(`invalid --filter regular expression: ${(err as Error).message}`)
    }
    rows = rows.filter((r) => re.test(r.name))
  }
  rows.sort((a, b) => a.name.localeCompare(b.name) || a.namespace.localeCompare(b.namespace))
  if (flags.short === true) {
    for (const r of rows) io.stdout.write(`${r.name}\n`)
    return 0
  }
  const data = rows.map((r) => ({
    name: r.name,
    namespace: r.namespace,
    revision: String(r.revision),
    updated: goTimeString(r.updated),
    status: r.status,
    chart: r.chart,
    app_version: r.appVersion,
  }))
  writeOutput(flags, io, data, () =>
    formatTable([
      ['NAME', 'NAMESPACE', 'REVISION', 'UPDATED', 'STATUS', 'CHART', 'APP VERSION'],
      ...data.map((d) => [
        d.name,
        d.namespace,
        d.revision,
        d.updated,
        d.status,
        d.chart,
        d.app_version,
      ]),
    ]),
  )
  return 0
}

const usage = 'slipway list [flags]'

export const command: Command = {
  name: 'list',
  summary: 'list releases (the deployed, failed and pending ones; -a for all)',
  usage,
  options: {
    'all-namespaces': { type: 'boolean', short: 'A' },
    all: { type: 'boolean', short: 'a' },
    output: { type: 'string', short: 'o' },
    short: { type: 'boolean', short: 'q' },
    filter: { type: 'string' },
    deployed: { type: 'boolean' },
    failed: { type: 'boolean' },
    pending: { type: 'boolean' },
    superseded: { type: 'boolean' },
    uninstalled: { type: 'boolean' },
    uninstalling: { type: 'boolean' },
  },
  run,
}
