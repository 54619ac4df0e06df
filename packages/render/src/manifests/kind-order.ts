/** Helm 3.17's InstallOrder: the order in which kinds are installed (and printed). */
export const installOrder: readonly string[] = [
  'PriorityClass',
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
]

/** Helm 3.17's UninstallOrder. */
export const uninstallOrder: readonly string[] = [
  'APIService',
  'Ingress',
  'IngressClass',
  'Service',
  'CronJob',
  'Job',
  'StatefulSet',
  'HorizontalPodAutoscaler',
  'Deployment',
  'ReplicaSet',
  'ReplicationController',
  'Pod',
  'DaemonSet',
  'RoleBindingList',
  'RoleBinding',
  'RoleList',
  'Role',
  'ClusterRoleBindingList',
  'ClusterRoleBinding',
  'ClusterRoleList',
  'ClusterRole',
  'CustomResourceDefinition',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StorageClass',
  'ConfigMap',
  'SecretList',
  'Secret',
  'ServiceAccount',
  'PodDisruptionBudget',
  'PodSecurityPolicy',
  'LimitRange',
  'ResourceQuota',
  'NetworkPolicy',
  'Namespace',
  'PriorityClass',
]

/**
 * Stable sort by kind as Helm's sortManifestsByKind: known kinds in `order`, unknown kinds
 * after them alphabetically, original order kept within a kind.
 */
export function sortByKind<T>(
  items: T[],
  kindOf: (t: T) => string,
  order: readonly string[] = installOrder,
): T[] {
  const rank = new Map(order.map((k, i) => [k, i]))
  return items
    .map((item, index) => ({ item, index, kind: kindOf(item) }))
    .sort((a, b) => {
      const ra = rank.get(a.kind)
      const rb = rank.get(b.kind)
      if (ra === undefined && rb === undefined) {
        if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1
        return a.index - b.index
      }
      if (ra === undefined) return 1
      if (rb === undefined) return -1
      return ra - rb || a.index - b.index
    })
    .map((x) => x.item)
}
