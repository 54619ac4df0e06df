export type { ApiErrorBody, ApiErrorDetails, FieldIssue } from './errors.ts'
export type { ChartMetadataView, ChartQuery, ChartView, JsonSchema, VersionList } from './charts.ts'
export type {
  CredentialSource,
  RegistryCredentialInput,
  RegistryCredentialView,
  RegistryList,
} from './registries.ts'
export type {
  ApplyEvent,
  ApplyPhase,
  RollbackRequest,
  ClusterView,
  EventView,
  ModuleRequest,
  ModuleStatus,
  ModuleSummary,
  ModuleView,
  PreviewManifest,
  PreviewView,
  ResourceAction,
  ResourceView,
  RevisionView,
} from './modules.ts'
export {
  MAX_FIELD_LENGTH,
  checkChartQuery,
  checkModuleName,
  checkModuleRequest,
  checkNamespace,
  checkRegistryInput,
  isApiErrorBody,
  type Checked,
} from './validate.ts'
