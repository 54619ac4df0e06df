/**
 * Render speed: per chart, the wall time and peak RSS of `helm template` and of
 * `slipway template` as whole processes (the CLI as users run it, bundled when built): alone
 * (`cli`, SLIPWAY_RENDER_SERVER=0), and handed to a running render server (`start`: the run that
 * starts one, `2nd`: the next run, once the server has warmed up on the first one's chart,
 * `served`: the median of the runs after), and the in-process warm render time
 * (chart loaded once, `renderChart` + `formatTemplateOutput` repeated after a warm-up, median of
 * at least 10). Prints numbers; asserts nothing. Targets: CLI no slower than helm, warm render
 * at least 5x faster than the helm process, under 200 MB RSS.
 *
 *   pnpm exec tsx bench/render/run.ts DIR [--runs N] [--filter SUBSTR] [--cli PATH]
 *
 * DIR holds one chart per directory (dependencies vendored); test/fixtures/render works too.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { loadChart } from '@slipway/chart/node'
import { formatTemplateOutput, renderChart } from '@slipway/render'
import { helmPath, isolatedHelmEnv, repoRoot } from '../../test/support/tools.ts'

interface Measured {
  ms: number
  rssMb: number
  ok: boolean
  stderr?: string
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

/** Runs a command under /usr/bin/time to read its peak RSS. */
function timed(
  file: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<Measured> {
  return new Promise((resolve) => {
    const start = performance.now()
    execFile(
      '/usr/bin/time',
      ['-f', '%M', file, ...args],
      { cwd, env, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' },
      (err, _stdout, stderr) => {
        const ms = performance.now() - start
        const kb = Number(/(\d+)\s*$/.exec(stderr.trim())?.[1] ?? '0')
        resolve({ ms, rssMb: kb / 1024, ok: !err, stderr })
      },
    )
  })
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? 0
}

async function best(runs: number, f: () => Promise<Measured>): Promise<Measured> {
  const all: Measured[] = []
  for (let i = 0; i < runs; i++) all.push(await f())
  return {
    ms: median(all.map((m) => m.ms)),
    rssMb: Math.max(...all.map((m) => m.rssMb)),
    ok: all.every((m) => m.ok),
  }
}

async function main(): Promise<void> {
  const root = process.argv[2]
  if (!root || !existsSync(root)) {
    console.error('usage: tsx bench/render/run.ts DIR [--runs N] [--filter SUBSTR]')
    process.exit(2)
  }
  const runs = Number(arg('--runs') ?? '3')
  const filter = arg('--filter')
  const helmEnv = isolatedHelmEnv()
  // bin/slipway, what node_modules/.bin/slipway runs; a .js file given with --cli runs under node
  const cli = arg('--cli') ?? join(repoRoot, 'apps', 'cli', 'bin', 'slipway')
  const command = cli.endsWith('.js') ? [process.execPath, cli] : [cli]
  const bundled = existsSync(join(repoRoot, 'apps', 'cli', 'dist', 'slipway.cjs'))
  console.log(
    `slipway CLI: ${arg('--cli') ?? (bundled ? 'bundled (apps/cli/dist)' : 'from sources (run pnpm build for the bundle)')}`,
  )
  // the floor under any Node CLI on this machine, measured the same way
  const bare = await best(runs, () => timed(process.execPath, ['-e', '0'], root, process.env))
  console.log(
    `node start-up alone (node -e 0): ${bare.ms.toFixed(0)} ms, ${bare.rssMb.toFixed(0)} MB`,
  )
  if (process.env.NODE_EXTRA_CA_CERTS) {
    // Node builds its root store at start for this variable; bin/slipway defers that
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: '' }
    const deferred = await best(runs, () => timed(process.execPath, ['-e', '0'], root, env))
    console.log(`  the same without NODE_EXTRA_CA_CERTS: ${deferred.ms.toFixed(0)} ms`)
  }
  const aloneEnv = { ...process.env, SLIPWAY_RENDER_SERVER: '0' }
  // a render server of the bench's own, started again for each chart and stopped at the end
  const socketDir = mkdtempSync(join(tmpdir(), 'bench-render-server-'))
  const servedEnv = {
    ...process.env,
    SLIPWAY_RENDER_SERVER: '1',
    SLIPWAY_RENDER_SERVER_DIR: socketDir,
    SLIPWAY_DEBUG_RENDER_SERVER: '1',
  }
  const slipway = (args: string[], cwd: string, env: NodeJS.ProcessEnv) =>
    timed(command[0] as string, [...command.slice(1), ...args], cwd, env)
  // a run meant for the server that it did not serve counts as failed
  const served = async (args: string[], cwd: string) => {
    const m = await slipway(args, cwd, servedEnv)
    if (!m.stderr?.includes('rendered by the render server')) m.ok = false
    return m
  }
  const server = (action: 'status' | 'stop') =>
    new Promise<string>((resolve) =>
      execFile(
        command[0] as string,
        [...command.slice(1), 'render-server', action],
        { env: servedEnv },
        (_e, out) => resolve(out),
      ),
    )
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
  console.log(
    `${'chart'.padEnd(44)} ${'helm ms'.padStart(8)} ${'helm MB'.padStart(8)} ${'cli ms'.padStart(7)} ${'cli MB'.padStart(7)} ${'start'.padStart(6)} ${'2nd'.padStart(5)} ${'served'.padStart(7)} ${'warm ms'.padStart(8)} ${'x helm'.padStart(7)}`,
  )
  const totals = { helm: 0, cli: 0, served: 0, warm: 0 }
  let serverMemory = ''
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name)
    if (!statSync(dir).isDirectory() || !existsSync(join(dir, 'Chart.yaml'))) continue
    if (filter && !name.includes(filter)) continue
    const args = ['template', 'release-name', '.']
    const helm = await best(runs, () => timed(helmPath(), args, dir, helmEnv))
    const slip = await best(runs, () => slipway(args, dir, aloneEnv))
    // as a user meets it: the run that starts the server, once it has warmed up the next run,
    // then the runs after that
    let start: Measured | undefined
    let second: Measured | undefined
    let steady: Measured | undefined
    if (bundled) {
      await server('stop')
      start = await slipway(args, dir, servedEnv)
      for (let i = 0; i < 100 && !/^charts kept: 2$/m.test(await server('status')); i++) {
        await sleep(100)
      }
      second = await served(args, dir)
      steady = await best(runs, () => served(args, dir))
      serverMemory = /^memory: (.*)$/m.exec(await server('status'))?.[1] ?? ''
    }
    let warm = Number.NaN
    try {
      const chart = await loadChart(dir)
      const once = () =>
        formatTemplateOutput(renderChart(chart, {}, { releaseName: 'release-name' }))
      // warm up: the JIT settles after some tens of renders (at least 20, or a second's worth)
      const warmUntil = performance.now() + 1000
      for (let i = 0; i < 200 && (i < 20 || performance.now() < warmUntil); i++) once()
      const times: number[] = []
      for (let i = 0; i < Math.max(runs, 10); i++) {
        const t = performance.now()
        once()
        times.push(performance.now() - t)
      }
      warm = median(times)
    } catch {
      // a chart slipway cannot render yet: the row shows no warm time
    }
    totals.helm += helm.ms
    totals.cli += slip.ms
    totals.served += steady?.ms ?? 0
    totals.warm += Number.isNaN(warm) ? 0 : warm
    const flag = (m: Measured) => (m.ok ? '' : '!')
    const cell = (m: Measured | undefined, width: number) =>
      (m ? m.ms.toFixed(0) + flag(m) : '-').padStart(width)
    console.log(
      `${name.slice(0, 44).padEnd(44)} ${(helm.ms.toFixed(0) + flag(helm)).padStart(8)} ${helm.rssMb.toFixed(0).padStart(8)} ${(slip.ms.toFixed(0) + flag(slip)).padStart(7)} ${slip.rssMb.toFixed(0).padStart(7)} ${cell(start, 6)} ${cell(second, 5)} ${cell(steady, 7)} ${warm.toFixed(1).padStart(8)} ${(helm.ms / warm).toFixed(1).padStart(7)}`,
    )
  }
  console.log(
    `\ntotal: helm ${totals.helm.toFixed(0)} ms, slipway CLI ${totals.cli.toFixed(0)} ms, through the render server ${totals.served.toFixed(0)} ms, warm render ${totals.warm.toFixed(0)} ms ('!' = the run failed)`,
  )
  if (bundled) {
    console.log(`render server: ${serverMemory} resident after the last chart's runs`)
    await server('stop')
    rmSync(socketDir, { recursive: true, force: true })
  }
}

await main()
