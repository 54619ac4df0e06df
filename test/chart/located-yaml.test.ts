/**
 * Chart.yaml, Chart.lock and requirements.yaml are read through gotemplate's YAML fast path
 * when they are plain block YAML; the positioned YAML 1.1 tree is built only for errors and
 * for the source of numbers. Whatever the fast path reads must be what the positioned parser
 * reads, on files written here and on thousands of mutants of them; and both as helm reads them.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseChartYaml } from '../../packages/chart/src/metadata.ts'
import { parseLocatedYaml, parseWithPositions } from '../../packages/chart/src/yaml-document.ts'
import { exact, mutants } from '../encoding/mutate.ts'
import { expectSameAsHelm, probeChart } from '../support/probe-chart.ts'

/** The positioned parser alone. */
function positioned(text: string): { value: unknown } | undefined {
  try {
    return { value: parseWithPositions(text, 'Chart.yaml').value }
  } catch {
    return undefined
  }
}

const SEEDS = [
  `apiVersion: v2
name: web-app
description: A web application, with a description that wraps
  over two lines.
type: application
version: 1.2.3
appVersion: "1.16.0"
kubeVersion: ">=1.25.0-0"
home: https://example.invalid/web
icon: https://example.invalid/icon.png
keywords:
  - web
  - http
sources:
- https://example.invalid/src
maintainers:
  - name: Someone
    email: someone@example.invalid
    url: https://example.invalid
deprecated: false
annotations:
  category: Infrastructure
  licenses: Apache-2.0
  images: |
    - name: app
      image: example.invalid/app:1.16.0
dependencies:
  - name: common
    version: 2.x.x
    repository: oci://registry.example.invalid/charts
    tags: [bitnami-common]
    import-values:
      - child: exports.data
        parent: fromChild
  - name: cache
    alias: redis
    version: ~18.0.0
    repository: https://charts.example.invalid
    condition: redis.enabled
`,
  `apiVersion: v1
name: old
version: 0.1
appVersion: 1.0
created: 2024-01-02T03:04:05Z
ratio: 1:30
enabled: yes
octal: 0755
`,
  `dependencies:
- name: a
  repository: file://../a
  version: 1.0.0
digest: sha256:0123456789abcdef
generated: "2024-01-02T03:04:05.678Z"
`,
]

describe('parseLocatedYaml', () => {
  it('reads the seed files as the positioned parser does, positions included', () => {
    for (const seed of SEEDS) {
      const doc = parseLocatedYaml(seed, 'Chart.yaml')
      expect(exact(doc.value)).toBe(exact(positioned(seed)!.value))
    }
    const doc = parseLocatedYaml(SEEDS[0]!, 'Chart.yaml')
    const aliasLine = SEEDS[0]!.split('\n').indexOf('    alias: redis') + 1
    expect(doc.locate(['dependencies', 1, 'alias'])).toEqual({ line: aliasLine, column: 12 })
    expect(doc.source(['version'])).toBe('1.2.3')
  })

  it('keeps numbers as written for string fields, and names the line of a bad field', () => {
    const md = parseChartYaml('apiVersion: v2\nname: x\nversion: 1.10\nappVersion: 2\n')
    expect([md.version, md.appVersion]).toEqual(['1.1', '2'])
    expect(() => parseChartYaml('apiVersion: v2\nname: x\nversion: 1.0.0\nkeywords: 3\n')).toThrow(
      /Chart\.yaml: line 4: keywords must be a list of strings/,
    )
  })

  it('leaves timestamps and base-60 numbers as written, as helm does, on either path', async () => {
    const fields = 'appVersion: 2024-01-02\ndescription: 2001-12-14t21:59:43.10-05:00\nhome: 1:30\n'
    // an anchor keeps the file off the fast path
    for (const extra of ['', 'x: &a 1\n']) {
      const dir = probeChart({
        'a.yaml':
          'a: {{ .Chart.AppVersion | quote }}\nd: {{ .Chart.Description | quote }}\nh: {{ .Chart.Home | quote }}\n',
      })
      writeFileSync(
        join(dir, 'Chart.yaml'),
        `apiVersion: v2\nname: c\nversion: 0.1.0\n${fields}${extra}`,
      )
      expect(await expectSameAsHelm(dir)).toContain('h: "1:30"')
    }
  }, 60_000)

  it("cleans metadata strings as helm does: Go's spaces, unprintable characters", async () => {
    const dir = probeChart({ 'a.yaml': 'd: {{ .Chart.Description | quote }}\n' })
    writeFileSync(
      join(dir, 'Chart.yaml'),
      'apiVersion: v2\nname: c\nversion: 0.1.0\ndescription: "a\\Nb\\uFEFFc\\u3000d\\te\\u0007"\n',
    )
    expect(await expectSameAsHelm(dir)).toContain('d: "a bc d e"')
  }, 60_000)

  it('reads what the positioned parser reads the same way, on 6,000 mutants', () => {
    let compared = 0
    for (let text of mutants(SEEDS, 6000, 20261122)) {
      // a block scalar cut off by the end of the file keeps a line break in the YAML library,
      // not in go-yaml, which the fast path follows (and Helm reads Chart.yaml with)
      if (!text.endsWith('\n')) text += '\n'
      const expected = positioned(text)
      // a number out of float64's range (1e999): the YAML library makes it Infinity, Go keeps
      // the string, as the fast path does
      if (expected && /Infinity/.test(exact(expected.value))) continue
      let ours: unknown
      try {
        ours = parseLocatedYaml(text, 'Chart.yaml').value
      } catch {
        // both refuse, or ours does where the positioned parser reads something: the old path
        expect(expected, text).toBeUndefined()
        continue
      }
      expect(expected, `accepted what YAML 1.1 refuses:\n${text}`).toBeDefined()
      // as JSON: the YAML library reads `-0` as -0 and go-yaml as 0, which every field reads
      // alike (String(-0) is "0")
      expect(JSON.stringify(ours), text).toBe(JSON.stringify(expected!.value))
      compared++
    }
    expect(compared).toBeGreaterThan(2000)
  })
})
