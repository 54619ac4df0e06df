export type {
  Chart,
  ChartDependency,
  ChartFile,
  ChartLock,
  ChartMaintainer,
  ChartMetadata,
  Values,
} from './types.ts'
export { ChartError, isChartError, type ChartErrorCode, type ChartErrorLocation } from './errors.ts'
export { defaultLimits, resolveLimits, type ChartLimits } from './limits.ts'
export {
  APIVersionV1,
  APIVersionV2,
  parseChartYaml,
  parseLock,
  parseRequirements,
  sanitizeString,
  validateMetadata,
} from './metadata.ts'
export { decodeValues } from './values.ts'
export { lineColumnAt, parseSchema, type JsonSchema } from './schema.ts'
export { inferSchema } from './infer-schema.ts'
export { valuesSchema } from './values-schema.ts'
export { utf8 } from './text.ts'
export { checkDependencies } from './dependencies.ts'
export { crdFiles, findReadme, metadataToYaml, showChart, type ShowKind } from './show.ts'
export {
  compareVersions,
  isValidVersion,
  normalizeVersion,
  parseVersionRange,
  resolveVersion,
  satisfiesRange,
  sortVersions,
  type ResolveVersionOptions,
  type VersionRange,
} from './version.ts'
