import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CredentialStore } from './credentials.ts'

const b64 = (s: string) => Buffer.from(s).toString('base64')

describe('CredentialStore', () => {
  it("reads Helm's and Docker's files, Helm's winning, and writes Helm's", async () => {
    const home = mkdtempSync(join(tmpdir(), 'slipway-creds-'))
    mkdirSync(join(home, '.docker'))
    writeFileSync(
      join(home, '.docker', 'config.json'),
      JSON.stringify({
        auths: {
          'https://index.docker.io/v1/': { auth: b64('hub:hubpass') },
          'ghcr.io': { auth: b64('docker:dpass') },
        },
      }),
    )
    const helmConfig = join(home, 'helm', 'config.json')
    mkdirSync(join(home, 'helm'))
    writeFileSync(
      helmConfig,
      JSON.stringify({ auths: { 'ghcr.io': { auth: b64('helm:h:pass') } } }),
    )
    const store = CredentialStore.fromDefaultLocations({
      HOME: home,
      HELM_REGISTRY_CONFIG: helmConfig,
    })
    expect(store.get('docker.io')).toEqual({ username: 'hub', password: 'hubpass' })
    expect(store.get('registry-1.docker.io')).toEqual({ username: 'hub', password: 'hubpass' })
    expect(store.get('ghcr.io')).toEqual({ username: 'helm', password: 'h:pass' })
    expect(store.hosts()).toEqual(['ghcr.io', 'registry-1.docker.io'])

    await store.set('127.0.0.1:5000', { username: 'u', password: 'p' })
    const written = JSON.parse(readFileSync(helmConfig, 'utf8'))
    expect(written.auths['127.0.0.1:5000']).toEqual({ auth: b64('u:p') })
    expect(written.auths['ghcr.io']).toBeDefined()
    const again = CredentialStore.fromDefaultLocations({
      HOME: home,
      HELM_REGISTRY_CONFIG: helmConfig,
    })
    expect(again.get('127.0.0.1:5000')).toEqual({ username: 'u', password: 'p' })

    await again.remove('127.0.0.1:5000')
    expect(again.get('127.0.0.1:5000')).toBeUndefined()
    expect(JSON.parse(readFileSync(helmConfig, 'utf8')).auths['127.0.0.1:5000']).toBeUndefined()
  })

  it('defaults to ~/.config/helm/registry/config.json', () => {
    const store = CredentialStore.fromDefaultLocations({ HOME: '/nonexistent-home' })
    expect(store.helmConfigPath).toBe('/nonexistent-home/.config/helm/registry/config.json')
    expect(store.sources).toContain('/nonexistent-home/.docker/config.json')
    expect(store.hosts()).toEqual([])
  })
})
