import { RegistryClient } from '@slipway/oci'
import { startServer, type RunningServer } from '@slipway/server'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, screenshotPath, type Page, type TestBrowser } from '../support/browser.ts'
import { freePort } from '../support/ports.ts'
import { helmPackage } from '../support/registry-content.ts'
import { startRegistry, type TestRegistry } from '../support/registry.ts'
import { fixtureChart, helmPush } from '../server/helpers.ts'
import { buildWebOnce } from './web-build.ts'
import { helm, isolatedHome } from '../support/tools.ts'

/** A chart whose schema uses Cyclops' extensions: order at two levels, fileExtension, x-suggestions. */
async function pushExtensionsChart(host: string): Promise<void> {
  const dir = join(mkdtempSync(join(tmpdir(), 'slipway-ext-')), 'extensions')
  mkdirSync(join(dir, 'templates'), { recursive: true })
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: extensions\nversion: 0.1.0\n')
  writeFileSync(
    join(dir, 'values.yaml'),
    'region: eu\nconfig: |\n  a: 1\nserver:\n  port: 80\n  host: example\n',
  )
  writeFileSync(
    join(dir, 'values.schema.json'),
    JSON.stringify({
      type: 'object',
      order: ['server', 'config', 'region'],
      properties: {
        region: { type: 'string', title: 'Region', 'x-suggestions': ['eu', 'us', 'ap'] },
        config: {
          type: 'string',
          title: 'Config',
          fileExtension: 'yaml',
          description: 'Extra configuration.',
        },
        server: {
          type: 'object',
          title: 'Server',
          order: ['host', 'port'],
          properties: { port: { type: 'integer' }, host: { type: 'string' } },
        },
      },
    }),
  )
  writeFileSync(
    join(dir, 'templates', 'cm.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n',
  )
  const pkg = await helmPackage(dir)
  const pushed = await helm(['push', pkg.path, `oci://${host}/charts`, '--plain-http'])
  if (pushed.code !== 0) throw new Error(pushed.stderr)
}

describe('Add module → Load → form, in Chromium', () => {
  let registry: TestRegistry
  let server: RunningServer
  let browser: TestBrowser
  let page: Page
  let repository: string

  beforeAll(async () => {
    const [webRoot, reg] = await Promise.all([buildWebOnce(), startRegistry()])
    registry = reg
    repository = `oci://${registry.host}/charts`
    await helmPush('demo', registry.host)
    await helmPush('no-schema', registry.host)
    await helmPush('nested', registry.host)
    await pushExtensionsChart(registry.host)
    const older = await helmPackage(fixtureChart('demo'), ['--version', '0.9.0'])
    await new RegistryClient({ plainHttp: true }).pushChart(
      `${repository}/demo:0.9.0`,
      older.bytes,
      { name: 'demo', version: '0.9.0' },
    )
    const { home, env } = isolatedHome('slipway-e2e-')
    // no cluster: the dashboard must still load charts and preview manifests
    server = await startServer({
      port: await freePort(),
      webRoot,
      kubeconfig: join(home, 'no-such-kubeconfig'),
      env,
    })
    browser = await launchBrowser()
    page = await browser.newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await registry?.stop()
  })

  const source = () => page.getByRole('form', { name: 'Chart source' })
  const values = () => page.getByRole('region', { name: 'Values' })

  it('opens the dashboard on the modules list', async () => {
    await page.goto(server.url)
    await expect(
      page.getByRole('heading', { name: 'Modules', level: 1 }).isVisible(),
    ).resolves.toBe(true)
    await page.getByRole('heading', { name: 'No modules yet' }).waitFor()
    await page.getByRole('link', { name: 'Add module' }).click()
    await page.getByRole('heading', { name: 'Add module', level: 1 }).waitFor()
  })

  it('offers the repository versions newest first', async () => {
    await source().getByLabel('Repository').fill(repository)
    await source().getByLabel('Path').fill('demo')
    await source().getByLabel('Version').focus()
    await source().getByText('2 versions available').waitFor()
    const listId = await source().getByLabel('Version').getAttribute('list')
    const options = await page
      .locator(`datalist[id="${listId}"] option`)
      .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value))
    expect(options).toEqual(['1.0.0', '0.9.0'])
  })

  it('loads the demo chart into a form with the schema order, enum, defaults and live validation', async () => {
    await source().getByLabel('Version').fill('1.0.0')
    // hold the answer to see the progress state
    let release!: () => void
    const held = new Promise<void>((done) => (release = done))
    await page.route('**/api/charts?*', async (route) => {
      await held
      await route.continue()
    })
    await source().getByRole('button', { name: 'Load' }).click()
    await page.getByRole('status').filter({ hasText: 'Loading chart' }).waitFor()
    release()
    await values().waitFor()
    await page.unroute('**/api/charts?*')

    const fieldIds = await values()
      .locator('input, select, textarea')
      .evaluateAll((els) => els.map((e) => e.id))
    expect(fieldIds).toEqual([
      'values_name',
      'values_replicas',
      'values_image',
      'values_version',
      'values_service',
    ])
    // every field is labelled by its title, with its description as help text
    const labelled = async (label: RegExp) => values().getByLabel(label)
    await expect((await labelled(/^Name/)).inputValue()).resolves.toBe('demo')
    await expect((await labelled(/^Replicas/)).inputValue()).resolves.toBe('1')
    await expect((await labelled(/^Image/)).inputValue()).resolves.toBe('nginx')
    // rjsf's select keeps option indexes as values: read the chosen option's text
    await expect(
      (await labelled(/^Version/)).evaluate(
        (el) =>
          (el as unknown as { selectedOptions: Array<{ textContent: string }> }).selectedOptions[0]
            ?.textContent,
      ),
    ).resolves.toBe('1.14.2')
    await expect((await labelled(/^Service/)).isChecked()).resolves.toBe(true)
    await expect(values().getByText('How many pods run at once.').isVisible()).resolves.toBe(true)
    const enumOptions = await values()
      .getByLabel(/^Version/)
      .locator('option')
      .evaluateAll((els) => els.map((e) => e.textContent ?? '').filter((v) => v !== ''))
    expect(enumOptions).toEqual(['1.14.2', '1.25.5', '1.27.3'])
    expect(
      await values()
        .getByLabel(/^Replicas/)
        .getAttribute('min'),
    ).toBe('0')

    // module identity above the chart's form
    const moduleSection = page.getByRole('region', { name: 'Module' })
    await expect(moduleSection.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe(
      'demo',
    )
    await expect(moduleSection.getByLabel('Namespace').inputValue()).resolves.toBe('default')
    await expect(page.getByRole('button', { name: 'Save' }).isDisabled()).resolves.toBe(true)

    await values()
      .getByLabel(/^Replicas/)
      .fill('-1')
    await values().getByText('Must be greater than or equal to 0').waitFor()
    await page.screenshot({ path: screenshotPath('add-module-demo'), fullPage: true })
  })

  it('without a cluster, says how to connect one and still previews the manifests', async () => {
    const notice = page.getByRole('note', { name: 'No cluster' })
    await notice.waitFor()
    await expect(notice.textContent()).resolves.toContain('KUBECONFIG')
    await expect(page.getByRole('button', { name: 'Save' }).getAttribute('title')).resolves.toBe(
      'No cluster connected',
    )
    await values()
      .getByLabel(/^Replicas/)
      .fill('3')
    await page.getByRole('button', { name: 'Preview' }).click()
    const preview = page.getByRole('region', { name: 'Preview' })
    await preview.getByText('2 objects: Service/demo, Deployment/demo').waitFor()
    const deployment = preview.locator('details').filter({ hasText: 'Deployment demo' })
    await deployment.getByText('Deployment demo').click()
    await expect(deployment.locator('pre').textContent()).resolves.toContain('replicas: 3')
    await page.screenshot({ path: screenshotPath('add-module-preview'), fullPage: true })
  })

  it('draws $ref, nested sections, arrays with add/remove, maps and oneOf from plain JSON Schema', async () => {
    await source().getByLabel('Path').fill('nested')
    await source().getByLabel('Version').fill('')
    await source().getByRole('button', { name: 'Load' }).click()
    await values().getByRole('group', { name: 'Application' }).waitFor()
    await expect(
      values()
        .getByLabel(/^Repository/)
        .inputValue(),
    ).resolves.toBe('ghcr.io/example/shop')
    const pullPolicy = await values()
      .getByLabel(/^Pull policy/)
      .locator('option')
      .allTextContents()
    expect(pullPolicy.filter((o) => o !== '')).toEqual(['Always', 'IfNotPresent', 'Never'])
    const env = values().getByRole('group', { name: 'Environment', exact: true })
    await expect(env.getByRole('textbox', { name: /^Name/ }).count()).resolves.toBe(2)
    await env.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(env.getByRole('textbox', { name: /^Name/ }).count()).resolves.toBe(3)
    await env.getByRole('button', { name: 'Remove', exact: true }).last().click()
    await expect(env.getByRole('textbox', { name: /^Name/ }).count()).resolves.toBe(2)
    // resources.order puts requests before limits, although values.yaml has limits first
    const resourceIds = await values()
      .getByRole('group', { name: 'Resources' })
      .locator('input')
      .evaluateAll((els) => els.map((e) => e.id))
    expect(resourceIds).toEqual([
      'values_app_resources_requests_cpu',
      'values_app_resources_requests_memory',
      'values_app_resources_limits_cpu',
      'values_app_resources_limits_memory',
    ])
    await expect(
      values()
        .getByLabel(/^createdAt/)
        .getAttribute('readonly'),
    ).resolves.not.toBeNull()
    await values()
      .getByLabel(/^Replicas/)
      .fill('30')
    await values().getByText('Must be less than or equal to 20').waitFor()
    await page.screenshot({ path: screenshotPath('add-module-nested'), fullPage: true })
  })

  it('honours fileExtension (code editor) and x-suggestions, in the order the schema gives', async () => {
    await source().getByLabel('Path').fill('extensions')
    await source().getByRole('button', { name: 'Load' }).click()
    // CodeMirror replaces the plain text area once it has loaded
    const editor = values().locator('[contenteditable="true"][aria-label="Config"]')
    await editor.waitFor()
    await expect(editor.getAttribute('role')).resolves.toBe('textbox')
    await expect(editor.textContent()).resolves.toContain('a: 1')
    const region = values().getByLabel('Region')
    await expect(region.inputValue()).resolves.toBe('eu')
    const listId = await region.getAttribute('list')
    const suggestions = await page
      .locator(`datalist[id="${listId}"] option`)
      .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value))
    expect(suggestions).toEqual(['eu', 'us', 'ap'])
    const ids = await values()
      .locator('input, select, textarea, [contenteditable="true"]')
      .evaluateAll((els) => els.map((e) => e.id || e.getAttribute('aria-label')))
    expect(ids.filter((id) => id !== 'values_config')).toEqual([
      'values_server_host',
      'values_server_port',
      'Config',
      'values_region',
    ])
  })

  it('infers a form for a chart without a schema', async () => {
    await source().getByLabel('Path').fill('no-schema')
    await source().getByLabel('Version').fill('')
    await source().getByRole('button', { name: 'Load' }).click()
    await page.getByText('the form below was inferred from its values.yaml').waitFor()
    await expect(values().getByLabel('replicaCount').inputValue()).resolves.toBe('3')
    await expect(values().getByLabel('repository').inputValue()).resolves.toBe(
      'registry.example.com/team/api',
    )
    await expect(values().getByLabel('debug').isChecked()).resolves.toBe(false)
    await page.screenshot({ path: screenshotPath('add-module-inferred'), fullPage: true })
  })

  it('shows a clear error next to Path for a chart that does not exist', async () => {
    await source().getByLabel('Path').fill('nope')
    await source().getByLabel('Version').fill('1.0.0')
    await source().getByRole('button', { name: 'Load' }).click()
    const error = source().getByRole('alert')
    await error.waitFor()
    await expect(error.textContent()).resolves.toBe(
      `No chart "nope" in ${repository}: check the Path`,
    )
    await expect(source().getByLabel('Path').getAttribute('aria-invalid')).resolves.toBe('true')
    // the error is tied to the input it is about
    const describedBy = (await source().getByLabel('Path').getAttribute('aria-describedby')) ?? ''
    expect(describedBy.split(' ')).toContain(await error.getAttribute('id'))
    await page.screenshot({ path: screenshotPath('add-module-wrong-path') })
  })
})
