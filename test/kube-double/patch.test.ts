import { describe, expect, it } from 'vitest'
import { jsonPatch, mergePatch, strategicMerge } from './patch.ts'

describe('patches', () => {
  const pod = {
    spec: {
      containers: [
        {
          name: 'web',
          image: 'a:1',
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' },
          ],
          ports: [{ containerPort: 80 }],
        },
        { name: 'side', image: 's:1' },
      ],
    },
  }

  it('merges lists by their merge keys in a strategic merge patch', () => {
    const out = strategicMerge(pod, {
      spec: {
        containers: [
          {
            name: 'web',
            image: 'a:2',
            env: [
              { name: 'B', value: '3' },
              { name: 'C', value: '4' },
            ],
          },
        ],
      },
    }) as typeof pod
    expect(out.spec.containers.map((c) => [c.name, c.image])).toEqual([
      ['web', 'a:2'],
      ['side', 's:1'],
    ])
    expect(out.spec.containers[0]?.env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '3' },
      { name: 'C', value: '4' },
    ])
    expect(out.spec.containers[0]?.ports).toEqual([{ containerPort: 80 }])
  })

  it('honours $patch: delete, $setElementOrder and null deletions', () => {
    const out = strategicMerge(pod, {
      spec: {
        '$setElementOrder/containers': [{ name: 'side' }, { name: 'web' }],
        containers: [
          { name: 'web', $patch: 'delete' },
          { name: 'side', image: null },
        ],
      },
    }) as typeof pod
    expect(out.spec.containers).toEqual([{ name: 'side' }])
    const reordered = strategicMerge(pod, {
      spec: { '$setElementOrder/containers': [{ name: 'side' }, { name: 'web' }] },
    }) as typeof pod
    expect(reordered.spec.containers.map((c) => c.name)).toEqual(['side', 'web'])
  })

  it('replaces lists in a merge patch and applies JSON patch operations', () => {
    expect(mergePatch({ a: [1, 2], b: { c: 1, d: 2 } }, { a: [3], b: { c: null } })).toEqual({
      a: [3],
      b: { d: 2 },
    })
    expect(
      jsonPatch({ a: [1], b: 1 }, [
        { op: 'add', path: '/a/-', value: 2 },
        { op: 'remove', path: '/b' },
        { op: 'add', path: '/c~1d', value: true },
      ]),
    ).toEqual({ a: [1, 2], 'c/d': true })
    expect(() => jsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])).toThrow(
      'testing value /a failed',
    )
  })
})
