export { loadChart, loadChartArchive, loadChartDir, type LoadArchiveOptions, type LoadOptions } from './load.ts'
export { HelmIgnore, helmIgnoreFile } from './helmignore.ts'
export { goGlobMatch, BadPatternError } from './go-glob.ts'
