import { UsageError, type Command } from '../command.ts'

export const command: Command = {
  name: 'history',
  summary: 'not available yet',
  usage: 'slipway history',
  options: {},
  async run() {
    throw new UsageError('"slipway history" is not available yet')
  },
}
