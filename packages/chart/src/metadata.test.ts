import { describe, expect, it } from 'vitest'
import { isChartError, type ChartError } from './errors.ts'
import { parseChartYaml, parseLock, parseRequirements, sanitizeString } from './metadata.ts'

function failure(text: string): ChartError {
  try {
    parseChartYaml(text)
  } catch (err) {
    if (isChartError(err)) return err
    throw err
  }
  throw new Error('expected an error')
}

describe('parseChartYaml', () => {
  it('defaults apiVersion to v1 when absent, as Helm does', () => {
    expect(parseChartYaml('name: a\nversion: 1.0.0\n').apiVersion).toBe('v1')
  })

  it('reads every field', () => {
    const md = parseChartYaml(`apiVersion: v2
name: full
version: 1.2.3
kubeVersion: ">=1.25"
description: |
  two
  lines
type: library
keywords: [a, b]
home: https://example.com
sources: [https://example.com/src]
maintainers:
  - name: Ann
    email: ann@example.com
icon: https://example.com/icon.png
appVersion: "2.0"
deprecated: true
annotations:
  category: Web
dependencies:
  - name: sub
    version: 1.x
    repository: oci://example.com/charts
    condition: sub.enabled,global.sub
    tags: [back]
    import-values: [data]
    alias: other
`)
    expect(md).toEqual({
      apiVersion: 'v2',
      name: 'full',
      version: '1.2.3',
      kubeVersion: '>=1.25',
      description: 'two lines ',
      type: 'library',
      keywords: ['a', 'b'],
      home: 'https://example.com',
      sources: ['https://example.com/src'],
      maintainers: [{ name: 'Ann', email: 'ann@example.com' }],
      icon: 'https://example.com/icon.png',
      appVersion: '2.0',
      deprecated: true,
      annotations: { category: 'Web' },
      dependencies: [
        {
          name: 'sub',
          version: '1.x',
          repository: 'oci://example.com/charts',
          condition: 'sub.enabled,global.sub',
          tags: ['back'],
          'import-values': ['data'],
          alias: 'other',
        },
      ],
    })
  })

  it.each([
    ['1.10', '1.1'],
    ['1.0', '1'],
    ['1000000.0', '1e+06'],
    ['1000000', '1000000'],
    ['0.1234567891', '0.12345679'],
    ['1e-7', '1e-07'],
    ['0x1F', '31'],
    ['010', '8'],
    ['true', 'true'],
    ['"1.10"', '1.10'],
  ])('turns appVersion %s into %s, as sigs.k8s.io/yaml does', (written, expected) => {
    expect(parseChartYaml(`name: a\nversion: 1.0.0\nappVersion: ${written}\n`).appVersion).toBe(
      expected,
    )
  })

  it.each([
    ['apiVersion: v2\nversion: 1.0.0\n', 'chart.metadata.name is required', 'name', 1],
    [
      'apiVersion: v2\nname: a/b\nversion: 1.0.0\n',
      'chart.metadata.name "a/b" is invalid',
      'name',
      2,
    ],
    ['apiVersion: v2\nname: a\n', 'chart.metadata.version is required', 'version', 1],
    [
      'apiVersion: v2\nname: a\nversion: 1.2.3.4\n',
      'chart.metadata.version "1.2.3.4" is invalid',
      'version',
      3,
    ],
    [
      'apiVersion: v2\nname: a\nversion: 1.0.0\ntype: plugin\n',
      'chart.metadata.type must be application or library',
      'type',
      4,
    ],
    [
      'apiVersion: v2\nname: a\nversion: 1.0.0\ndependencies:\n  - name: b\n    alias: "b c"\n',
      'dependency "b" has disallowed characters in the alias',
      'dependencies[0].alias',
      6,
    ],
    [
      'apiVersion: v2\nname: a\nversion: 1.0.0\ndependencies:\n  - name: b\n  - name: c\n    alias: b\n',
      'more than one dependency with name or alias "b"',
      'dependencies[1]',
      6,
    ],
  ])('rejects %j: %s (a missing field is located at line 1)', (text, message, field, line) => {
    const err = failure(text)
    expect(err.code).toBe('INVALID_METADATA')
    expect(err.message).toBe(`validation: ${message}`)
    expect(err.field).toBe(field)
    expect(err.file).toBe('Chart.yaml')
    expect(err.line).toBe(line)
  })

  it('names the line of a YAML syntax error', () => {
    const err = failure('apiVersion: v2\nname: a\nversion: [1.0.0\n')
    expect(err.code).toBe('PARSE_ERROR')
    expect(err.line).toBeGreaterThanOrEqual(3)
    expect(err.message).toMatch(/^Chart\.yaml: line \d+: /)
  })

  it('names the line of a field of the wrong type', () => {
    const err = failure('apiVersion: v2\nname: a\nversion: 1.0.0\nkeywords: web\n')
    expect(err.code).toBe('PARSE_ERROR')
    expect(err.field).toBe('keywords')
    expect(err.line).toBe(4)
  })

  it('accepts the versions Helm accepts', () => {
    for (const v of ['1.2', 'v1.2.3', '1', '1.2.3+build.5', '1.0.0-alpha']) {
      expect(parseChartYaml(`name: a\nversion: "${v}"\n`).version).toBe(v)
    }
  })
})

describe('requirements and locks', () => {
  it('parses requirements.yaml', () => {
    expect(
      parseRequirements(
        'dependencies:\n  - name: a\n    version: 1.0.0\n    repository: https://x\n',
      ),
    ).toEqual([{ name: 'a', version: '1.0.0', repository: 'https://x' }])
  })
  it('parses a lock file', () => {
    const lock = parseLock(
      'dependencies:\n- name: a\n  repository: https://x\n  version: 1.0.0\ndigest: sha256:ab\ngenerated: "2024-01-01T00:00:00Z"\n',
    )
    expect(lock).toEqual({
      dependencies: [{ name: 'a', repository: 'https://x', version: '1.0.0' }],
      digest: 'sha256:ab',
      generated: '2024-01-01T00:00:00Z',
    })
  })
})

describe('sanitizeString', () => {
  it('turns spaces into blanks and drops control characters', () => {
    expect(sanitizeString('a\tb\nc\u0007d')).toBe('a b cd')
  })

  it("keeps every printable ASCII character, and other scripts' letters", () => {
    let ascii = ''
    for (let c = 0x20; c < 0x7f; c++) ascii += String.fromCharCode(c)
    expect(sanitizeString(ascii)).toBe(ascii)
    // one character beyond ASCII takes the per-character way: same answer for the rest, and
    // Go's spaces (NEL, not the BOM)
    expect(sanitizeString(`${ascii}é\u0085\ufeff\u3000`)).toBe(`${ascii}é  `)
  })
})
