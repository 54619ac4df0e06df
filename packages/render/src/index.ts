export { renderChart, mergeValues, type RenderOptions, type RenderResult } from './render.ts'
export { formatTemplateOutput, type FormatOptions } from './output/format.ts'
export { RenderError, isRenderError, type RenderErrorCode, type RenderPhase } from './errors.ts'
export { defaultRenderLimits, type RenderLimits } from './limits.ts'
export type { Manifest, Hook, HookEvent } from './manifests/types.ts'
export type { ManifestHead } from './manifests/head.ts'
export type { CrdFile } from './crds.ts'
export type { LookupFunc } from './engine/helm-funcs.ts'
export type { TemplateSetFactory, TemplateSetLike, TemplateSetInit } from './engine/template-set.ts'
export { installOrder, uninstallOrder, sortByKind } from './manifests/kind-order.ts'
export { splitManifests } from './manifests/split.ts'
export { mergeUserValues } from './values/user-values.ts'
export { defaultApiVersions, defaultKubeVersion } from './builtins/api-versions.ts'
export { isCompatibleRange } from './dependencies/version-range.ts'
export {
  applySetFlags,
  parseSet,
  parseSetFile,
  parseSetJson,
  parseSetLiteral,
  parseSetString,
  StrvalsError,
  type SetFlags,
} from './strvals/index.ts'
