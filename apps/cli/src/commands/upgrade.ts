import { UsageError, type Command } from '../command.ts'

export const command: Command = {
  name: 'upgrade',
  summary: 'not available yet',
  usage: 'slipway upgrade',
  options: {},
  async run() {
    throw new UsageError('"slipway upgrade" is not available yet')
  },
}
