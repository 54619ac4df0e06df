export {
  loadChart,
  loadChartArchive,
  loadChartDir,
  type LoadArchiveOptions,
  type LoadOptions,
} from './load.ts'
export { unpackArchive } from './unpack.ts'
export {
  chartArchiveEntries,
  packageChart,
  packChart,
  writeChartArchive,
  type PackageOptions,
} from './package.ts'
export { readArchiveFiles, isGzip } from './archive.ts'
export { LoadBudget } from './budget.ts'
export { ArchiveCache, sharedArchiveCache } from './archive-cache.ts'
export { LoadedChartCache } from './loaded-chart-cache.ts'
export { HelmIgnore, helmIgnoreFile } from './helmignore.ts'
export { goGlobMatch, BadPatternError } from './go-glob.ts'
export { httpGet, type HttpResponse, type RepoConnectOptions } from './http.ts'
export {
  findChartVersion,
  indexUrl,
  parseRepoIndex,
  RepoIndexCache,
  resolveChartUrl,
  sharedIndexCache,
  type FetchIndexOptions,
  type RepoChartVersion,
  type RepoIndex,
} from './repo-index.ts'
export {
  listChartVersions,
  loadChartFromSource,
  type ChartRegistryClient,
  type ChartSource,
  type ChartSourceOptions,
  type LoadedChartSource,
} from './source.ts'
