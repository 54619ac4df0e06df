import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot, run } from '../support/tools.ts'

let built: Promise<string> | undefined

/**
 * Builds the web UI from its current sources into a temporary directory (once per test
 * process), so end-to-end tests never run against a stale apps/web/dist.
 */
export function buildWebOnce(): Promise<string> {
  built ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'slipway-web-'))
    const webDir = join(repoRoot, 'apps', 'web')
    const vite = join(webDir, 'node_modules', 'vite', 'bin', 'vite.js')
    const result = await run(
      process.execPath,
      [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: webDir,
        timeoutMs: 180_000,
      },
    )
    if (result.code !== 0 || !existsSync(join(outDir, 'index.html'))) {
      throw new Error(`building the web UI failed:\n${result.stdout}\n${result.stderr}`)
    }
    return outDir
  })()
  return built
}
