import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot, run } from '../support/tools.ts'

let built: Promise<string> | undefined

// every file the UI build reads from the repository (dependencies are pinned by the lockfile)
function sourceHash(): string {
  const hash = createHash('sha256')
  const visit = (path: string) => {
    if (!existsSync(path)) return
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort())
        if (name !== 'node_modules' && name !== 'dist') visit(join(path, name))
    } else {
      hash.update(path).update(readFileSync(path))
    }
  }
  visit(join(repoRoot, 'apps', 'web'))
  visit(join(repoRoot, 'packages', 'api', 'src'))
  visit(join(repoRoot, 'pnpm-lock.yaml'))
  return hash.digest('hex').slice(0, 16)
}

/**
 * The web UI built from its current sources, so end-to-end tests never run against a stale
 * apps/web/dist. The build is kept in the temp directory under a hash of its sources and shared
 * by test files and runs until a source changes.
 */
export function buildWebOnce(): Promise<string> {
  built ??= (async () => {
    const target = join(tmpdir(), `slipway-web-${sourceHash()}`)
    if (existsSync(join(target, 'index.html'))) return target
    const outDir = mkdtempSync(join(tmpdir(), 'slipway-web-build-'))
    const webDir = join(repoRoot, 'apps', 'web')
    const vite = join(webDir, 'node_modules', 'vite', 'bin', 'vite.js')
    const result = await run(
      process.execPath,
      [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: webDir, timeoutMs: 180_000 },
    )
    if (result.code !== 0 || !existsSync(join(outDir, 'index.html'))) {
      throw new Error(`building the web UI failed:\n${result.stdout}\n${result.stderr}`)
    }
    try {
      renameSync(outDir, target)
    } catch {
      // another test file finished the same build first: use that one
      rmSync(outDir, { recursive: true, force: true })
    }
    return target
  })()
  return built
}
