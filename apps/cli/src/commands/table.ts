import type { Command } from '../command.ts'

/** Sub-commands by name, each loaded on demand so that start-up stays fast. */
export interface CommandTable {
  commands: Record<string, () => Promise<{ command: Command }>>
  /** Other names for some of them (Helm's). */
  aliases: Record<string, string>
}

/**
 * The chart commands that need no cluster: the build bundles them on their own as well
 * (slipway-render.cjs), and bin/slipway.js starts that smaller bundle for them.
 */
export const renderCommands: CommandTable['commands'] = {
  show: () => import('./show.ts'),
  template: () => import('./template.ts'),
  'render-server': () => import('./render-server.ts'),
}
