import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ApiStatusError } from './status.ts'
import { Store } from './store.ts'

const cm = (data: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'c', namespace: 'default' },
  data,
})

describe("the double's store", () => {
  it('refuses a stale resourceVersion with 409 Conflict and bumps versions on change', () => {
    const s = new Store()
    const t = s.findType('', 'v1', 'configmaps')!
    const created = s.create(t, 'default', cm({ a: '1' }))
    const rv = (created.metadata as { resourceVersion: string }).resourceVersion
    s.update(t, 'default', 'c', { ...cm({ a: '2' }), metadata: { name: 'c', resourceVersion: rv } })
    let err: unknown
    try {
      s.update(t, 'default', 'c', {
        ...cm({ a: '3' }),
        metadata: { name: 'c', resourceVersion: rv },
      })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ApiStatusError)
    expect((err as ApiStatusError).body()).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on configmaps "c": the object has been modified; please apply your changes to the latest version and try again',
    })
  })

  it('removes fields an apply manager stops applying, and keeps those others own', () => {
    const s = new Store()
    const t = s.findType('', 'v1', 'configmaps')!
    s.apply(t, 'default', 'c', cm({ a: '1', b: '2' }), { fieldManager: 'one' })
    s.apply(t, 'default', 'c', cm({ b: '2', c: '3' }), { fieldManager: 'two' })
    const after = s.apply(t, 'default', 'c', cm({ a: '1' }), { fieldManager: 'one' })
    // "one" stopped applying b, but "two" still applies it, so it stays
    expect(after.data).toEqual({ a: '1', b: '2', c: '3' })
    const dropped = s.apply(t, 'default', 'c', cm({ c: '3' }), { fieldManager: 'two' })
    expect(dropped.data).toEqual({ a: '1', c: '3' })
  })

  it('reports apply conflicts with the managers and fields, and takes over with force', () => {
    const s = new Store()
    const t = s.findType('', 'v1', 'configmaps')!
    s.create(t, 'default', cm({ a: '1' }), { fieldManager: 'kubectl-create' })
    expect(() => s.apply(t, 'default', 'c', cm({ a: '2' }), { fieldManager: 'slipway' })).toThrow(
      'Apply failed with 1 conflict: conflict with "kubectl-create" using v1: .data.a',
    )
    const forced = s.apply(t, 'default', 'c', cm({ a: '2' }), {
      fieldManager: 'slipway',
      force: true,
    })
    expect(forced.data).toEqual({ a: '2' })
    const managers = (
      forced.metadata as { managedFields: Array<{ manager: string; operation: string }> }
    ).managedFields.map((m) => [m.manager, m.operation])
    expect(managers).toEqual([['slipway', 'Apply']])
  })

  it('keeps its state in a file across restarts', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kube-double-state-')), 'state.json')
    const s = new Store(file)
    const t = s.findType('', 'v1', 'configmaps')!
    s.create(t, 'default', cm({ kept: 'yes' }))
    s.save()
    const again = new Store(file)
    expect(again.get(t, 'default', 'c').data).toEqual({ kept: 'yes' })
    expect(Number(again.resourceVersion)).toBeGreaterThanOrEqual(Number(s.resourceVersion))
  })

  it("deletes dependents through ownerReferences and a namespace's objects with it", () => {
    const s = new Store()
    const ns = s.findType('', 'v1', 'namespaces')!
    const t = s.findType('', 'v1', 'configmaps')!
    s.create(ns, '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'gone' } })
    const owner = s.create(t, 'gone', { ...cm({}), metadata: { name: 'owner' } })
    s.create(t, 'gone', {
      ...cm({}),
      metadata: {
        name: 'child',
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            name: 'owner',
            uid: (owner.metadata as { uid: string }).uid,
          },
        ],
      },
    })
    s.create(t, 'default', { ...cm({}), metadata: { name: 'other' } })
    s.delete(t, 'gone', 'owner')
    expect(() => s.get(t, 'gone', 'child')).toThrow('configmaps "child" not found')
    s.create(t, 'gone', { ...cm({}), metadata: { name: 'last' } })
    s.delete(ns, '', 'gone')
    expect(s.listRaw(t, 'gone')).toEqual([])
    expect(s.listRaw(t, 'default')).toHaveLength(1)
  })
})

describe('immutable fields', () => {
  it('refuses to change a Deployment selector or a Job template, as the real server', () => {
    const s = new Store()
    const dep = s.findType('apps', 'v1', 'deployments')!
    const body = (app: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        selector: { matchLabels: { app } },
        template: {
          metadata: { labels: { app } },
          spec: { containers: [{ name: 'c', image: 'i' }] },
        },
      },
    })
    s.create(dep, 'default', body('a'))
    expect(() => s.update(dep, 'default', 'd', body('b'))).toThrow(
      'Deployment.apps "d" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"b"}}: field is immutable',
    )
    const job = s.findType('batch', 'v1', 'jobs')!
    const jbody = (image: string) => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image }] } } },
    })
    s.create(job, 'default', jbody('one'))
    expect(() =>
      s.apply(job, 'default', 'j', jbody('two'), { fieldManager: 'm', force: true }),
    ).toThrow('spec.template: Invalid value')
  })
})
