import { UsageError, type Command } from '../command.ts'

export const command: Command = {
  name: 'uninstall',
  summary: 'not available yet',
  usage: 'slipway uninstall',
  options: {},
  async run() {
    throw new UsageError('"slipway uninstall" is not available yet')
  },
}
