import { describe, expect, it } from 'vitest'
import { checkChartQuery, checkModuleRequest, checkRegistryInput, isApiErrorBody } from './index.ts'

describe('checkChartQuery', () => {
  it('accepts oci and https repositories and trims slashes', () => {
    expect(
      checkChartQuery({
        repository: 'oci://127.0.0.1:5000/charts/',
        path: '/demo',
        version: '1.0.0',
      }),
    ).toEqual({
      ok: true,
      value: { repository: 'oci://127.0.0.1:5000/charts', path: 'demo', version: '1.0.0' },
    })
    expect(checkChartQuery({ repository: 'https://charts.example.com', path: 'demo' })).toEqual({
      ok: true,
      value: { repository: 'https://charts.example.com', path: 'demo' },
    })
  })

  it('names every bad field', () => {
    const r = checkChartQuery({ repository: 'ftp://x', path: '../etc' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues.map((i) => i.field)).toEqual(['repository', 'path'])
    const missing = checkChartQuery({}, { requireVersion: true })
    if (!missing.ok)
      expect(missing.issues.map((i) => i.message)).toEqual([
        'Repository is required',
        'Path is required',
        'Version is required',
      ])
    else expect.fail('expected issues')
  })
})

describe('checkRegistryInput', () => {
  it('keeps only the host of a registry URL', () => {
    expect(
      checkRegistryInput({
        registry: 'oci://Reg.example.com:5000/charts',
        username: 'u',
        password: 'p',
      }),
    ).toEqual({
      ok: true,
      value: { registry: 'reg.example.com:5000', username: 'u', password: 'p' },
    })
    expect(checkRegistryInput({ registry: 'r', username: 'u' }).ok).toBe(false)
  })
})

describe('checkModuleRequest', () => {
  it('checks the release name like Helm', () => {
    const r = checkModuleRequest({
      name: 'My_App',
      namespace: 'default',
      chart: { repository: 'oci://r/c', path: 'demo', version: '1.0.0' },
      values: {},
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0]?.field).toBe('name')
  })
  it('accepts a complete request', () => {
    const r = checkModuleRequest({
      name: 'web',
      namespace: 'default',
      chart: { repository: 'oci://r/c', path: 'demo', version: '1.0.0', digest: 'sha256:ab' },
      values: { replicas: 2 },
    })
    expect(r).toEqual({
      ok: true,
      value: {
        name: 'web',
        namespace: 'default',
        chart: { repository: 'oci://r/c', path: 'demo', version: '1.0.0', digest: 'sha256:ab' },
        values: { replicas: 2 },
      },
    })
  })
})

it('recognises error bodies', () => {
  expect(isApiErrorBody({ code: 'X', message: 'y' })).toBe(true)
  expect(isApiErrorBody('nope')).toBe(false)
})
