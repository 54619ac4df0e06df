import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { basename, isAbsolute, join, resolve } from 'node:path'
import { loadChartFromSource, unpackArchive, type ChartSourceOptions } from '@slipway/chart/node'
import {
  CredentialStore,
  defaultCacheDir,
  parseReference,
  RegistryClient,
  type RegistryClientOptions,
} from '@slipway/oci'
import { UsageError, type Command, type CommandIO, type Flags } from '../command.ts'
import { chartSourceOptions } from '../global-flags.ts'

const str = (v: Flags[string]): string | undefined => (typeof v === 'string' ? v : undefined)

/** TLS and credential flags shared by registries and Helm repositories. */
function connectOptions(flags: Flags, io: CommandIO) {
  const out: {
    caFile?: string
    certFile?: string
    keyFile?: string
    insecureSkipTlsVerify?: boolean
    username?: string
    password?: string
  } = {}
  const caFile = str(flags['ca-file'])
  const certFile = str(flags['cert-file'])
  const keyFile = str(flags['key-file'])
  if (caFile) out.caFile = resolve(io.cwd, caFile)
  if (certFile) out.certFile = resolve(io.cwd, certFile)
  if (keyFile) out.keyFile = resolve(io.cwd, keyFile)
  if (flags['insecure-skip-tls-verify']) out.insecureSkipTlsVerify = true
  const username = str(flags.username)
  const password = str(flags.password)
  if (username !== undefined) out.username = username
  if (password !== undefined) out.password = password
  return out
}

/**
 * A registry client configured from Helm's registry flags (`--plain-http`,
 * `--insecure-skip-tls-verify`, `--ca-file`, `--cert-file`, `--key-file`, `--username`,
 * `--password`, `--registry-config`) and the command's environment (`SLIPWAY_CACHE_DIR`,
 * `XDG_CACHE_HOME`, `HELM_REGISTRY_CONFIG`, `DOCKER_CONFIG`, `HOME`).
 */
export function registryClientFromFlags(flags: Flags, io: CommandIO): RegistryClient {
  const registryConfig = str(flags['registry-config'])
  const defaults = CredentialStore.fromDefaultLocations(io.env)
  const credentials = registryConfig
    ? new CredentialStore(resolve(io.cwd, registryConfig), defaults.sources.slice(1))
    : defaults
  const options: RegistryClientOptions = {
    ...connectOptions(flags, io),
    credentials,
    cacheDir: io.env.SLIPWAY_CACHE_DIR || defaultCacheDir(io.env),
  }
  if (flags['plain-http']) options.plainHttp = true
  return new RegistryClient(options)
}

/** Saves or unpacks a fetched archive as `helm pull` does. */
async function save(
  archive: Uint8Array,
  fileName: string,
  chartName: string,
  source: string,
  flags: Flags,
  io: CommandIO,
  provenance?: Uint8Array,
): Promise<void> {
  const destination = resolve(io.cwd, str(flags.destination) ?? '.')
  if (flags.prov) {
    if (!provenance) throw new UsageError(`${source} has no provenance file`)
    await mkdir(destination, { recursive: true })
    await writeFile(join(destination, `${fileName}.prov`), provenance)
  }
  if (!flags.untar) {
    await mkdir(destination, { recursive: true })
    await writeFile(join(destination, fileName), archive)
    return
  }
  const untardir = str(flags.untardir) ?? '.'
  const base = isAbsolute(untardir) ? untardir : join(destination, untardir)
  const target = join(base, chartName)
  if (existsSync(target)) {
    throw new UsageError(
      `failed to untar: a file or directory with the name ${target} already exists`,
    )
  }
  await unpackArchive(archive, base, { source })
}

/** `slipway pull`: downloads a chart (OCI registry, Helm repository, URL), like `helm pull`. */
export const command: Command = {
  name: 'pull',
  summary:
    'download a chart from an OCI registry or a Helm repository and save (or unpack) it locally',
  usage:
    'slipway pull (oci://HOST/PATH/NAME[:TAG|@DIGEST] | NAME --repo URL | URL) [--version V] [--devel] ' +
    '[--destination DIR] [--untar] [--untardir DIR] [--prov] [--plain-http] [--insecure-skip-tls-verify] ' +
    '[--ca-file F] [--cert-file F --key-file F] [--username U --password P]',
  options: {
    ...chartSourceOptions,
    destination: { type: 'string', short: 'd' },
    untar: { type: 'boolean' },
    untardir: { type: 'string' },
    prov: { type: 'boolean' },
    'pass-credentials': { type: 'boolean' },
  },
  async run(args, flags, io) {
    if (args.length !== 1) {
      throw new UsageError(
        `"slipway pull" requires 1 argument (a chart reference), got ${args.length}`,
      )
    }
    const source = args[0]!
    const version = str(flags.version)
    const repo = str(flags.repo)
    if (source.startsWith('oci://') && !repo) {
      const ref = parseReference(source)
      const client = registryClientFromFlags(flags, io)
      try {
        const pulled = await client.pullChart(ref, {
          ...(version ? { version } : {}),
          ...(flags.devel ? { devel: true } : {}),
        })
        // like helm: these lines go to stderr, nothing to stdout
        io.stderr.write(`Pulled: ${pulled.ref}\nDigest: ${pulled.manifestDigest}\n`)
        const name = ref.repository.slice(ref.repository.lastIndexOf('/') + 1)
        const chartVersion =
          typeof pulled.config.version === 'string' ? pulled.config.version : (ref.tag ?? 'latest')
        const chartName = typeof pulled.config.name === 'string' ? pulled.config.name : name
        await save(
          pulled.archive,
          `${name}-${chartVersion}.tgz`,
          chartName,
          pulled.ref,
          flags,
          io,
          pulled.provenance,
        )
      } finally {
        await client.close()
      }
      return 0
    }
    if (!repo && !/^https?:\/\//i.test(source)) {
      throw new UsageError(
        `"${source}" is not a chart reference: use oci://HOST/PATH/NAME, NAME --repo URL, or an http(s) URL of a .tgz`,
      )
    }
    const options: ChartSourceOptions = { ...connectOptions(flags, io), cwd: io.cwd }
    if (repo) options.repo = repo
    if (version) options.version = version
    if (flags.devel) options.devel = true
    if (flags['pass-credentials']) options.passCredentialsAll = true
    const loaded = await loadChartFromSource(source, options)
    if (!loaded.archive) throw new UsageError(`${source} is not a chart archive`)
    // like helm: the file is named as in the chart's URL
    const fileName = basename(new URL(loaded.ref).pathname)
    await save(loaded.archive, fileName, loaded.chart.metadata.name, loaded.ref, flags, io)
    return 0
  },
}
