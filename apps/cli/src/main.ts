// Entry point of the `slipway` command.
import { aliases, commands } from './commands/index.ts'
import { dispatchProcess } from './dispatch.ts'

dispatchProcess({ commands, aliases })
