/**
 * The resource types the double serves: the built-in kinds Slipway, kubectl and helm use, plus
 * whatever CustomResourceDefinitions add at run time.
 */

/** One served resource (one group/version/resource). */
export interface ResourceType {
  group: string
  version: string
  /** Plural, lower case: `deployments`. */
  resource: string
  singular: string
  kind: string
  namespaced: boolean
  shortNames?: string[]
  /** Kinds whose `status` is only written through the status subresource. */
  hasStatus: boolean
  /** Set for types added by a CustomResourceDefinition. */
  crd?: string
  /** Discovery categories (`all`). */
  categories?: string[]
}

const verbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']

/** The verbs every served resource supports. */
export const allVerbs: readonly string[] = verbs

function t(
  group: string,
  version: string,
  resource: string,
  kind: string,
  namespaced: boolean,
  hasStatus: boolean,
  shortNames?: string[],
): ResourceType {
  return {
    group,
    version,
    resource,
    singular: kind.toLowerCase(),
    kind,
    namespaced,
    hasStatus,
    shortNames,
  }
}

/** The built-in resource types, in the order discovery lists them. */
export function builtinTypes(): ResourceType[] {
  return [
    t('', 'v1', 'namespaces', 'Namespace', false, true, ['ns']),
    t('', 'v1', 'pods', 'Pod', true, true, ['po']),
    t('', 'v1', 'services', 'Service', true, true, ['svc']),
    t('', 'v1', 'configmaps', 'ConfigMap', true, false, ['cm']),
    t('', 'v1', 'secrets', 'Secret', true, false),
    t('', 'v1', 'serviceaccounts', 'ServiceAccount', true, false, ['sa']),
    t('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', true, true, ['pvc']),
    t('', 'v1', 'persistentvolumes', 'PersistentVolume', false, true, ['pv']),
    t('', 'v1', 'events', 'Event', true, false, ['ev']),
    t('', 'v1', 'endpoints', 'Endpoints', true, false, ['ep']),
    t('', 'v1', 'resourcequotas', 'ResourceQuota', true, true, ['quota']),
    t('', 'v1', 'limitranges', 'LimitRange', true, false, ['limits']),
    t('', 'v1', 'replicationcontrollers', 'ReplicationController', true, true, ['rc']),
    t('', 'v1', 'nodes', 'Node', false, true, ['no']),
    t('apps', 'v1', 'deployments', 'Deployment', true, true, ['deploy']),
    t('apps', 'v1', 'statefulsets', 'StatefulSet', true, true, ['sts']),
    t('apps', 'v1', 'daemonsets', 'DaemonSet', true, true, ['ds']),
    t('apps', 'v1', 'replicasets', 'ReplicaSet', true, true, ['rs']),
    t('apps', 'v1', 'controllerrevisions', 'ControllerRevision', true, false),
    t('batch', 'v1', 'jobs', 'Job', true, true),
    t('batch', 'v1', 'cronjobs', 'CronJob', true, true, ['cj']),
    t('networking.k8s.io', 'v1', 'ingresses', 'Ingress', true, true, ['ing']),
    t('networking.k8s.io', 'v1', 'ingressclasses', 'IngressClass', false, false),
    t('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy', true, false, ['netpol']),
    t('rbac.authorization.k8s.io', 'v1', 'roles', 'Role', true, false),
    t('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding', true, false),
    t('rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', false, false),
    t('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', 'ClusterRoleBinding', false, false),
    t('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget', true, true, ['pdb']),
    t('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, true, [
      'hpa',
    ]),
    t('autoscaling', 'v1', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, true, [
      'hpa',
    ]),
    t(
      'apiextensions.k8s.io',
      'v1',
      'customresourcedefinitions',
      'CustomResourceDefinition',
      false,
      true,
      ['crd', 'crds'],
    ),
    t(
      'admissionregistration.k8s.io',
      'v1',
      'mutatingwebhookconfigurations',
      'MutatingWebhookConfiguration',
      false,
      false,
    ),
    t(
      'admissionregistration.k8s.io',
      'v1',
      'validatingwebhookconfigurations',
      'ValidatingWebhookConfiguration',
      false,
      false,
    ),
    t('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false, false, ['sc']),
    t('storage.k8s.io', 'v1', 'csidrivers', 'CSIDriver', false, false),
    t('scheduling.k8s.io', 'v1', 'priorityclasses', 'PriorityClass', false, false, ['pc']),
    t('coordination.k8s.io', 'v1', 'leases', 'Lease', true, false),
    t('apiregistration.k8s.io', 'v1', 'apiservices', 'APIService', false, true),
  ]
}

const inAll = new Set([
  'pods',
  'services',
  'deployments',
  'statefulsets',
  'daemonsets',
  'replicasets',
  'jobs',
  'cronjobs',
  'replicationcontrollers',
  'horizontalpodautoscalers',
])

/** Resources with a `scale` subresource. */
export const scalable: ReadonlySet<string> = new Set([
  'deployments',
  'statefulsets',
  'replicasets',
  'replicationcontrollers',
])

/** The built-in types with their discovery categories. */
export function builtinTypesWithCategories(): ResourceType[] {
  return builtinTypes().map((t) => (inAll.has(t.resource) ? { ...t, categories: ['all'] } : t))
}

/** `group/version`, or `v1` for the core group. */
export function groupVersion(type: { group: string; version: string }): string {
  return type.group ? `${type.group}/${type.version}` : type.version
}

/** `deployments.apps`, or `pods` for the core group: the name errors use. */
export function qualifiedResource(type: ResourceType): string {
  return type.group ? `${type.resource}.${type.group}` : type.resource
}
