import { UsageError, type Command } from '../command.ts'

export const command: Command = {
  name: 'rollback',
  summary: 'not available yet',
  usage: 'slipway rollback',
  options: {},
  async run() {
    throw new UsageError('"slipway rollback" is not available yet')
  },
}
