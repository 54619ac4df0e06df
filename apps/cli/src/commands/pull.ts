import { UsageError, type Command } from '../command.ts'

export const command: Command = {
  name: 'pull',
  summary: 'not available yet',
  usage: 'slipway pull',
  options: {},
  async run() {
    throw new UsageError('"slipway pull" is not available yet')
  },
}
