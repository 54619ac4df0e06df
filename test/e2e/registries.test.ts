import { startServer, type RunningServer } from '@slipway/server'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, screenshotPath, type Page, type TestBrowser } from '../support/browser.ts'
import { freePort } from '../support/ports.ts'
import { buildWebOnce } from './web-build.ts'

describe('Registries settings, in Chromium', () => {
  let server: RunningServer
  let browser: TestBrowser
  let page: Page
  let registryConfig: string

  beforeAll(async () => {
    const home = mkdtempSync(join(tmpdir(), 'slipway-e2e-registries-'))
    registryConfig = join(home, 'helm', 'registry', 'config.json')
    server = await startServer({
      port: await freePort(),
      webRoot: await buildWebOnce(),
      kubeconfig: join(home, 'no-kubeconfig'),
      env: {
        HOME: home,
        HELM_REGISTRY_CONFIG: registryConfig,
        DOCKER_CONFIG: join(home, 'docker'),
      },
    })
    browser = await launchBrowser()
    page = await browser.newPage()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('adds a login to Helm registry config, lists it without its password, and removes it', async () => {
    await page.goto(server.url)
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Registries' })
      .click()
    await page.getByRole('heading', { name: 'Registries', level: 1 }).waitFor()
    await page.getByText('No registry logins yet.').waitFor()
    const form = page.getByRole('form', { name: 'Registry login' })
    await form.getByRole('button', { name: 'Save login' }).click()
    await form.getByText('Registry is required').waitFor()
    await form.getByLabel('Registry').fill('registry.example.com:5000')
    await form.getByLabel('Username').fill('alice')
    await form.getByLabel('Password').fill('very-secret')
    await form.getByRole('button', { name: 'Save login' }).click()
    const row = page.getByRole('row', { name: /registry\.example\.com:5000/ })
    await row.waitFor()
    await expect(row.textContent()).resolves.toContain('alice')
    expect(await page.content()).not.toContain('very-secret')
    await expect(form.getByLabel('Password').inputValue()).resolves.toBe('')
    const config = JSON.parse(readFileSync(registryConfig, 'utf8'))
    expect(Buffer.from(config.auths['registry.example.com:5000'].auth, 'base64').toString()).toBe(
      'alice:very-secret',
    )
    await page.screenshot({ path: screenshotPath('registries'), fullPage: true })
    await page.getByRole('button', { name: 'Remove login for registry.example.com:5000' }).click()
    await page.getByText('No registry logins yet.').waitFor()
  })
})
