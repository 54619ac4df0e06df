import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  chartJson,
  decodeRelease,
  encodeRelease,
  isPending,
  recordName,
  type HelmRelease,
} from './record.ts'

const rel: HelmRelease = {
  name: 'web',
  info: {
    first_deployed: '2026-01-01T00:00:00.000Z',
    last_deployed: '2026-01-01T00:00:00.000Z',
    deleted: '',
    description: 'Install complete',
    status: 'deployed',
  },
  chart: null,
  config: { replicas: 2 },
  manifest: '---\n# Source: demo/templates/cm.yaml\nkind: ConfigMap\n',
  hooks: [],
  version: 3,
  namespace: 'apps',
}

describe('release records', () => {
  it('names records as Helm does', () => {
    expect(recordName('web', 3)).toBe('sh.helm.release.v1.web.v3')
  })

  it('encodes as base64 of gzip (magic 1f 8b 08) of the JSON, and decodes it back', () => {
    const stored = encodeRelease(rel)
    const gz = Buffer.from(stored, 'base64')
    expect([...gz.subarray(0, 3)]).toEqual([0x1f, 0x8b, 0x08])
    expect(JSON.parse(gunzipSync(gz).toString())).toEqual(rel)
    expect(decodeRelease(stored)).toEqual(rel)
  })

  it('reads the plain JSON of old records', () => {
    expect(decodeRelease(Buffer.from(JSON.stringify(rel)).toString('base64'))).toEqual(rel)
  })

  it('stores the chart as Helm JSON: base64 file data, omitted empty metadata, null schema', () => {
    const enc = new TextEncoder()
    const json = chartJson({
      metadata: { apiVersion: 'v2', name: 'demo', version: '1.0.0', description: '', keywords: [] },
      templates: [{ name: 'templates/cm.yaml', data: enc.encode('kind: ConfigMap') }],
      values: { a: 1 },
      files: [{ name: 'README.md', data: enc.encode('hi') }],
      raw: [],
      dependencies: [],
    })
    expect(json.metadata).toEqual({ name: 'demo', version: '1.0.0', apiVersion: 'v2' })
    expect(json.templates).toEqual([
      { name: 'templates/cm.yaml', data: Buffer.from('kind: ConfigMap').toString('base64') },
    ])
    expect(json.files).toEqual([{ name: 'README.md', data: 'aGk=' }])
    expect(json.schema).toBeNull()
    expect(json.lock).toBeNull()
  })

  it('knows which statuses mean an operation is under way', () => {
    expect(
      ['pending-install', 'pending-upgrade', 'pending-rollback'].every((s) =>
        isPending(s as 'pending-install'),
      ),
    ).toBe(true)
    expect(isPending('deployed')).toBe(false)
    expect(isPending('failed')).toBe(false)
  })
})
