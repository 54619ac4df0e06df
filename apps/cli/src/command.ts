import type { ParseArgsConfig } from 'node:util'
import type { LoadedChartCache } from '@slipway/chart/node'

/** Where a command writes; tests pass their own streams. */
export interface CommandIO {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  cwd: string
  env: NodeJS.ProcessEnv
  /** A long-lived process's charts loaded before (see render-server/). */
  loadedCharts?: LoadedChartCache
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>

export type Flags = Record<string, string | boolean | string[] | boolean[] | undefined>

/** One `slipway` sub-command. `run` returns the exit code (0 when it returns nothing). */
export interface Command {
  name: string
  summary: string
  usage: string
  options: OptionSpec
  run(args: string[], flags: Flags, io: CommandIO): Promise<number | void>
}

/** An error whose message is meant for the user as is (no stack trace). */
export class UsageError extends Error {
  override name = 'UsageError'
}
