import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

function tool(name: string): string {
  const path = join(repoRoot, '.tools', 'bin', name)
  if (!existsSync(path)) {
    throw new Error(`${name} is missing at ${path}: run "bash scripts/setup.sh test" first`)
  }
  return path
}

/** The reference helm (v3.17.3) binary. */
export const helmPath = (): string => tool('helm')
/** The kubectl (1.31) binary. */
export const kubectlPath = (): string => tool('kubectl')

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs a program to completion; never throws for a non-zero exit. */
export function run(
  file: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      {
        env: options.env ?? process.env,
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 256 * 1024 * 1024,
        encoding: 'utf8',
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0
        if (err && typeof err.code !== 'number' && !stderr) reject(err)
        else resolve({ code, stdout, stderr })
      },
    )
    if (options.input !== undefined) child.stdin?.end(options.input)
  })
}

/**
 * An environment in which helm keeps its config, cache and data in a fresh temporary
 * directory, so tests never read or write the user's own helm settings.
 */
export function isolatedHelmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'slipway-helm-'))
  return {
    PATH: process.env.PATH,
    HOME: home,
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_DATA_HOME: join(home, 'data'),
    DOCKER_CONFIG: join(home, 'docker'),
    ...extra,
  }
}

/** Runs the reference helm binary in an isolated environment unless `env` is given. */
export function helm(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  return run(helmPath(), args, { env: options.env ?? isolatedHelmEnv(), cwd: options.cwd })
}

/** Runs the `slipway` CLI from its TypeScript sources (never a stale bundle). */
export function slipway(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {},
) {
  return run(process.execPath, [join(repoRoot, 'apps', 'cli', 'bin', 'slipway.js'), ...args], {
    ...options,
    env: { ...(options.env ?? process.env), SLIPWAY_FROM_SOURCE: '1' },
  })
}

/**
 * A fresh home directory for a Slipway server under test, so that Helm's registry config and
 * Docker's config are read and written there, never in the user's own.
 */
export function isolatedHome(prefix = 'slipway-home-'): { home: string; env: NodeJS.ProcessEnv } {
  const home = mkdtempSync(join(tmpdir(), prefix))
  return {
    home,
    env: { HOME: home, HELM_CONFIG_HOME: join(home, 'helm'), DOCKER_CONFIG: join(home, 'docker') },
  }
}
