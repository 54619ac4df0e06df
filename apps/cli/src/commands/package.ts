import { resolve } from 'node:path'
import { packageChart } from '@slipway/chart/node'
import { UsageError, type Command } from '../command.ts'

const usage = 'slipway package CHART_DIR... [--destination DIR] [--version V] [--app-version V]'

/** `slipway package`: writes NAME-VERSION.tgz archives of chart directories, as `helm package`. */
export const command: Command = {
  name: 'package',
  summary: 'package chart directories into chart archives',
  usage,
  options: {
    destination: { type: 'string', short: 'd' },
    version: { type: 'string' },
    'app-version': { type: 'string' },
  },
  async run(args, flags, io) {
    if (args.length === 0)
      throw new UsageError(`need at least one argument, the path to the chart\n\nUsage: ${usage}`)
    const destination = resolve(
      io.cwd,
      typeof flags.destination === 'string' ? flags.destination : '.',
    )
    for (const dir of args) {
      const path = await packageChart(resolve(io.cwd, dir), {
        destination,
        ...(typeof flags.version === 'string' && flags.version ? { version: flags.version } : {}),
        ...(typeof flags['app-version'] === 'string' && flags['app-version']
          ? { appVersion: flags['app-version'] }
          : {}),
      })
      io.stdout.write(`Successfully packaged chart and saved it to: ${path}\n`)
    }
  },
}
