import { describe, expect, it } from 'vitest'
import { isKubeError } from './errors.ts'
import {
  formatManifest,
  ownershipProblem,
  parseManifest,
  parseObject,
  sortForInstall,
  stampOwnership,
} from './manifest.ts'

describe('manifests', () => {
  it('parses a release manifest with its sources, and formats one as Helm writes it', () => {
    const text = formatManifest([
      {
        name: 'demo/templates/a.yaml',
        content: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a',
      },
      {
        name: 'demo/templates/b.yaml',
        content: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: b',
      },
    ])
    expect(text).toBe(
      '---\n# Source: demo/templates/a.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n# Source: demo/templates/b.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n',
    )
    const parsed = parseManifest(text)
    expect(parsed.map((p) => [p.source, p.object.kind, p.object.metadata?.name])).toEqual([
      ['demo/templates/a.yaml', 'ConfigMap', 'a'],
      ['demo/templates/b.yaml', 'Service', 'b'],
    ])
  })

  it('reads YAML 1.1 as Kubernetes does', () => {
    const obj = parseObject(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  on: yes\n',
      't.yaml',
    )
    expect(obj?.data).toEqual({ true: true })
  })

  it('reads merge keys and skips an empty first document, as sigs.k8s.io/yaml does', () => {
    const obj = parseObject(
      '# only a comment\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\nbase: &b {a: 1}\ndata:\n  <<: *b\n  c: 0755\n',
      't.yaml',
    )
    expect(obj?.data).toEqual({ a: 1, c: 493 })
    expect(parseObject('# nothing\n', 't.yaml')).toBeUndefined()
  })

  it("reports broken YAML with the template's name and Go's wording", () => {
    expect(() =>
      parseObject('apiVersion: v1\nkind: ConfigMap\ndata:\n  a: [1\n', 'demo/templates/cm.yaml'),
    ).toThrow(
      "YAML parse error on demo/templates/cm.yaml: error converting YAML to JSON: yaml: line 4: did not find expected ',' or ']'",
    )
  })

  it('names the template of a document that is not an object', () => {
    let err: unknown
    try {
      parseObject('- a\n- b\n', 'demo/templates/list.yaml')
    } catch (e) {
      err = e
    }
    expect(isKubeError(err, 'INVALID_MANIFEST')).toBe(true)
    expect((err as Error).message).toBe(
      'demo/templates/list.yaml: a manifest must be a YAML map, not a list',
    )
    expect(() => parseObject('kind: ConfigMap\n', 'x.yaml')).toThrow(
      'x.yaml: the object has no apiVersion',
    )
  })

  it('sorts in Helm install order', () => {
    const items = ['Deployment', 'Service', 'Namespace', 'ConfigMap', 'Widget'].map((kind) => ({
      object: { kind },
    }))
    expect(sortForInstall(items).map((i) => i.object.kind)).toEqual([
      'Namespace',
      'ConfigMap',
      'Service',
      'Deployment',
      'Widget',
    ])
  })

  it('stamps and checks Helm ownership metadata', () => {
    const stamped = stampOwnership(
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: { x: 'y' } } },
      'web',
      'apps',
    )
    expect(stamped.metadata?.labels).toEqual({ x: 'y', 'app.kubernetes.io/managed-by': 'Helm' })
    expect(stamped.metadata?.annotations).toEqual({
      'meta.helm.sh/release-name': 'web',
      'meta.helm.sh/release-namespace': 'apps',
    })
    expect(ownershipProblem(stamped, 'web', 'apps')).toBeUndefined()
    expect(ownershipProblem(stamped, 'other', 'apps')).toBe(
      'invalid ownership metadata; annotation validation error: key "meta.helm.sh/release-name" must equal "other": current value is "web"',
    )
    expect(
      ownershipProblem({ kind: 'ConfigMap', metadata: { name: 'a' } }, 'web', 'apps'),
    ).toContain(
      'label validation error: missing key "app.kubernetes.io/managed-by": must be set to "Helm"',
    )
  })
})
