/**
 * The render server, as users meet it: the bundled `slipway template` starts one on first use
 * and hands it later runs. Whichever way a run goes, it prints what helm prints, with the same
 * errors and exit codes as a run in its own process.
 */
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { helm, repoRoot, run } from '../support/tools.ts'

const cli = join(repoRoot, 'apps', 'cli')
const script = join(cli, 'bin', 'slipway.js')
const demo = join(repoRoot, 'test', 'fixtures', 'charts', 'demo')

const scratch = mkdtempSync(join(tmpdir(), 'render-server-'))
const socketDir = join(scratch, 'sock')
const env: NodeJS.ProcessEnv = {
  ...process.env,
  SLIPWAY_RENDER_SERVER: '1',
  SLIPWAY_RENDER_SERVER_DIR: socketDir,
  SLIPWAY_DEBUG_RENDER_SERVER: '1',
}
delete env.SLIPWAY_FROM_SOURCE
const inProcessEnv = { ...env, SLIPWAY_RENDER_SERVER: '0' }

const slipway = (args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) =>
  run(process.execPath, [script, ...args], { env: options.env ?? env, cwd: options.cwd })

const debugLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('slipway: '))
const withoutDebug = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => !l.startsWith('slipway: '))
    .join('\n')

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return
    await sleep(100)
  }
  throw new Error(`gave up waiting until ${what}`)
}

const sockets = (dir = socketDir) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.sock')) : []

async function serverPid(options: { env?: NodeJS.ProcessEnv } = {}): Promise<number | undefined> {
  const status = await slipway(['render-server', 'status'], options)
  const pid = /^pid: (\d+)$/m.exec(status.stdout)?.[1]
  return pid ? Number(pid) : undefined
}

const started: number[] = []

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('the render server', () => {
  beforeAll(async () => {
    if (!existsSync(join(cli, 'dist', 'render-client.cjs'))) {
      execFileSync('pnpm', ['build'], { cwd: cli, stdio: 'ignore' })
    }
  }, 180_000)

  afterAll(async () => {
    for (const e of [env]) await slipway(['render-server', 'stop'], { env: e })
    for (const pid of started) {
      try {
        process.kill(pid)
      } catch {
        // stopped already
      }
    }
    rmSync(scratch, { recursive: true, force: true })
  })

  it('starts on first use, then renders later runs as helm does, edits included', async () => {
    const chart = join(scratch, 'demo')
    cpSync(demo, chart, { recursive: true })
    writeFileSync(join(scratch, 'values.yaml'), 'replicas: 3\n')
    const args = ['template', 'rel', 'demo', '-f', 'values.yaml', '--set', 'name=web']
    const reference = await helm(args, { cwd: scratch })
    expect(reference.code).toBe(0)

    const first = await slipway(args, { cwd: scratch })
    expect(debugLines(first.stderr)).toEqual([
      'slipway: render server starting: rendering in this process',
    ])
    expect(first.code).toBe(0)
    expect(first.stdout).toBe(reference.stdout)

    await until('the server answers', async () => (await serverPid()) !== undefined)
    started.push((await serverPid()) as number)
    expect(sockets()).toHaveLength(1)
    // it rendered the command that started it (and its training chart), so the next run
    // finds the chart loaded and parsed
    await until('the server has warmed up', async () =>
      /^charts kept: 2$/m.test((await slipway(['render-server', 'status'])).stdout),
    )

    const second = await slipway(args, { cwd: scratch })
    expect(debugLines(second.stderr)).toEqual([
      `slipway: rendered by the render server (${join(socketDir, sockets()[0] as string)})`,
    ])
    expect(second.code).toBe(0)
    expect(second.stdout).toBe(reference.stdout)

    // the chart is read again on every run: an edit shows at once
    writeFileSync(
      join(chart, 'templates', 'service.yaml'),
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}-edited\n',
    )
    const edited = await slipway(args, { cwd: scratch })
    const editedReference = await helm(args, { cwd: scratch })
    expect(edited.stdout).toContain('name: web-edited')
    expect(edited.stdout).toBe(editedReference.stdout)
    expect(debugLines(edited.stderr)[0]).toMatch(/rendered by the render server/)

    const status = await slipway(['render-server', 'status'])
    expect(status.code).toBe(0)
    expect(status.stdout).toMatch(/^render server: running\n/)
    expect(status.stdout).toMatch(/^renders served: 2$/m)
  })

  it('fails as a run in its own process fails: same message, same exit code', async () => {
    const broken = join(scratch, 'broken')
    cpSync(demo, broken, { recursive: true })
    writeFileSync(
      join(broken, 'templates', 'fail.yaml'),
      '{{ if gt (int .Values.replicas) 5 }}{{ fail "at most 5 replicas" }}{{ end }}\n',
    )
    await until('the server answers', async () => (await serverPid()) !== undefined)
    for (const args of [
      ['template', 'rel', broken, '--set', 'replicas=9'],
      ['template', 'rel', broken, '--set', 'replicas=-1'],
      ['template', 'rel', join(scratch, 'missing')],
      ['template', 'Bad_Name', broken],
      ['template', 'rel', broken, '--no-such-flag'],
      ['template', 'rel', broken, '-f', 'nowhere.yaml'],
    ]) {
      const served = await slipway(args, { cwd: scratch })
      const alone = await slipway(args, { cwd: scratch, env: inProcessEnv })
      expect(debugLines(served.stderr)[0], args.join(' ')).toMatch(/rendered by the render server/)
      expect(served.code, args.join(' ')).toBe(1)
      expect(served.code).toBe(alone.code)
      expect(withoutDebug(served.stderr)).toBe(withoutDebug(alone.stderr))
      expect(withoutDebug(served.stderr)).toMatch(/^Error: /)
      expect(served.stdout).toBe(alone.stdout)
    }
    const reference = await helm(['template', 'rel', broken, '--set', 'replicas=9'])
    expect(reference.stderr).toContain('at most 5 replicas')
  })

  it('serves clients that come at once, each with its own values', async () => {
    await until('the server answers', async () => (await serverPid()) !== undefined)
    const counts = [1, 2, 3, 4, 5, 6]
    const results = await Promise.all(
      counts.map((n) => slipway(['template', `rel${n}`, demo, '--set', `replicas=${n}`])),
    )
    for (const [i, n] of counts.entries()) {
      const result = results[i]
      expect(result?.code).toBe(0)
      expect(debugLines(result?.stderr ?? '')[0]).toMatch(/rendered by the render server/)
      const reference = await helm(['template', `rel${n}`, demo, '--set', `replicas=${n}`])
      expect(result?.stdout).toBe(reference.stdout)
    }
  })

  it('leaves remote charts and another time zone to the client', async () => {
    await until('the server answers', async () => (await serverPid()) !== undefined)
    const remote = await slipway(['template', 'rel', 'oci://127.0.0.1:1/charts/demo'])
    expect(debugLines(remote.stderr)).toEqual([
      'slipway: the render server leaves this command to the client: rendering in this process',
    ])
    expect(remote.code).toBe(1)
    expect(withoutDebug(remote.stderr)).toMatch(/^Error: .*127\.0\.0\.1:1/)

    const zone = await slipway(['template', 'rel', demo], { env: { ...env, TZ: 'Asia/Tokyo' } })
    expect(debugLines(zone.stderr)[0]).toMatch(/leaves this command to the client/)
    expect(zone.stdout).toBe((await helm(['template', 'rel', demo])).stdout)
  })

  it('answers a malformed request with an error and keeps serving', async () => {
    await until('the server answers', async () => (await serverPid()) !== undefined)
    const socket = join(socketDir, sockets()[0] as string)
    const reply = await new Promise<string>((resolve, reject) => {
      const conn = connect(socket)
      const chunks: Buffer[] = []
      conn.on('connect', () => conn.write('{"op":"run","argv":"template"}\n'))
      conn.on('data', (c: Buffer) => chunks.push(c))
      conn.on('error', reject)
      conn.on('close', () => resolve(Buffer.concat(chunks).subarray(5).toString()))
    })
    expect(reply).toBe('Error: render server: request argv is not a list of strings\n')
    const after = await slipway(['template', 'rel', demo])
    expect(debugLines(after.stderr)[0]).toMatch(/rendered by the render server/)
  })

  it('stops on request, and the next run starts another', async () => {
    const pid = await serverPid()
    expect(pid).toBeDefined()
    const stop = await slipway(['render-server', 'stop'])
    expect(stop.stdout).toBe('render server: stopped\n')
    await until('the socket is gone', () => sockets().length === 0)
    await until('the process has exited', () => !alive(pid as number))
    const status = await slipway(['render-server', 'status'])
    expect(status.code).toBe(1)
    expect(status.stdout).toBe('render server: not running\n')
    expect((await slipway(['render-server', 'stop'])).code).toBe(0)

    const next = await slipway(['template', 'rel', demo])
    expect(debugLines(next.stderr)[0]).toMatch(/render server starting/)
    await until('a new server answers', async () => (await serverPid()) !== undefined)
    const newPid = (await serverPid()) as number
    started.push(newPid)
    expect(newPid).not.toBe(pid)
  })

  it('stops by itself after the idle time', async () => {
    const dir = join(scratch, 'idle')
    const idleEnv = { ...env, SLIPWAY_RENDER_SERVER_DIR: dir, SLIPWAY_RENDER_SERVER_IDLE: '1' }
    await slipway(['template', 'rel', demo], { env: idleEnv })
    await until('the server has started', () => sockets(dir).length === 1)
    const pid = await serverPid({ env: idleEnv })
    if (pid) started.push(pid)
    await until('the idle server has stopped', () => sockets(dir).length === 0)
    if (pid) await until('the process has exited', () => !alive(pid))
    expect((await slipway(['render-server', 'status'], { env: idleEnv })).code).toBe(1)
  })

  it('takes over the socket of a server that died', async () => {
    const dir = join(scratch, 'stale')
    const staleEnv = { ...env, SLIPWAY_RENDER_SERVER_DIR: dir }
    // learn the socket's name from a server, then leave its file behind with nobody listening
    await slipway(['template', 'rel', demo], { env: staleEnv })
    await until(
      'the server has started',
      async () => (await serverPid({ env: staleEnv })) !== undefined,
    )
    const pid = (await serverPid({ env: staleEnv })) as number
    const name = sockets(dir)[0] as string
    process.kill(pid, 'SIGKILL')
    await until(
      'the server is gone',
      async () => (await serverPid({ env: staleEnv })) === undefined,
    )
    expect(sockets(dir)).toEqual([name])

    const next = await slipway(['template', 'rel', demo], { env: staleEnv })
    expect(debugLines(next.stderr)[0]).toMatch(/render server starting/)
    expect(next.code).toBe(0)
    await until(
      'a new server answers',
      async () => (await serverPid({ env: staleEnv })) !== undefined,
    )
    started.push((await serverPid({ env: staleEnv })) as number)
    const served = await slipway(['template', 'rel', demo], { env: staleEnv })
    expect(debugLines(served.stderr)[0]).toMatch(/rendered by the render server/)
    await slipway(['render-server', 'stop'], { env: staleEnv })
  })

  it('starts no server for a remote chart, which it would leave to the client', async () => {
    const dir = join(scratch, 'remote')
    const remoteEnv = { ...env, SLIPWAY_RENDER_SERVER_DIR: dir }
    for (const args of [
      ['template', 'rel', 'oci://127.0.0.1:1/charts/demo'],
      ['template', 'rel', 'demo', '--repo', 'http://127.0.0.1:1/charts'],
    ]) {
      const result = await slipway(args, { env: remoteEnv })
      expect(debugLines(result.stderr)).toEqual([
        'slipway: no render server for a remote chart: rendering in this process',
      ])
      expect(result.code).toBe(1)
    }
    // a server started at exit would have made its mark and socket by now
    await sleep(500)
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([])
  })

  it('compiles its bundle with the code cache, started with the V8 flags the cache was made with', async () => {
    const dir = join(scratch, 'cache')
    const cacheEnv = { ...env, SLIPWAY_RENDER_SERVER_DIR: dir, SLIPWAY_DEBUG_CODE_CACHE: '1' }
    await slipway(['template', 'rel', demo], { env: cacheEnv })
    await until(
      'the server has started',
      async () => (await serverPid({ env: cacheEnv })) !== undefined,
    )
    started.push((await serverPid({ env: cacheEnv })) as number)
    const log = readFileSync(join(dir, `${sockets(dir)[0] as string}.log`), 'utf8')
    expect(log).toBe('slipway: slipway-render.cjs, code cache accepted\n')
    await slipway(['render-server', 'stop'], { env: cacheEnv })
  })

  it('is started by one client at a time', async () => {
    const dir = join(scratch, 'starting')
    const startingEnv = { ...env, SLIPWAY_RENDER_SERVER_DIR: dir }
    await slipway(['template', 'rel', demo], { env: startingEnv })
    await until(
      'the server has started',
      async () => (await serverPid({ env: startingEnv })) !== undefined,
    )
    const name = sockets(dir)[0] as string
    // the server took its mark away once it listened
    expect(readdirSync(dir).sort()).toEqual([name, `${name}.log`])
    await slipway(['render-server', 'stop'], { env: startingEnv })
    await until('the socket is gone', () => sockets(dir).length === 0)

    // another client is starting one: this one renders alone and starts none
    writeFileSync(join(dir, `${name}.starting`), '')
    const result = await slipway(['template', 'rel', demo], { env: startingEnv })
    expect(debugLines(result.stderr)).toEqual([
      'slipway: render server starting elsewhere: rendering in this process',
    ])
    expect(result.stdout).toBe((await helm(['template', 'rel', demo])).stdout)
    await sleep(1000)
    expect(sockets(dir)).toEqual([])
  })

  it('never puts its socket where others can reach it', async () => {
    const open = join(scratch, 'open')
    mkdirSync(open)
    chmodSync(open, 0o777)
    const openEnv = { ...env, SLIPWAY_RENDER_SERVER_DIR: open }
    const result = await slipway(['template', 'rel', demo], { env: openEnv })
    expect(debugLines(result.stderr)).toEqual([
      'slipway: no private directory for the render server socket: rendering in this process',
    ])
    expect(result.stdout).toBe((await helm(['template', 'rel', demo])).stdout)
    await sleep(500)
    expect(readdirSync(open)).toEqual([])
  })

  it('is off where CI is set, unless asked for', async () => {
    const ciEnv: NodeJS.ProcessEnv = {
      ...env,
      CI: 'true',
      SLIPWAY_RENDER_SERVER_DIR: join(scratch, 'ci'),
    }
    delete ciEnv.SLIPWAY_RENDER_SERVER
    const result = await slipway(['template', 'rel', demo], { env: ciEnv })
    expect(debugLines(result.stderr)[0]).toMatch(/render server off/)
    expect(existsSync(join(scratch, 'ci'))).toBe(false)
  })
})
