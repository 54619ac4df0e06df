/**
 * The bundled CLI, as `bash scripts/start.sh` and the container run it: a CommonJS file started
 * with its V8 code cache, the smaller one for the chart commands. It must print what helm prints,
 * with the cache taken.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { helm, repoRoot, run } from '../support/tools.ts'

const cli = join(repoRoot, 'apps', 'cli')
const demo = join(repoRoot, 'test', 'fixtures', 'charts', 'demo')

describe('the bundled slipway CLI', () => {
  it('starts with its code cache and renders as helm template does', async () => {
    if (!existsSync(join(cli, 'dist', 'slipway.cjs'))) {
      execFileSync('pnpm', ['build'], { cwd: cli, stdio: 'ignore' })
    }
    const env: NodeJS.ProcessEnv = { ...process.env, SLIPWAY_DEBUG_CODE_CACHE: '1' }
    delete env.SLIPWAY_FROM_SOURCE
    const bundled = await run(
      process.execPath,
      [join(cli, 'bin', 'slipway.js'), 'template', 'rel', demo, '--set', 'replicas=3'],
      { env },
    )
    const reference = await helm(['template', 'rel', demo, '--set', 'replicas=3'])
    expect(bundled.stderr).toBe('slipway: slipway-render.cjs, code cache accepted\n')
    expect(bundled.code).toBe(0)
    expect(bundled.stdout).toBe(reference.stdout)

    // every other command runs from the whole bundle; both bundles know their commands
    for (const [command, bundle] of [
      ['show', 'slipway-render.cjs'],
      ['template', 'slipway-render.cjs'],
      ['package', 'slipway.cjs'],
      ['install', 'slipway.cjs'],
      ['serve', 'slipway.cjs'],
    ]) {
      const help = await run(
        process.execPath,
        [join(cli, 'bin', 'slipway.js'), command, '--help'],
        {
          env,
        },
      )
      expect(help.stderr).toBe(`slipway: ${bundle}, code cache accepted\n`)
      expect(help.code).toBe(0)
      expect(help.stdout).toContain(`slipway ${command}`)
    }
  }, 120_000)
})
