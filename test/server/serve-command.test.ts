import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { freePort } from '../support/ports.ts'
import { repoRoot, slipway } from '../support/tools.ts'

it('slipway serve starts the dashboard on the given port and stops on SIGTERM', async () => {
  const port = await freePort()
  const home = mkdtempSync(join(tmpdir(), 'slipway-serve-'))
  const child = spawn(
    process.execPath,
    [
      join(repoRoot, 'apps', 'cli', 'bin', 'slipway.js'),
      'serve',
      '--port',
      String(port),
      '--kubeconfig',
      join(home, 'none'),
    ],
    {
      env: { ...process.env, HOME: home, SLIPWAY_FROM_SOURCE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString()
        if (out.includes('\n')) resolve(out.trim())
      })
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)))
    })
    expect(line).toBe(`Slipway is serving at http://127.0.0.1:${port}`)
    const health = await fetch(`http://127.0.0.1:${port}/api/health`)
    expect(await health.json()).toEqual({ ok: true })
    const cluster = (await (await fetch(`http://127.0.0.1:${port}/api/cluster`)).json()) as {
      connected: boolean
    }
    expect(cluster.connected).toBe(false)
  } finally {
    child.kill('SIGTERM')
  }
})

it('slipway serve refuses a bad port', async () => {
  const result = await slipway(['serve', '--port', 'abc'])
  expect(result.code).not.toBe(0)
  expect(result.stderr).toContain('invalid --port "abc"')
})
