import type { CommandIO } from './command.ts'
import { aliases, commands } from './commands/index.ts'
import { dispatch } from './dispatch.ts'

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export function runCli(argv: string[], io: CommandIO): Promise<number> {
  return dispatch({ commands, aliases }, argv, io)
}
