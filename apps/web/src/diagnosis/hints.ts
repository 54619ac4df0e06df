/** An Event's reason and message, as the hint needs them. */
export interface EventLike {
  reason: string
  message: string
}

/**
 * A plain-language explanation of the Kubernetes Events that trouble people who are not
 * Kubernetes experts, with what to try; undefined for the others.
 *
 * @example hintFor({ reason: 'BackOff', message: 'Back-off pulling image "ngnix:1"' }) // 'The image cannot be pulled…'
 */
export function hintFor(event: EventLike): string | undefined {
  const { reason, message } = event
  const text = `${reason} ${message}`
  if (/ErrImagePull|ImagePullBackOff|pulling image|Failed to pull image/i.test(text)) {
    return 'The image cannot be pulled: check the image name and tag in the values, and that the cluster may read that registry (a pull Secret for private images).'
  }
  if (/CrashLoopBackOff|Back-off restarting failed container/i.test(text)) {
    return 'The container starts and then exits again and again: its logs (kubectl logs) say why; often a missing setting, a wrong command or a failing dependency.'
  }
  if (/OOMKilled/i.test(text)) {
    return 'The container used more memory than its limit and was stopped: raise the memory limit in the values.'
  }
  if (
    reason === 'FailedScheduling' ||
    /Insufficient (cpu|memory)|didn't match|unbound immediate PersistentVolumeClaims/i.test(text)
  ) {
    if (/PersistentVolumeClaim/i.test(text)) {
      return 'The pod waits for its volume: no storage could be provisioned for the claim; check the storage class and size.'
    }
    return 'No node can run the pod: there is not enough free CPU or memory, or no node matches its selectors and tolerations. Lower the requests or add capacity.'
  }
  if (/Unhealthy/i.test(reason) || /probe failed/i.test(message)) {
    return 'A health check fails: the application does not answer its readiness or liveness probe; check the port and path of the probe and the application logs.'
  }
  if (/FailedMount|FailedAttachVolume/i.test(reason)) {
    return 'A volume cannot be mounted: a ConfigMap, Secret or PersistentVolumeClaim it needs may be missing.'
  }
  if (/FailedCreate/i.test(reason) && /forbidden|exceeded quota/i.test(message)) {
    return 'Kubernetes refused to create a pod: a quota or policy of the namespace forbids it.'
  }
  return undefined
}
