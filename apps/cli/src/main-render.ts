// Entry point of slipway-render.cjs: the chart commands that need no cluster, without the code
// of the others (Kubernetes client, server), so that they start sooner.
import { renderCommands } from './commands/table.ts'
import { dispatchProcess } from './dispatch.ts'

dispatchProcess({ commands: renderCommands, aliases: {} })
