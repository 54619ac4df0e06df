export { KubeClient, type ConnectOptions, type RequestInit } from './client.ts'
export {
  KubeError,
  isKubeError,
  isStatus,
  type KubeErrorCode,
  type KubeErrorDetails,
} from './errors.ts'
export { Mapper, resourcePath, type ResourceInfo } from './mapper.ts'
export {
  applyAll,
  deleteAll,
  fieldManager,
  prepare,
  validateAll,
  type PreparedObject,
  type ReleaseIdentity,
} from './apply.ts'
export { health } from './health.ts'
export { runHooks, sortHooks, type HookEventName } from './hooks.ts'
export { waitReady } from './wait.ts'
export {
  formatManifest,
  managedByLabel,
  parseManifest,
  parseObject,
  releaseNameAnnotation,
  releaseNamespaceAnnotation,
  resourcePolicyAnnotation,
  stampOwnership,
  type ParsedObject,
} from './manifest.ts'
export {
  chartJson,
  decodeRelease,
  encodeRelease,
  recordName,
  storageType,
  type HelmChart,
  type HelmHook,
  type HelmInfo,
  type HelmRelease,
} from './record.ts'
export { ReleaseStorage } from './storage.ts'
export {
  Releases,
  detail,
  recoverRelease,
  summarize,
  validateReleaseName,
  type ListOptions,
  type RenderFn,
  type RollbackOptions,
  type UninstallOptions,
} from './releases.ts'
export * as limits from './limits.ts'
export type {
  ApplyAction,
  ApplyEvent,
  ApplyPhase,
  ChartSourceRecord,
  HookSummary,
  KubeObject,
  ObjectMeta,
  OnApplyEvent,
  ReleaseDetail,
  ReleaseEvent,
  ReleaseInput,
  ReleaseStatus,
  ReleaseSummary,
  ResourceHealth,
  ResourceStatus,
} from './types.ts'
