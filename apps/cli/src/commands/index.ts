import type { Command } from '../command.ts'

/** Every sub-command, loaded on demand so that start-up stays fast. */
export const commands: Record<string, () => Promise<{ command: Command }>> = {
  pull: () => import('./pull.ts'),
  push: () => import('./push.ts'),
  show: () => import('./show.ts'),
  package: () => import('./package.ts'),
  template: () => import('./template.ts'),
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
export const aliases: Record<string, string> = {
  ls: 'list',
  un: 'uninstall',
  delete: 'uninstall',
  del: 'uninstall',
  hist: 'history',
  fetch: 'pull',
}
