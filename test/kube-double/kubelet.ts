/**
 * The kubelet mode: moves workloads to ready as controllers and kubelets would (ReplicaSets and
 * Pods for Deployments, completed Jobs, bound claims, load balancer addresses), or to failed when
 * an object carries the fail annotation or a test asked for it.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { ResourceType } from './catalog.ts'
import { clone, isObj, type Obj } from './patch.ts'
import { failAnnotation, type Store } from './store.ts'

const stamp = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z')

function md(o: Obj): Obj {
  return isObj(o.metadata) ? o.metadata : {}
}

function spec(o: Obj): Obj {
  return isObj(o.spec) ? o.spec : {}
}

/** The failure reason for an object, if it should fail. */
function failure(o: Obj, failing: Set<string>, kind: string): string | undefined {
  const a = isObj(md(o).annotations) ? (md(o).annotations as Obj) : {}
  if (typeof a[failAnnotation] === 'string') return a[failAnnotation] as string
  const key = `${kind}/${String(md(o).namespace ?? '')}/${String(md(o).name)}`
  return failing.has(key) ? 'failed by test' : undefined
}

function templateHash(template: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(template))
    .digest('hex')
    .replace(/[^a-f0-9]/g, '')
    .slice(0, 10)
}

function condition(type: string, status: string, reason: string, message: string): Obj {
  const t = stamp()
  return { type, status, reason, message, lastUpdateTime: t, lastTransitionTime: t }
}

/** Runs the kubelet mode on a store until the returned function is called. */
export function startKubelet(store: Store, failing: Set<string>, delayMs = 20): () => void {
  const pending = new Map<string, NodeJS.Timeout>()
  const find = (group: string, resource: string): ResourceType => {
    const t = store.types.find((x) => x.group === group && x.resource === resource)
    if (!t) throw new Error(`no ${resource}`)
    return t
  }
  const reconcile = (type: ResourceType, ns: string, name: string): void => {
    const obj = store.getRaw(type, ns, name)
    if (!obj) return
    const fail = failure(obj, failing, type.kind)
    const gen = md(obj).generation
    switch (type.kind) {
      case 'Deployment':
        return deployment(obj, ns, name, fail, gen)
      case 'ReplicaSet':
        return replicaSet(obj, ns, name, gen)
      case 'Pod':
        return pod(obj, ns, name, fail)
      case 'StatefulSet': {
        const n = Number(spec(obj).replicas ?? 1)
        const rev = `${name}-${templateHash(spec(obj).template)}`
        const ready = fail ? 0 : n
        store.setStatus(type, ns, name, {
          observedGeneration: gen,
          replicas: n,
          readyReplicas: ready,
          currentReplicas: n,
          updatedReplicas: n,
          availableReplicas: ready,
          currentRevision: rev,
          updateRevision: rev,
          collisionCount: 0,
        })
        return
      }
      case 'DaemonSet': {
        const ready = fail ? 0 : 1
        store.setStatus(type, ns, name, {
          observedGeneration: gen,
          currentNumberScheduled: 1,
          desiredNumberScheduled: 1,
          numberMisscheduled: 0,
          numberReady: ready,
          numberAvailable: ready,
          updatedNumberScheduled: 1,
          ...(fail ? { numberUnavailable: 1 } : {}),
        })
        return
      }
      case 'Job': {
        const status = isObj(obj.status) ? obj.status : {}
        if (status.completionTime || status.failed) return
        const t = stamp()
        if (fail) {
          event(
            obj,
            'Job',
            'Warning',
            'BackoffLimitExceeded',
            'Job has reached the specified backoff limit',
            'job-controller',
          )
          const limit = Number(spec(obj).backoffLimit ?? 6)
          store.setStatus(type, ns, name, {
            startTime: t,
            failed: limit + 1,
            active: 0,
            ready: 0,
            terminating: 0,
            uncountedTerminatedPods: {},
            conditions: [
              {
                type: 'FailureTarget',
                status: 'True',
                reason: 'BackoffLimitExceeded',
                message: 'Job has reached the specified backoff limit',
                lastProbeTime: t,
                lastTransitionTime: t,
              },
              {
                type: 'Failed',
                status: 'True',
                reason: 'BackoffLimitExceeded',
                message: `Job has reached the specified backoff limit (${fail})`,
                lastProbeTime: t,
                lastTransitionTime: t,
              },
            ],
          })
        } else {
          event(obj, 'Job', 'Normal', 'Completed', 'Job completed', 'job-controller')
          store.setStatus(type, ns, name, {
            startTime: t,
            completionTime: t,
            succeeded: Number(spec(obj).completions ?? 1),
            active: 0,
            ready: 0,
            terminating: 0,
            uncountedTerminatedPods: {},
            conditions: [
              {
                type: 'SuccessCriteriaMet',
                status: 'True',
                reason: 'CompletionsReached',
                message: 'Reached expected number of succeeded pods',
                lastProbeTime: t,
                lastTransitionTime: t,
              },
              {
                type: 'Complete',
                status: 'True',
                reason: 'CompletionsReached',
                message: 'Reached expected number of succeeded pods',
                lastProbeTime: t,
                lastTransitionTime: t,
              },
            ],
          })
        }
        return
      }
      case 'PersistentVolumeClaim': {
        if (fail) return
        const s = spec(obj)
        const req =
          isObj(s.resources) && isObj((s.resources as Obj).requests)
            ? ((s.resources as Obj).requests as Obj)
            : {}
        store.setStatus(type, ns, name, {
          phase: 'Bound',
          accessModes: s.accessModes ?? ['ReadWriteOnce'],
          capacity: { storage: req.storage ?? '1Gi' },
        })
        return
      }
      case 'Service': {
        if (spec(obj).type !== 'LoadBalancer' || fail) return
        const n = Number(
          String(md(obj).uid ?? '')
            .replace(/[^0-9]/g, '')
            .slice(0, 2) || '10',
        )
        store.setStatus(type, ns, name, {
          loadBalancer: { ingress: [{ ip: `192.0.2.${(n % 250) + 1}`, ipMode: 'VIP' }] },
        })
        return
      }
    }
  }

  const recorded = new Set<string>()
  /** Records a core/v1 Event once per object, reason and message. */
  const event = (
    obj: Obj,
    kind: string,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    component = 'kubelet',
  ): void => {
    const ns = String(md(obj).namespace ?? 'default')
    const key = `${kind}/${ns}/${String(md(obj).name)}/${String(md(obj).uid)}/${reason}/${message}`
    if (recorded.has(key)) return
    recorded.add(key)
    const t = stamp()
    store.create(
      find('', 'events'),
      ns,
      {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: {
          name: `${String(md(obj).name)}.${randomUUID().replace(/-/g, '').slice(0, 16)}`,
          namespace: ns,
        },
        involvedObject: {
          apiVersion: kind === 'Pod' ? 'v1' : kind === 'Job' ? 'batch/v1' : 'apps/v1',
          kind,
          name: md(obj).name,
          namespace: ns,
          uid: md(obj).uid,
        },
        reason,
        message,
        type,
        source: { component },
        reportingComponent: component,
        firstTimestamp: t,
        lastTimestamp: t,
        count: 1,
      },
      { fieldManager: component },
    )
  }

  const owned = (t: ResourceType, ns: string, uid: unknown): Obj[] =>
    store
      .listRaw(t, ns)
      .filter(
        (o) =>
          Array.isArray(md(o).ownerReferences) &&
          (md(o).ownerReferences as Obj[]).some((r) => r.uid === uid),
      )

  function deployment(
    obj: Obj,
    ns: string,
    name: string,
    fail: string | undefined,
    gen: unknown,
  ): void {
    const rsType = find('apps', 'replicasets')
    const template = clone(spec(obj).template) as Obj
    const hash = templateHash(template)
    const rsName = `${name}-${hash}`
    const replicas = Number(spec(obj).replicas ?? 1)
    for (const rs of owned(rsType, ns, md(obj).uid)) {
      if (md(rs).name !== rsName && Number(spec(rs).replicas) !== 0) {
        store.patch(
          rsType,
          ns,
          String(md(rs).name),
          (c) => ({ ...c, spec: { ...spec(c), replicas: 0 } }),
          { fieldManager: 'kube-controller-manager' },
        )
      }
    }
    const tm = isObj(template.metadata) ? (template.metadata as Obj) : {}
    const labels = { ...(isObj(tm.labels) ? (tm.labels as Obj) : {}), 'pod-template-hash': hash }
    const rsTemplate = { ...template, metadata: { ...tm, labels } }
    const existing = store.getRaw(rsType, ns, rsName)
    if (!existing) {
      const selector = clone(spec(obj).selector) as Obj
      const ml = isObj(selector.matchLabels) ? (selector.matchLabels as Obj) : {}
      store.create(
        rsType,
        ns,
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: {
            name: rsName,
            namespace: ns,
            labels,
            annotations: { 'deployment.kubernetes.io/revision': '1' },
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: 'Deployment',
                name,
                uid: md(obj).uid,
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          },
          spec: {
            replicas,
            selector: { ...selector, matchLabels: { ...ml, 'pod-template-hash': hash } },
            template: rsTemplate,
          },
        },
        { fieldManager: 'kube-controller-manager' },
      )
      event(
        obj,
        'Deployment',
        'Normal',
        'ScalingReplicaSet',
        `Scaled up replica set ${rsName} to ${replicas}`,
        'deployment-controller',
      )
    } else if (Number(spec(existing).replicas) !== replicas) {
      store.patch(rsType, ns, rsName, (c) => ({ ...c, spec: { ...spec(c), replicas } }), {
        fieldManager: 'kube-controller-manager',
      })
    }
    // readiness comes from the ReplicaSet, whose readiness comes from its pods
    const rs = store.getRaw(rsType, ns, rsName)
    const rsReady = rs && isObj(rs.status) ? Number((rs.status as Obj).readyReplicas ?? 0) : 0
    const ready = fail ? 0 : Math.min(rsReady, replicas)
    const complete = !fail && ready >= replicas
    const conditions = fail
      ? [
          condition(
            'Available',
            'False',
            'MinimumReplicasUnavailable',
            'Deployment does not have minimum availability.',
          ),
          condition(
            'Progressing',
            'False',
            'ProgressDeadlineExceeded',
            `ReplicaSet "${rsName}" has timed out progressing. ${fail}`,
          ),
        ]
      : complete
        ? [
            condition(
              'Available',
              'True',
              'MinimumReplicasAvailable',
              'Deployment has minimum availability.',
            ),
            condition(
              'Progressing',
              'True',
              'NewReplicaSetAvailable',
              `ReplicaSet "${rsName}" has successfully progressed.`,
            ),
          ]
        : [
            condition(
              'Available',
              'False',
              'MinimumReplicasUnavailable',
              'Deployment does not have minimum availability.',
            ),
            condition(
              'Progressing',
              'True',
              'ReplicaSetUpdated',
              `ReplicaSet "${rsName}" is progressing.`,
            ),
          ]
    const old = isObj(obj.status) ? obj.status : {}
    const oldConds = Array.isArray(old.conditions)
      ? (old.conditions as Obj[]).map(
          (c) => `${String(c.type)}=${String(c.status)}/${String(c.reason)}`,
        )
      : []
    const same =
      old.observedGeneration === gen &&
      old.readyReplicas === ready &&
      old.replicas === replicas &&
      JSON.stringify(oldConds) ===
        JSON.stringify(
          conditions.map((c) => `${String(c.type)}=${String(c.status)}/${String(c.reason)}`),
        )
    if (same) return
    store.setStatus(find('apps', 'deployments'), ns, name, {
      observedGeneration: gen,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(ready < replicas ? { unavailableReplicas: replicas - ready } : {}),
      conditions,
    })
  }

  function replicaSet(obj: Obj, ns: string, name: string, gen: unknown): void {
    const podType = find('', 'pods')
    const replicas = Number(spec(obj).replicas ?? 1)
    const pods = owned(podType, ns, md(obj).uid)
    for (let i = pods.length; i < replicas; i++) {
      const template = clone(spec(obj).template) as Obj
      store.create(
        podType,
        ns,
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            ...(isObj(template.metadata) ? (template.metadata as Obj) : {}),
            name: `${name}-${randomUUID().slice(0, 5)}`,
            namespace: ns,
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: 'ReplicaSet',
                name,
                uid: md(obj).uid,
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          },
          spec: template.spec,
        },
        { fieldManager: 'kube-controller-manager' },
      )
    }
    for (const p of pods.slice(replicas)) store.delete(podType, ns, String(md(p).name))
    const isReady = (p: Obj): boolean => {
      const st = isObj(p.status) ? p.status : {}
      const conds = Array.isArray(st.conditions) ? (st.conditions as Obj[]) : []
      return conds.some((c) => c.type === 'Ready' && c.status === 'True')
    }
    const ready = Math.min(replicas, owned(podType, ns, md(obj).uid).filter(isReady).length)
    store.setStatus(find('apps', 'replicasets'), ns, name, {
      replicas,
      fullyLabeledReplicas: replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: gen,
    })
  }

  function pod(obj: Obj, ns: string, name: string, failOwn: string | undefined): void {
    let fail = failOwn
    const ref = (md(obj).ownerReferences as Obj[] | undefined)?.[0]
    if (!fail && ref && ref.kind === 'ReplicaSet') {
      const rs = store.getRaw(find('apps', 'replicasets'), ns, String(ref.name))
      const dref = rs ? (md(rs).ownerReferences as Obj[] | undefined)?.[0] : undefined
      const dep = dref
        ? store.getRaw(find('apps', 'deployments'), ns, String(dref.name))
        : undefined
      if (dep) fail = failure(dep, failing, 'Deployment')
    }
    const containers = (Array.isArray(spec(obj).containers) ? spec(obj).containers : []) as Obj[]
    const t = stamp()
    // a pod that runs to completion (helm test pods, bare task pods) ends Succeeded or Failed
    if (!ref && (spec(obj).restartPolicy === 'Never' || spec(obj).restartPolicy === 'OnFailure')) {
      const old = isObj(obj.status) ? obj.status : {}
      if (old.phase === 'Succeeded' || old.phase === 'Failed') return
      event(
        obj,
        'Pod',
        'Normal',
        'Scheduled',
        `Successfully assigned ${ns}/${name} to kube-double`,
        'default-scheduler',
      )
      store.podLogs.set(
        `${ns}/${name}`,
        containers
          .map((c) => `${String(c.name)}: ${fail ? `failed: ${fail}` : 'completed'}\n`)
          .join(''),
      )
      store.setStatus(find('', 'pods'), ns, name, {
        phase: fail ? 'Failed' : 'Succeeded',
        conditions: [
          { type: 'PodScheduled', status: 'True', lastTransitionTime: t },
          { type: 'Ready', status: 'False', reason: 'PodCompleted', lastTransitionTime: t },
        ],
        startTime: t,
        containerStatuses: containers.map((c) => ({
          name: c.name,
          image: c.image,
          imageID: '',
          ready: false,
          started: false,
          restartCount: 0,
          state: {
            terminated: {
              exitCode: fail ? 1 : 0,
              reason: fail ? 'Error' : 'Completed',
              startedAt: t,
              finishedAt: t,
            },
          },
        })),
      })
      return
    }
    const statuses = containers.map((c) => ({
      name: c.name,
      image: c.image,
      imageID: '',
      ready: !fail,
      started: !fail,
      restartCount: fail ? 3 : 0,
      state: fail
        ? {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: `back-off restarting failed container ${String(c.name)}: ${fail}`,
            },
          }
        : { running: { startedAt: t } },
    }))
    const old = isObj(obj.status) ? obj.status : {}
    if (
      old.phase === 'Running' &&
      JSON.stringify((old.containerStatuses as Obj[] | undefined)?.map((s) => s.ready)) ===
        JSON.stringify(statuses.map((s) => s.ready))
    )
      return
    event(
      obj,
      'Pod',
      'Normal',
      'Scheduled',
      `Successfully assigned ${ns}/${name} to kube-double`,
      'default-scheduler',
    )
    for (const c of containers) {
      event(
        obj,
        'Pod',
        'Normal',
        'Pulled',
        `Container image "${String(c.image)}" already present on machine`,
      )
      event(obj, 'Pod', 'Normal', 'Started', `Started container ${String(c.name)}`)
      if (fail)
        event(
          obj,
          'Pod',
          'Warning',
          'BackOff',
          `Back-off restarting failed container ${String(c.name)} in pod ${name}`,
        )
    }
    if (!store.podLogs.has(`${ns}/${name}`)) {
      store.podLogs.set(
        `${ns}/${name}`,
        containers.map((c) => `${String(c.name)}: started ${String(c.image)}\n`).join(''),
      )
    }
    store.setStatus(find('', 'pods'), ns, name, {
      phase: 'Running',
      conditions: [
        { type: 'PodScheduled', status: 'True', lastTransitionTime: t },
        { type: 'Initialized', status: 'True', lastTransitionTime: t },
        { type: 'ContainersReady', status: fail ? 'False' : 'True', lastTransitionTime: t },
        { type: 'Ready', status: fail ? 'False' : 'True', lastTransitionTime: t },
      ],
      hostIP: '10.0.0.1',
      podIP: `10.244.0.${Math.floor(Math.random() * 250) + 2}`,
      startTime: t,
      containerStatuses: statuses,
    })
  }

  const schedule = (type: ResourceType, ns: string, name: string): void => {
    const key = `${type.group}/${type.resource}/${ns}/${name}`
    if (pending.has(key)) return
    pending.set(
      key,
      setTimeout(() => {
        pending.delete(key)
        try {
          reconcile(type, ns, name)
        } catch {
          // the object changed or went away meanwhile: the next event reconciles again
        }
      }, delayMs),
    )
  }

  const watched = new Set([
    'Deployment',
    'ReplicaSet',
    'Pod',
    'StatefulSet',
    'DaemonSet',
    'Job',
    'PersistentVolumeClaim',
    'Service',
  ])
  const stop = store.onChange((type, event) => {
    if (!watched.has(type.kind) || event.type === 'DELETED') return
    const ns = String(md(event.object).namespace ?? '')
    schedule(type, ns, String(md(event.object).name))
    // a pod's readiness feeds its ReplicaSet, a ReplicaSet's its Deployment
    const owner = (md(event.object).ownerReferences as Obj[] | undefined)?.find(
      (r) => r.controller === true,
    )
    if (owner && (owner.kind === 'ReplicaSet' || owner.kind === 'Deployment')) {
      schedule(
        find('apps', owner.kind === 'ReplicaSet' ? 'replicasets' : 'deployments'),
        ns,
        String(owner.name),
      )
    }
  })
  return () => {
    stop()
    for (const t of pending.values()) clearTimeout(t)
    pending.clear()
  }
}
