import { UsageError, type Command } from '../command.ts'

export const command: Command = {
  name: 'list',
  summary: 'not available yet',
  usage: 'slipway list',
  options: {},
  async run() {
    throw new UsageError('"slipway list" is not available yet')
  },
}
