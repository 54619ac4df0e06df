import { UsageError, type Command } from '../command.ts'

export const command: Command = {
  name: 'push',
  summary: 'not available yet',
  usage: 'slipway push',
  options: {},
  async run() {
    throw new UsageError('"slipway push" is not available yet')
  },
}
