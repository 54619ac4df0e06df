import { UsageError, type Command } from '../command.ts'

export const command: Command = {
  name: 'package',
  summary: 'not available yet',
  usage: 'slipway package',
  options: {},
  async run() {
    throw new UsageError('"slipway package" is not available yet')
  },
}
