import { UsageError, type Command } from '../command.ts'

export const command: Command = {
  name: 'status',
  summary: 'not available yet',
  usage: 'slipway status',
  options: {},
  async run() {
    throw new UsageError('"slipway status" is not available yet')
  },
}
