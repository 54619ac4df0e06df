import { startServer, type RunningServer } from '@slipway/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startKubeDouble, type KubeDouble } from '../kube-double/index.ts'
import { launchBrowser, screenshotPath, type Page, type TestBrowser } from '../support/browser.ts'
import { freePort } from '../support/ports.ts'
import { startRegistry, type TestRegistry } from '../support/registry.ts'
import { helm, isolatedHelmEnv, isolatedHome, kubectlPath, run } from '../support/tools.ts'
import { helmPush } from '../server/helpers.ts'
import { buildWebOnce } from './web-build.ts'

describe('Save → module page → Edit → Rollback → Delete, in Chromium against the Kubernetes double', () => {
  let registry: TestRegistry
  let kube: KubeDouble
  let server: RunningServer
  let browser: TestBrowser
  let page: Page
  let repository: string

  const kubectl = (...args: string[]) =>
    run(kubectlPath(), ['--kubeconfig', kube.kubeconfigPath, ...args])
  const values = () => page.getByRole('region', { name: 'Values' })
  const resources = () => page.getByRole('region', { name: 'Resources' })

  beforeAll(async () => {
    const [webRoot, reg, double] = await Promise.all([
      buildWebOnce(),
      startRegistry(),
      startKubeDouble({ kubelet: true }),
    ])
    registry = reg
    kube = double
    repository = `oci://${registry.host}/charts`
    await helmPush('demo', registry.host)
    const { env } = isolatedHome('slipway-e2e-')
    server = await startServer({
      port: await freePort(),
      webRoot,
      kubeconfig: kube.kubeconfigPath,
      env,
    })
    browser = await launchBrowser()
    page = await browser.newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await kube?.stop()
    await registry?.stop()
  })

  it('saves the demo chart with 2 replicas and shows the module page', async () => {
    await page.goto(`${server.url}/modules/new`)
    const source = page.getByRole('form', { name: 'Chart source' })
    await source.getByLabel('Repository').fill(repository)
    await source.getByLabel('Path').fill('demo')
    await source.getByLabel('Version').fill('1.0.0')
    await source.getByRole('button', { name: 'Load' }).click()
    await values()
      .getByLabel(/^Replicas/)
      .fill('2')
    // Save is enabled once the cluster answered and the form is valid
    const save = page.getByRole('button', { name: 'Save' })
    await page.locator('button:enabled', { hasText: /^Save$/ }).waitFor()
    await save.click()
    await page.getByRole('heading', { name: 'demo', level: 1 }).waitFor()
    await resources().getByRole('region', { name: 'Deployment' }).getByText('demo').waitFor()
    await resources().getByRole('region', { name: 'Service' }).getByText('demo').waitFor()
    // the kubelet of the double records Events for the Deployment and its pods
    await page.getByRole('region', { name: 'Events' }).locator('li').first().waitFor()
    await page.screenshot({ path: screenshotPath('module-page'), fullPage: true })

    const replicas = await kubectl(
      'get',
      'deploy',
      'demo',
      '-n',
      'default',
      '-o',
      'jsonpath={.spec.replicas}',
    )
    expect(replicas.stderr).toBe('')
    expect(replicas.stdout).toBe('2')
    const list = await helm(
      ['list', '-n', 'default', '-o', 'json', '--kubeconfig', kube.kubeconfigPath],
      { env: isolatedHelmEnv() },
    )
    expect(list.code).toBe(0)
    const releases = JSON.parse(list.stdout) as Array<{
      name: string
      chart: string
      status: string
      revision: string
    }>
    expect(releases.map((r) => [r.name, r.chart, r.status, r.revision])).toEqual([
      ['demo', 'demo-1.0.0', 'deployed', '1'],
    ])
  })

  it('lists the module on the modules page', async () => {
    await page.getByRole('link', { name: 'Modules' }).click()
    const row = page.getByRole('row', { name: /demo/ })
    await row.waitFor()
    await expect(row.textContent()).resolves.toContain('deployed')
    await row.getByRole('link', { name: 'demo' }).click()
    await page.getByRole('heading', { name: 'demo', level: 1 }).waitFor()
  })

  it('edits the module: service off, Save prunes the Service', async () => {
    await page.getByRole('link', { name: 'Edit' }).click()
    await page.getByRole('heading', { name: 'Edit demo' }).waitFor()
    await expect(
      values()
        .getByLabel(/^Replicas/)
        .inputValue(),
    ).resolves.toBe('2')
    await values()
      .getByLabel(/^Service/)
      .uncheck()
    await page.locator('button:enabled', { hasText: /^Save$/ }).click()
    await page.getByRole('heading', { name: 'demo', level: 1 }).waitFor()
    await page.getByRole('cell', { name: '2', exact: true }).first().waitFor()
    await expect(resources().getByRole('region', { name: 'Service' }).count()).resolves.toBe(0)
    const services = await kubectl('get', 'service', '-n', 'default', '-o', 'name')
    expect(services.stdout).not.toContain('service/demo')
  })

  it('rolls back to revision 1: the Service is back', async () => {
    await page.getByRole('button', { name: 'Roll back to revision 1' }).click()
    await resources().getByRole('region', { name: 'Service' }).getByText('demo').waitFor()
    const services = await kubectl('get', 'service', 'demo', '-n', 'default', '-o', 'name')
    expect(services.stdout.trim()).toBe('service/demo')
    const history = await helm(
      ['history', 'demo', '-n', 'default', '-o', 'json', '--kubeconfig', kube.kubeconfigPath],
      { env: isolatedHelmEnv() },
    )
    expect(
      (JSON.parse(history.stdout) as Array<{ revision: number }>).map((h) => h.revision),
    ).toEqual([1, 2, 3])
  })

  it('shows an object the cluster refuses as failed, with the API server message, beside the progress', async () => {
    const restore = kube.rejectObject(
      { kind: 'Deployment', name: 'demo' },
      'spec.replicas: Invalid value: quota allows 3 replicas',
    )
    try {
      await page.getByRole('link', { name: 'Edit' }).click()
      await page.getByRole('heading', { name: 'Edit demo' }).waitFor()
      await values()
        .getByLabel(/^Replicas/)
        .fill('5')
      await page.locator('button:enabled', { hasText: /^Save$/ }).click()
      const alert = page.getByRole('alert').filter({ hasText: 'quota allows 3 replicas' })
      await alert.waitFor()
      const progress = page.getByRole('log', { name: 'Save progress' })
      await expect(progress.textContent()).resolves.toContain('failed')
      await page.screenshot({ path: screenshotPath('save-refused'), fullPage: true })
    } finally {
      restore()
    }
    await page.getByRole('link', { name: /^Back to demo/ }).click()
    await page.getByRole('heading', { name: 'demo', level: 1 }).waitFor()
  })

  it('deletes the module after confirmation', async () => {
    await page.getByRole('button', { name: 'Delete' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete demo?' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Delete module' }).click()
    await page.getByRole('heading', { name: 'Modules', level: 1 }).waitFor()
    await page.getByRole('heading', { name: 'No modules yet' }).waitFor()
    const deploys = await kubectl('get', 'deploy', '-n', 'default', '-o', 'name')
    expect(deploys.stdout).not.toContain('demo')
    const list = await helm(
      ['list', '-n', 'default', '-o', 'json', '--kubeconfig', kube.kubeconfigPath],
      { env: isolatedHelmEnv() },
    )
    expect(JSON.parse(list.stdout)).toEqual([])
  })
})
