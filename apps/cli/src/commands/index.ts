import { renderCommands, type CommandTable } from './table.ts'

/** Every sub-command, loaded on demand so that start-up stays fast. */
export const commands: CommandTable['commands'] = {
  ...renderCommands,
  pull: () => import('./pull.ts'),
  push: () => import('./push.ts'),
  package: () => import('./package.ts'),
  install: () => import('./install.ts'),
  upgrade: () => import('./upgrade.ts'),
  uninstall: () => import('./uninstall.ts'),
  rollback: () => import('./rollback.ts'),
  list: () => import('./list.ts'),
  history: () => import('./history.ts'),
  status: () => import('./status.ts'),
  serve: () => import('./serve.ts'),
}

/** Helm's aliases for the same commands. */
export const aliases: CommandTable['aliases'] = {
  ls: 'list',
  un: 'uninstall',
  delete: 'uninstall',
  del: 'uninstall',
  hist: 'history',
  fetch: 'pull',
}
