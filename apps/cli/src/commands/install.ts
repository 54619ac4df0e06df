import { UsageError, type Command } from '../command.ts'

export const command: Command = {
  name: 'install',
  summary: 'not available yet',
  usage: 'slipway install',
  options: {},
  async run() {
    throw new UsageError('"slipway install" is not available yet')
  },
}
