import { describe, expect, it } from 'vitest'
import { OciError } from './errors.ts'
import { isLoopbackRegistry, parseReference } from './reference.ts'
import { tagToVersion, versionToTag } from './tag.ts'

const digest = `sha256:${'a'.repeat(64)}`

describe('parseReference', () => {
  it.each([
    ['oci://127.0.0.1:5000/charts/demo', '127.0.0.1:5000', 'charts/demo', undefined, undefined],
    ['oci://ghcr.io/org/charts/demo:1.2.3', 'ghcr.io', 'org/charts/demo', '1.2.3', undefined],
    ['localhost:5000/demo:1.0.0+build.1', 'localhost:5000', 'demo', '1.0.0+build.1', undefined],
    [`oci://ghcr.io/org/demo@${digest}`, 'ghcr.io', 'org/demo', undefined, digest],
    [`oci://ghcr.io/org/demo:1.0.0@${digest}`, 'ghcr.io', 'org/demo', '1.0.0', digest],
    [
      'oci://docker.io/someone/oci-demo',
      'registry-1.docker.io',
      'someone/oci-demo',
      undefined,
      undefined,
    ],
    ['oci://[::1]:5000/a/b_c-d.e', '[::1]:5000', 'a/b_c-d.e', undefined, undefined],
  ])('parses %s', (input, registry, repository, tag, dig) => {
    const ref = parseReference(input)
    expect(ref.registry).toBe(registry)
    expect(ref.repository).toBe(repository)
    expect(ref.tag).toBe(tag)
    expect(ref.digest).toBe(dig)
  })

  it('prints without the scheme', () => {
    expect(String(parseReference('oci://docker.io/x/y:1'))).toBe('registry-1.docker.io/x/y:1')
  })

  it.each([
    ['https://ghcr.io/demo', 'scheme'],
    ['oci://ghcr.io', 'HOST/REPOSITORY'],
    ['oci://ghcr.io/Upper/demo', 'lower-case'],
    ['oci://ghcr.io/demo:bad tag', 'tag'],
    ['oci://ghcr.io/demo@sha256:1234', 'sha256'],
    ['oci://ghcr.io:99999/demo', 'port'],
    ['oci://ghcr.io//demo', 'component'],
  ])('rejects %s, naming the reference', (input, why) => {
    try {
      parseReference(input)
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(OciError)
      expect((err as OciError).code).toBe('INVALID_REFERENCE')
      expect((err as OciError).message).toContain(input)
      expect((err as OciError).message).toContain(why)
    }
  })
})

describe('loopback registries', () => {
  it.each([
    ['127.0.0.1:5000', true],
    ['127.1.2.3', true],
    ['localhost:5000', true],
    ['[::1]:5000', true],
    ['ghcr.io', false],
    ['128.0.0.1:5000', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackRegistry(host)).toBe(expected)
  })
})

describe('tags', () => {
  it("maps Helm's + to _ and back", () => {
    expect(versionToTag('1.0.0+build.1')).toBe('1.0.0_build.1')
    expect(tagToVersion('1.0.0_build.1')).toBe('1.0.0+build.1')
  })
})
