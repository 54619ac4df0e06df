import { describe, expect, it } from 'vitest'
import { OciError } from './errors.ts'
import {
  chartLayers,
  goJson,
  helmAnnotations,
  helmConfigJson,
  helmManifestJson,
  parseManifest,
} from './manifest.ts'
import {
  HelmChartContentMediaType,
  HelmConfigMediaType,
  HelmProvenanceMediaType,
} from './media-types.ts'

const d = (mediaType: string, n: string) => ({
  mediaType,
  digest: `sha256:${n.repeat(64)}`,
  size: 10,
})
const bytes = (o: unknown) => new TextEncoder().encode(JSON.stringify(o))

function code(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(OciError)
    return (err as OciError).code
  }
  throw new Error('expected an error')
}

describe('chart manifests', () => {
  it('finds config, content and provenance', () => {
    const m = parseManifest(
      bytes({
        schemaVersion: 2,
        config: d(HelmConfigMediaType, 'a'),
        layers: [d(HelmProvenanceMediaType, 'c'), d(HelmChartContentMediaType, 'b')],
      }),
      'r',
      'application/vnd.oci.image.manifest.v1+json',
    )
    const layers = chartLayers(m, 'r')
    expect(layers.config.digest).toMatch(/^sha256:a/)
    expect(layers.content.digest).toMatch(/^sha256:b/)
    expect(layers.provenance?.digest).toMatch(/^sha256:c/)
  })

  it.each([
    [
      { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] },
      'image index',
    ],
    [
      {
        schemaVersion: 2,
        config: d('application/vnd.oci.image.config.v1+json', 'a'),
        layers: [d('application/vnd.oci.image.layer.v1.tar+gzip', 'b')],
      },
      'a container image',
    ],
    [
      { schemaVersion: 2, config: d(HelmConfigMediaType, 'a'), layers: [] },
      '0 chart content layers',
    ],
  ])('says what is not a chart: %#', (manifest, why) => {
    try {
      chartLayers(parseManifest(bytes(manifest), 'host/x:1'), 'host/x:1')
      expect.unreachable()
    } catch (err) {
      expect((err as OciError).code).toBe('NOT_A_CHART')
      expect((err as OciError).message).toContain('host/x:1 is not a Helm chart')
      expect((err as OciError).message).toContain(why)
    }
  })

  it('rejects malformed manifests', () => {
    expect(code(() => parseManifest(new TextEncoder().encode('{'), 'r'))).toBe('INVALID_MANIFEST')
    expect(code(() => parseManifest(bytes({ schemaVersion: 1 }), 'r'))).toBe('INVALID_MANIFEST')
    expect(
      code(() =>
        parseManifest(
          bytes({ schemaVersion: 2, config: { mediaType: 'x', digest: '../x', size: 1 } }),
          'r',
        ),
      ),
    ).toBe('INVALID_MANIFEST')
    expect(
      code(() =>
        parseManifest(
          bytes({ schemaVersion: 2, layers: [{ mediaType: 'x', digest: 'sha256:a', size: -1 }] }),
          'r',
        ),
      ),
    ).toBe('INVALID_MANIFEST')
  })
})

describe('what Helm pushes', () => {
  const chart = {
    apiVersion: 'v2',
    name: 'demo',
    version: '1.0.0+b.1',
    description: 'Demo',
    home: 'https://example.com',
    sources: ['https://src.example.com', 'https://other.example.com'],
    maintainers: [{ name: 'A', email: 'a@example.com' }, { name: 'B' }],
    annotations: {
      'org.opencontainers.image.title': 'spoof',
      'z.custom': 'yes',
      'a.custom': 'too',
    },
  }

  it('annotates like helm, in sorted key order, without letting the chart override title or version', () => {
    const a = helmAnnotations(chart, '2025-01-01T00:00:00Z')
    expect(a).toEqual({
      'a.custom': 'too',
      'org.opencontainers.image.authors': 'A (a@example.com), B',
      'org.opencontainers.image.created': '2025-01-01T00:00:00Z',
      'org.opencontainers.image.description': 'Demo',
      'org.opencontainers.image.source': 'https://src.example.com',
      'org.opencontainers.image.title': 'demo',
      'org.opencontainers.image.url': 'https://example.com',
      'org.opencontainers.image.version': '1.0.0+b.1',
      'z.custom': 'yes',
    })
    expect(Object.keys(a)).toEqual(Object.keys(a).sort())
  })

  it("writes the config in Helm's field order, leaving out empty fields", () => {
    expect(helmConfigJson({ ...chart, keywords: [], deprecated: false, icon: '' })).toBe(
      '{"name":"demo","home":"https://example.com","sources":["https://src.example.com","https://other.example.com"],' +
        '"version":"1.0.0+b.1","description":"Demo","maintainers":[{"name":"A","email":"a@example.com"},{"name":"B"}],' +
        '"apiVersion":"v2","annotations":{"a.custom":"too","org.opencontainers.image.title":"spoof","z.custom":"yes"}}',
    )
  })

  it('writes schemaVersion, config, layers, annotations', () => {
    const json = helmManifestJson(
      d(HelmConfigMediaType, 'a'),
      [d(HelmChartContentMediaType, 'b')],
      { k: 'v' },
    )
    expect(Object.keys(JSON.parse(json))).toEqual([
      'schemaVersion',
      'config',
      'layers',
      'annotations',
    ])
  })
})

describe('goJson', () => {
  it("escapes HTML characters as Go's encoder does", () => {
    expect(goJson({ d: 'a<b>&c\u2028' })).toBe('{"d":"a\\u003cb\\u003e\\u0026c\\u2028"}')
  })
})
