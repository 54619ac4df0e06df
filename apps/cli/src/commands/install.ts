import type { Chart } from '@slipway/chart'
import { encodeYaml } from '@slipway/gotemplate'
import {
  KubeClient,
  Releases,
  isKubeError,
  type ChartSourceRecord,
  type HelmRelease,
  type OnApplyEvent,
} from '@slipway/kube'
import { isRenderError } from '@slipway/render'
import {
  chartSourceOptionsFromFlags,
  str,
  userValuesFromFlags,
  valueOptions,
} from '../chart-flags.ts'
import { UsageError, type Command, type CommandIO, type Flags } from '../command.ts'
import { chartSourceOptions } from '../global-flags.ts'

/** Flags of the commands that render a chart into a release (install, upgrade). */
export const releaseValueOptions = {
  ...valueOptions,
  wait: { type: 'boolean' },
  timeout: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'no-hooks': { type: 'boolean' },
  description: { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const

/** Parses a Go duration (`5m0s`, `90s`, `1h`) into milliseconds. */
export function parseDuration(text: string): number {
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g
  let total = 0
  let consumed = 0
  for (const m of text.matchAll(re)) {
    const n = Number(m[1])
    total += m[2] === 'h' ? n * 3_600_000 : m[2] === 'm' ? n * 60_000 : m[2] === 's' ? n * 1000 : n
    consumed += m[0].length
  }
  if (consumed !== text.length || text === '')
    throw new UsageError(
      `invalid argument "${text}" for "--timeout" flag: time: invalid duration "${text}"`,
    )
  return total
}

/** Loads a chart reference (directory, archive, URL, `oci://`, `--repo URL NAME`) and where it came from. */
export async function loadReleaseChart(
  ref: string,
  flags: Flags,
  cwd: string,
): Promise<{ chart: Chart; source: ChartSourceRecord }> {
  const options = chartSourceOptionsFromFlags(flags, cwd)
  try {
    // loaded on demand: list, history and status never load charts
    const { loadChartFromSource } = await import('@slipway/chart/node')
    const loaded = await loadChartFromSource(ref, options)
    const repoFlag = str(flags.repo)
    const source: ChartSourceRecord = {
      ...(repoFlag
        ? { repository: repoFlag, path: ref }
        : ref.startsWith('oci://')
          ? {
              repository: ref.slice(0, ref.lastIndexOf('/')),
              path: ref.slice(ref.lastIndexOf('/') + 1).split(':')[0],
            }
          : { repository: loaded.ref }),
      version: loaded.version,
      ...(loaded.digest ? { digest: loaded.digest } : {}),
    }
    return { chart: loaded.chart, source }
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

/** Connects to the cluster named by `--kubeconfig` / `--kube-context` (or the defaults). */
export async function connectFromFlags(
  flags: Flags,
): Promise<{ releases: Releases; namespace: string }> {
  const kube = await KubeClient.connect({
    ...(str(flags.kubeconfig) ? { kubeconfig: str(flags.kubeconfig) } : {}),
    ...(str(flags['kube-context']) ? { context: str(flags['kube-context']) } : {}),
  })
  return { releases: new Releases(kube), namespace: str(flags.namespace) ?? kube.defaultNamespace }
}

/** Prints progress to stderr with `--debug` (Helm prints nothing during an operation). */
export function progress(flags: Flags, io: CommandIO): OnApplyEvent | undefined {
  if (flags.debug !== true) return undefined
  return (e) => {
    const what = e.kind
      ? `${e.kind}/${e.name}${e.namespace ? ` (${e.namespace})` : ''}`
      : (e.name ?? '')
    io.stderr.write(`${e.phase}: ${what} ${e.action}${e.message ? `: ${e.message}` : ''}\n`)
  }
}

/** Helm's ANSIC date (`Mon Jan  2 15:04:05 2006`), in UTC. */
export function ansic(iso: string): string {
  if (!iso) return ''
  const d = new Date(iso)
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ]
  const p = (n: number) => String(n).padStart(2, '0')
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`
}

/** Helm's release printout (install, upgrade, status), or the record as JSON/YAML with `-o`. */
export function printRelease(
  rel: HelmRelease,
  flags: Flags,
  io: CommandIO,
  options: { showResources?: boolean } = {},
): void {
  void options
  const format = str(flags.output) ?? 'table'
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(rel)}\n`)
    return
  }
  if (format === 'yaml') {
    io.stdout.write(encodeYaml(JSON.parse(JSON.stringify(rel))))
    return
  }
  if (format !== 'table')
    throw new UsageError(
      `invalid argument "${format}" for "-o, --output" flag: invalid format type`,
    )
  const lines = [
    `NAME: ${rel.name}`,
    `LAST DEPLOYED: ${ansic(rel.info.last_deployed)}`,
    `NAMESPACE: ${rel.namespace}`,
    `STATUS: ${rel.info.status}`,
    `REVISION: ${rel.version}`,
  ]
  const tests = (rel.hooks ?? []).filter((h) => h.events?.includes('test'))
  if (tests.length === 0) lines.push('TEST SUITE: None')
  if (rel.info.description && rel.info.status === 'failed')
    lines.push(`DESCRIPTION: ${rel.info.description}`)
  io.stdout.write(`${lines.join('\n')}\n`)
  if (rel.info.notes) io.stdout.write(`NOTES:\n${rel.info.notes.trim()}\n`)
}

/** Turns Slipway's errors into Helm's `Error: INSTALLATION FAILED: …` wording. */
export function failed(prefix: string, err: unknown): Error {
  if (err instanceof UsageError) return err
  if (isRenderError(err)) return new UsageError(`${prefix}: ${err.message}`)
  if (isKubeError(err)) return new UsageError(`${prefix}: ${err.message}`)
  return err as Error
}

async function run(args: string[], flags: Flags, io: CommandIO): Promise<number> {
  if (args.length !== 2)
    throw new UsageError(
      `"slipway install" requires 2 arguments: NAME and CHART\n\nUsage: ${usage}`,
    )
  const [name, ref] = args as [string, string]
  const values = await userValuesFromFlags(flags, io.cwd)
  const { chart, source } = await loadReleaseChart(ref, flags, io.cwd)
  const { releases, namespace } = await connectFromFlags(flags)
  try {
    const timeout = str(flags.timeout)
    const rel = await releases.install(
      {
        name,
        namespace,
        chart,
        values,
        source,
        createNamespace: flags['create-namespace'] === true,
        wait: flags.wait === true,
        dryRun: flags['dry-run'] === true,
        noHooks: flags['no-hooks'] === true,
        ...(timeout ? { timeoutMs: parseDuration(timeout) } : {}),
        ...(str(flags.description) ? { description: str(flags.description) } : {}),
      },
      progress(flags, io),
    )
    if (flags['dry-run'] === true) {
      io.stdout.write(
        `NAME: ${rel.name}\nLAST DEPLOYED: ${ansic(rel.updated)}\nNAMESPACE: ${rel.namespace}\nSTATUS: pending-install\nREVISION: ${rel.revision}\nTEST SUITE: None\nHOOKS:\n`,
      )
      for (const h of rel.hooks) io.stdout.write(`---\n# Source: ${h.path}\n`)
      io.stdout.write(`MANIFEST:\n${rel.manifest}`)
      if (rel.notes) io.stdout.write(`\nNOTES:\n${rel.notes.trim()}\n`)
      return 0
    }
    printRelease(await releases.storage.get(name, namespace, rel.revision), flags, io)
  } catch (err) {
    throw failed('INSTALLATION FAILED', err)
  }
  return 0
}

const usage = 'slipway install NAME CHART [flags]'

export const command: Command = {
  name: 'install',
  summary: "install a chart as a release (server-side apply, records in Helm's format)",
  usage,
  options: {
    ...chartSourceOptions,
    ...releaseValueOptions,
    'create-namespace': { type: 'boolean' },
  },
  run,
}
