import { UsageError, type Command } from '../command.ts'

export const command: Command = {
  name: 'show',
  summary: 'not available yet',
  usage: 'slipway show',
  options: {},
  async run() {
    throw new UsageError('"slipway show" is not available yet')
  },
}
