import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRegistry, type TestRegistry } from '../support/registry.ts'
import { helmPackage, type PackagedChart } from '../support/registry-content.ts'
import { helm, isolatedHelmEnv, repoRoot, slipway } from '../support/tools.ts'

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix))

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out[relative(dir, p)] = readFileSync(p).toString('base64')
    }
  }
  walk(dir)
  return out
}

let registry: TestRegistry
let demo: PackagedChart
let helmDigest: string
const env = isolatedHelmEnv()

beforeAll(async () => {
  registry = await startRegistry()
  demo = await helmPackage(join(repoRoot, 'test', 'fixtures', 'charts', 'demo'))
  const pushed = await helm(['push', demo.path, `oci://${registry.host}/helm`, '--plain-http'], {
    env,
  })
  expect(pushed.code, pushed.stderr).toBe(0)
  helmDigest = /Digest: (sha256:[a-f0-9]{64})/.exec(pushed.stderr)![1]!
})
afterAll(() => registry?.stop())

describe('slipway pull', () => {
  it('saves NAME-VERSION.tgz as helm pull does, byte for byte, printing what helm prints', async () => {
    const ours = tmp('slipway-pull-')
    const theirs = tmp('helm-pull-')
    const ref = `oci://${registry.host}/helm/demo`
    const a = await slipway(['pull', ref, '--version', '1.0.0', '--destination', ours], { env })
    expect(a.code, a.stderr).toBe(0)
    const b = await helm(
      ['pull', ref, '--version', '1.0.0', '--destination', theirs, '--plain-http'],
      { env },
    )
    expect(b.code, b.stderr).toBe(0)
    expect(readdirSync(ours)).toEqual(['demo-1.0.0.tgz'])
    expect(readdirSync(theirs)).toEqual(['demo-1.0.0.tgz'])
    expect(readFileSync(join(ours, 'demo-1.0.0.tgz')).equals(Buffer.from(demo.bytes))).toBe(true)
    expect(a.stderr).toBe(`Pulled: ${registry.host}/helm/demo:1.0.0\nDigest: ${helmDigest}\n`)
    expect(a.stderr).toBe(b.stderr)
    expect(a.stdout).toBe(b.stdout)
  })

  it('takes the version from :tag or @sha256 and saves into the working directory by default', async () => {
    const cwd = tmp('slipway-pull-')
    const byTag = await slipway(['pull', `oci://${registry.host}/helm/demo:1.0.0`], { env, cwd })
    expect(byTag.code, byTag.stderr).toBe(0)
    expect(readdirSync(cwd)).toEqual(['demo-1.0.0.tgz'])
    const cwd2 = tmp('slipway-pull-')
    const byDigest = await slipway(
      ['pull', `oci://${registry.host}/helm/demo@${helmDigest}`, '-d', cwd2],
      { env },
    )
    expect(byDigest.code, byDigest.stderr).toBe(0)
    expect(byDigest.stderr).toContain(`Pulled: ${registry.host}/helm/demo@${helmDigest}`)
    expect(readFileSync(join(cwd2, 'demo-1.0.0.tgz')).equals(Buffer.from(demo.bytes))).toBe(true)
  })

  it('unpacks with --untar exactly as helm pull --untar does', async () => {
    const ours = tmp('slipway-untar-')
    const theirs = tmp('helm-untar-')
    const ref = `oci://${registry.host}/helm/demo`
    const a = await slipway(['pull', ref, '--version', '1.0.0', '-d', ours, '--untar'], { env })
    expect(a.code, a.stderr).toBe(0)
    const b = await helm(
      ['pull', ref, '--version', '1.0.0', '-d', theirs, '--untar', '--plain-http'],
      { env },
    )
    expect(b.code, b.stderr).toBe(0)
    expect(readdirSync(ours)).toEqual(['demo'])
    expect(tree(ours)).toEqual(tree(theirs))
    expect(existsSync(join(ours, 'demo', 'Chart.yaml'))).toBe(true)

    const again = await slipway(['pull', ref, '--version', '1.0.0', '-d', ours, '--untar'], { env })
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already exists')

    const untardir = await slipway(
      ['pull', ref, '--version', '1.0.0', '-d', ours, '--untar', '--untardir', 'sub'],
      { env },
    )
    expect(untardir.code, untardir.stderr).toBe(0)
    expect(existsSync(join(ours, 'sub', 'demo', 'values.yaml'))).toBe(true)
  })

  it('fails clearly for an unknown version and a bad reference', async () => {
    const missing = await slipway(
      ['pull', `oci://${registry.host}/helm/demo`, '--version', '9.9.9'],
      { env, cwd: tmp('x-') },
    )
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(new RegExp(`^Error: .*${registry.host}/helm/demo:9\\.9\\.9`))
    const bad = await slipway(['pull', 'oci://HOST'], { env })
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('invalid OCI reference "oci://HOST"')
  })
})

describe('slipway pull from a Helm repository', () => {
  it('pulls NAME --repo URL like helm pull, also with --untar', async () => {
    const { startHelmRepo } = await import('../support/helm-repo.ts')
    const repo = await startHelmRepo()
    try {
      repo.addChart(demo.bytes, { name: 'demo', version: '1.0.0' })
      const ours = tmp('slipway-pull-')
      const theirs = tmp('helm-pull-')
      const a = await slipway(['pull', 'demo', '--repo', repo.url, '--version', '^1', '-d', ours], {
        env,
      })
      expect(a.code, a.stderr).toBe(0)
      const b = await helm(['pull', 'demo', '--repo', repo.url, '--version', '^1', '-d', theirs], {
        env,
      })
      expect(b.code, b.stderr).toBe(0)
      expect(readdirSync(ours)).toEqual(readdirSync(theirs))
      expect(readFileSync(join(ours, 'demo-1.0.0.tgz')).equals(Buffer.from(demo.bytes))).toBe(true)
      const untarred = tmp('slipway-untar-')
      const c = await slipway(['pull', 'demo', '--repo', repo.url, '-d', untarred, '--untar'], {
        env,
      })
      expect(c.code, c.stderr).toBe(0)
      expect(existsSync(join(untarred, 'demo', 'Chart.yaml'))).toBe(true)
    } finally {
      await repo.stop()
    }
  })

  it('refuses something that is no chart reference', async () => {
    const result = await slipway(['pull', 'demo'], { env })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('"demo" is not a chart reference')
  })
})

describe('slipway push', () => {
  it('pushes what helm pull gets back byte for byte, printing like helm push', async () => {
    const a = await slipway(['push', demo.path, `oci://${registry.host}/ours`], { env })
    expect(a.code, a.stderr).toBe(0)
    expect(a.stderr).toMatch(
      new RegExp(`^Pushed: ${registry.host}/ours/demo:1\\.0\\.0\\nDigest: sha256:[a-f0-9]{64}\\n$`),
    )
    const dest = tmp('helm-pull-')
    const b = await helm(
      [
        'pull',
        `oci://${registry.host}/ours/demo`,
        '--version',
        '1.0.0',
        '-d',
        dest,
        '--plain-http',
      ],
      { env },
    )
    expect(b.code, b.stderr).toBe(0)
    expect(readFileSync(join(dest, 'demo-1.0.0.tgz')).equals(Buffer.from(demo.bytes))).toBe(true)
    expect(b.stderr).toContain(`Digest: ${/Digest: (\S+)/.exec(a.stderr)![1]}`)
    // helm sees the chart's metadata from our config blob
    const show = await helm(
      ['show', 'chart', `oci://${registry.host}/ours/demo`, '--version', '1.0.0', '--plain-http'],
      { env },
    )
    expect(show.stdout).toContain('name: demo')
    expect(show.stdout).toContain('appVersion: 1.14.2')
  })

  it('refuses a file that is not a chart archive', async () => {
    const result = await slipway(
      [
        'push',
        join(repoRoot, 'test', 'fixtures', 'charts', 'demo', 'Chart.yaml'),
        `oci://${registry.host}/ours`,
      ],
      { env },
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Chart.yaml')
  })
})

describe('TLS and provenance', () => {
  it('pulls over TLS with --ca-file or --insecure-skip-tls-verify', async () => {
    const { startTlsFront } = await import('../support/registry-tls.ts')
    const front = await startTlsFront(registry.url)
    try {
      const ref = `oci://${front.host}/helm/demo`
      const withCa = tmp('slipway-pull-')
      const a = await slipway(
        ['pull', ref, '--version', '1.0.0', '-d', withCa, '--ca-file', front.caFile],
        { env },
      )
      expect(a.code, a.stderr).toBe(0)
      expect(readFileSync(join(withCa, 'demo-1.0.0.tgz')).equals(Buffer.from(demo.bytes))).toBe(
        true,
      )
      const skip = await slipway(
        ['pull', ref, '--version', '1.0.0', '-d', tmp('x-'), '--insecure-skip-tls-verify'],
        { env },
      )
      expect(skip.code, skip.stderr).toBe(0)
    } finally {
      await front.stop()
    }
  })

  it('pushes a .prov lying beside the archive and saves it again with --prov', async () => {
    const { copyFileSync, writeFileSync } = await import('node:fs')
    const dir = tmp('slipway-prov-')
    copyFileSync(demo.path, join(dir, 'demo-1.0.0.tgz'))
    writeFileSync(join(dir, 'demo-1.0.0.tgz.prov'), 'provenance bytes\n')
    const push = await slipway(
      ['push', join(dir, 'demo-1.0.0.tgz'), `oci://${registry.host}/signed`],
      { env },
    )
    expect(push.code, push.stderr).toBe(0)
    const dest = tmp('slipway-pull-')
    const pull = await slipway(
      ['pull', `oci://${registry.host}/signed/demo`, '--version', '1.0.0', '-d', dest, '--prov'],
      { env },
    )
    expect(pull.code, pull.stderr).toBe(0)
    expect(readdirSync(dest).sort()).toEqual(['demo-1.0.0.tgz', 'demo-1.0.0.tgz.prov'])
    expect(readFileSync(join(dest, 'demo-1.0.0.tgz.prov'), 'utf8')).toBe('provenance bytes\n')
    const none = await slipway(
      ['pull', `oci://${registry.host}/helm/demo`, '--version', '1.0.0', '-d', dest, '--prov'],
      { env },
    )
    expect(none.code).toBe(1)
    expect(none.stderr).toContain('has no provenance file')
  })
})

describe('with auth', () => {
  it('pulls from an htpasswd registry with helm registry login credentials', async () => {
    const secured = await startRegistry({ auth: 'basic', users: { alice: 'wonderland' } })
    try {
      const loginEnv = isolatedHelmEnv()
      const login = await helm(
        ['registry', 'login', secured.host, '--insecure', '-u', 'alice', '-p', 'wonderland'],
        { env: loginEnv },
      )
      expect(login.code, login.stderr).toBe(0)
      const push = await slipway(['push', demo.path, `oci://${secured.host}/charts`], {
        env: loginEnv,
      })
      expect(push.code, push.stderr).toBe(0)
      const dest = tmp('slipway-pull-')
      const pull = await slipway(
        ['pull', `oci://${secured.host}/charts/demo`, '--version', '1.0.0', '-d', dest],
        { env: loginEnv },
      )
      expect(pull.code, pull.stderr).toBe(0)
      expect(readdirSync(dest)).toEqual(['demo-1.0.0.tgz'])
      const anonymous = await slipway(
        ['pull', `oci://${secured.host}/charts/demo`, '--version', '1.0.0'],
        { env: isolatedHelmEnv() },
      )
      expect(anonymous.code).toBe(1)
      expect(anonymous.stderr).toContain(`unauthorized: registry ${secured.host}`)
    } finally {
      await secured.stop()
    }
  })

  it('pushes and pulls with --username/--password against a token registry, interoperating with helm', async () => {
    const secured = await startRegistry({ auth: 'token', users: { alice: 'wonderland' } })
    try {
      const e = isolatedHelmEnv()
      const creds = ['--username', 'alice', '--password', 'wonderland']
      const push = await slipway(['push', demo.path, `oci://${secured.host}/charts`, ...creds], {
        env: e,
      })
      expect(push.code, push.stderr).toBe(0)
      const login = await helm(
        ['registry', 'login', secured.host, '--insecure', '-u', 'alice', '-p', 'wonderland'],
        { env: e },
      )
      expect(login.code, login.stderr).toBe(0)
      const dest = tmp('helm-pull-')
      const pulled = await helm(
        [
          'pull',
          `oci://${secured.host}/charts/demo`,
          '--version',
          '1.0.0',
          '-d',
          dest,
          '--plain-http',
        ],
        { env: e },
      )
      expect(pulled.code, pulled.stderr).toBe(0)
      expect(readFileSync(join(dest, 'demo-1.0.0.tgz')).equals(Buffer.from(demo.bytes))).toBe(true)
      const wrong = await slipway(
        [
          'pull',
          `oci://${secured.host}/charts/demo:1.0.0`,
          '--username',
          'alice',
          '--password',
          'nope',
        ],
        { env: isolatedHelmEnv() },
      )
      expect(wrong.code).toBe(1)
      expect(wrong.stderr).toContain(`unauthorized: registry ${secured.host}`)
    } finally {
      await secured.stop()
    }
  })
})
