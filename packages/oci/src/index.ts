export { parseChallenge, repositoryScope, TokenCache } from './auth.ts'
export type { AuthChallenge } from './auth.ts'
export { BlobCache, defaultCacheDir } from './cache.ts'
export { nextLink, RegistryClient } from './client.ts'
export type {
  ChartMetadataJson,
  PulledChart,
  PushResult,
  RegistryClientOptions,
  ResolvedManifest,
} from './client.ts'
export { CredentialStore } from './credentials.ts'
export type { Credential } from './credentials.ts'
export { matchesDigest, sha256Digest } from './digest.ts'
export { isOciError, OciError } from './errors.ts'
export type { OciErrorCode } from './errors.ts'
export { defaultLimits, defaultRetries, defaultTimeoutMs } from './limits.ts'
export type { OciLimits } from './limits.ts'
export {
  chartLayers,
  helmAnnotations,
  helmConfigJson,
  helmManifestJson,
  OciAnnotation,
  parseManifest,
} from './manifest.ts'
export type { ChartLayers, OciDescriptor, OciManifest } from './manifest.ts'
export {
  DockerManifestListMediaType,
  DockerManifestMediaType,
  HelmChartContentMediaType,
  HelmConfigMediaType,
  HelmProvenanceMediaType,
  LegacyChartLayerMediaType,
  OciIndexMediaType,
  OciManifestMediaType,
} from './media-types.ts'
export {
  dockerHubAlias,
  dockerHubRegistry,
  isLoopbackRegistry,
  makeReference,
  parseReference,
} from './reference.ts'
export type { OciReference } from './reference.ts'
export { tagToVersion, versionToTag } from './tag.ts'
