import { UsageError, type Command } from '../command.ts'

export const command: Command = {
  name: 'template',
  summary: 'not available yet',
  usage: 'slipway template',
  options: {},
  async run() {
    throw new UsageError('"slipway template" is not available yet')
  },
}
