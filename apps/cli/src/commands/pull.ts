import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { loadChartArchive } from '@slipway/chart/node'
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

/**
 * A registry client configured from Helm's registry flags (`--plain-http`,
 * `--insecure-skip-tls-verify`, `--ca-file`, `--cert-file`, `--key-file`, `--username`,
 * `--password`, `--registry-config`) and the command's environment.
 */
export function registryClientFromFlags(flags: Flags, io: CommandIO): RegistryClient {
  const registryConfig = str(flags['registry-config'])
  const credentials = registryConfig
    ? new CredentialStore(resolve(io.cwd, registryConfig), [
        CredentialStore.fromDefaultLocations(io.env).sources.at(-1)!,
      ])
    : CredentialStore.fromDefaultLocations(io.env)
  const options: RegistryClientOptions = {
    credentials,
    cacheDir: io.env.SLIPWAY_CACHE_DIR || defaultCacheDir(io.env),
  }
  if (flags['plain-http']) options.plainHttp = true
  if (flags['insecure-skip-tls-verify']) options.insecureSkipTlsVerify = true
  const caFile = str(flags['ca-file'])
  const certFile = str(flags['cert-file'])
  const keyFile = str(flags['key-file'])
  if (caFile) options.caFile = resolve(io.cwd, caFile)
  if (certFile) options.certFile = resolve(io.cwd, certFile)
  if (keyFile) options.keyFile = resolve(io.cwd, keyFile)
  const username = str(flags.username)
  const password = str(flags.password)
  if (username !== undefined) options.username = username
  if (password !== undefined) options.password = password
  return new RegistryClient(options)
}

/** `slipway pull`: downloads a chart from an OCI registry, like `helm pull`. */
export const command: Command = {
  name: 'pull',
  summary: 'download a chart from an OCI registry and save it (or unpack it) locally',
  usage:
    'slipway pull oci://HOST/PATH/NAME[:TAG|@DIGEST] [--version V] [--destination DIR] [--untar] [--untardir DIR] [--prov] ' +
    '[--plain-http] [--insecure-skip-tls-verify] [--ca-file F] [--cert-file F --key-file F] [--username U --password P]',
  options: {
    ...chartSourceOptions,
    destination: { type: 'string', short: 'd' },
    untar: { type: 'boolean' },
    untardir: { type: 'string' },
    prov: { type: 'boolean' },
  },
  async run(args, flags, io) {
    if (args.length !== 1)
      throw new UsageError(
        `"slipway pull" requires 1 argument (a chart reference), got ${args.length}`,
      )
    const source = args[0]!
    if (str(flags.repo) || !source.startsWith('oci://')) {
      throw new UsageError(
        `"slipway pull" supports OCI references (oci://HOST/PATH/NAME) only for now; "${str(flags.repo) ?? source}" is not one`,
      )
    }
    const ref = parseReference(source)
    const client = registryClientFromFlags(flags, io)
    try {
      const version = str(flags.version)
      const pulled = await client.pullChart(ref, {
        ...(version ? { version } : {}),
        ...(flags.devel ? { devel: true } : {}),
      })
      // like helm: progress lines go to stderr, nothing to stdout
      io.stderr.write(`Pulled: ${pulled.ref}\nDigest: ${pulled.manifestDigest}\n`)
      const destination = resolve(io.cwd, str(flags.destination) ?? '.')
      const name = ref.repository.slice(ref.repository.lastIndexOf('/') + 1)
      const chartVersion =
        typeof pulled.config.version === 'string' ? pulled.config.version : (ref.tag ?? 'latest')
      const file = `${name}-${chartVersion}.tgz`
      if (flags.prov) {
        if (!pulled.provenance) throw new UsageError(`${pulled.ref} has no provenance file`)
        await mkdir(destination, { recursive: true })
        await writeFile(join(destination, `${file}.prov`), pulled.provenance)
      }
      if (!flags.untar) {
        await mkdir(destination, { recursive: true })
        await writeFile(join(destination, file), pulled.archive)
        return 0
      }
      const chart = await loadChartArchive(pulled.archive, { source: pulled.ref })
      const untardir = str(flags.untardir) ?? '.'
      const base = isAbsolute(untardir) ? untardir : join(destination, untardir)
      const target = join(base, chart.metadata.name)
      if (existsSync(target)) {
        throw new UsageError(
          `failed to untar: a file or directory with the name ${target} already exists`,
        )
      }
      for (const file of chart.raw) {
        const path = resolve(target, file.name)
        // the loader refuses traversal already; this keeps a bad name from ever writing outside
        const rel = relative(target, path)
        if (
          rel.startsWith('..') ||
          isAbsolute(rel) ||
          rel === '' ||
          rel.split(sep).includes('..')
        ) {
          throw new UsageError(`refusing to write ${file.name} outside ${target}`)
        }
        await mkdir(dirname(path), { recursive: true })
        await writeFile(path, file.data, { mode: 0o644 })
      }
      return 0
    } finally {
      await client.close()
    }
  },
}
