import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRegistry, type TestRegistry } from '../support/registry.ts'

describe('test registry harness', () => {
  let open: TestRegistry
  let basic: TestRegistry
  let token: TestRegistry
  beforeAll(async () => {
    ;[open, basic, token] = await Promise.all([
      startRegistry(),
      startRegistry({ auth: 'basic', users: { alice: 'wonderland' } }),
      startRegistry({ auth: 'token', users: { alice: 'wonderland' } }),
    ])
  })
  afterAll(async () => {
    await Promise.all([open?.stop(), basic?.stop(), token?.stop()])
  })

  it('serves the distribution API and counts requests at the registry', async () => {
    const res = await fetch(`${open.url}/v2/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('docker-distribution-api-version')).toBe('registry/2.0')
    await fetch(`${open.url}/v2/nothing/manifests/1.0.0`).then((r) => r.arrayBuffer())
    expect(open.requests.entries).toEqual([
      { method: 'GET', path: '/v2/', status: 200 },
      { method: 'GET', path: '/v2/nothing/manifests/1.0.0', status: 404 },
    ])
    expect(open.requests.manifests('nothing')).toHaveLength(1)
  })

  it('asks for Basic credentials with htpasswd auth', async () => {
    const anonymous = await fetch(`${basic.url}/v2/`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm=/)
    const good = await fetch(`${basic.url}/v2/`, {
      headers: { Authorization: `Basic ${Buffer.from('alice:wonderland').toString('base64')}` },
    })
    expect(good.status).toBe(200)
    const bad = await fetch(`${basic.url}/v2/`, {
      headers: { Authorization: `Basic ${Buffer.from('alice:nope').toString('base64')}` },
    })
    expect(bad.status).toBe(401)
  })

  it('issues Bearer tokens the registry accepts, only for valid users', async () => {
    const challenge = await fetch(`${token.url}/v2/`)
    expect(challenge.status).toBe(401)
    expect(challenge.headers.get('www-authenticate')).toContain(`realm="${token.url}/token"`)
    const tokenUrl = `${token.url}/token?service=slipway-test-registry&scope=repository:a/b:pull`
    const refused = await fetch(tokenUrl, {
      headers: { Authorization: `Basic ${Buffer.from('alice:nope').toString('base64')}` },
    })
    expect(refused.status).toBe(401)
    const granted = await fetch(tokenUrl, {
      headers: { Authorization: `Basic ${Buffer.from('alice:wonderland').toString('base64')}` },
    })
    const { token: jwt } = (await granted.json()) as { token: string }
    const ok = await fetch(`${token.url}/v2/a/b/tags/list`, {
      headers: { Authorization: `Bearer ${jwt}` },
    })
    // the token is accepted: the repository simply does not exist yet
    expect(ok.status).toBe(404)
    const wrongScope = await fetch(`${token.url}/v2/c/d/tags/list`, {
      headers: { Authorization: `Bearer ${jwt}` },
    })
    expect(wrongScope.status).toBe(401)
  })
})
