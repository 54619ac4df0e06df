/**
 * Real headless Chromium for end-to-end tests, through playwright-core and Debian's chromium
 * (never a downloaded browser build).
 *
 * ```ts
 * const browser = await launchBrowser()
 * const page = await browser.newPage()
 * await page.goto(server.url)
 * await browser.close()   // also removes the profile directory
 * ```
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { repoRoot } from './tools.ts'

/** Debian's Chromium. */
export const chromiumPath = '/usr/bin/chromium'

/** Flags that keep Chromium quiet, offline and runnable as root in a container. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** A browser with its own fresh profile; `close()` ends it and removes the profile. */
export interface TestBrowser {
  context: BrowserContext
  newPage(): Promise<Page>
  close(): Promise<void>
}

/** Launches headless Chromium with a fresh `--user-data-dir`. */
export async function launchBrowser(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'slipway-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: options.viewport ?? { width: 1280, height: 900 },
  })
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Where screenshots go (gitignored). */
export function screenshotPath(name: string): string {
  const dir = join(repoRoot, 'test-output', 'screenshots')
  mkdirSync(dir, { recursive: true })
  return join(dir, `${name}.png`)
}

export type { Browser, Page }
