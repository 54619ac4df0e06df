import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { loadChartArchive } from '@slipway/chart/node'
import { parseReference } from '@slipway/oci'
import { UsageError, type Command } from '../command.ts'
import { registryClientFromFlags } from './pull.ts'

/** `slipway push`: uploads a packaged chart to an OCI registry, like `helm push`. */
export const command: Command = {
  name: 'push',
  summary: 'push a packaged chart (NAME-VERSION.tgz) to an OCI registry',
  usage:
    'slipway push NAME-VERSION.tgz oci://HOST/PATH [--plain-http] [--insecure-skip-tls-verify] [--ca-file F] ' +
    '[--cert-file F --key-file F] [--username U --password P]',
  options: {
    username: { type: 'string' },
    password: { type: 'string' },
    'plain-http': { type: 'boolean' },
    'insecure-skip-tls-verify': { type: 'boolean' },
    'ca-file': { type: 'string' },
    'cert-file': { type: 'string' },
    'key-file': { type: 'string' },
  },
  async run(args, flags, io) {
    if (args.length !== 2) {
      throw new UsageError(
        `"slipway push" requires 2 arguments (a chart archive and oci://HOST/PATH), got ${args.length}`,
      )
    }
    const [file, remote] = args as [string, string]
    if (!remote.startsWith('oci://'))
      throw new UsageError(`remote "${remote}" must start with oci://`)
    const ref = parseReference(remote)
    if (ref.tag || ref.digest) {
      throw new UsageError(
        `remote "${remote}" must not have a tag or digest: the chart's name and version are appended`,
      )
    }
    const path = resolve(io.cwd, file)
    let archive: Uint8Array
    try {
      archive = new Uint8Array(await readFile(path))
    } catch (err) {
      throw new UsageError(`cannot read chart archive ${file}: ${(err as Error).message}`)
    }
    // validates the archive and gives Chart.yaml, which becomes the config blob
    const chart = await loadChartArchive(archive, { source: file })
    const client = registryClientFromFlags(flags, io)
    try {
      const prov = await readFile(`${path}.prov`).catch(() => undefined)
      const pushed = await client.pushChart(
        ref,
        archive,
        { ...chart.metadata },
        prov ? { provenance: new Uint8Array(prov) } : {},
      )
      io.stderr.write(`Pushed: ${pushed.ref}\nDigest: ${pushed.manifestDigest}\n`)
      return 0
    } finally {
      await client.close()
    }
  },
}
