import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'
import type { Values } from '@slipway/chart'
import type { ChartSourceOptions } from '@slipway/chart/node'
import { decodeYaml, isGoMap } from '@slipway/gotemplate'
import { mergeUserValues } from '@slipway/render'
import { applySetFlags } from '@slipway/render/strvals'
import { UsageError, type Flags } from './command.ts'

/** A string flag's value, or undefined when absent or empty. */
export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined

/** A repeatable flag's values, in the order given. */
export const list = (v: unknown): string[] =>
  v === undefined ? [] : (Array.isArray(v) ? v : [v]).map(String)

/** Helm's value flags, shared by template, install and upgrade. */
export const valueOptions = {
  values: { type: 'string', short: 'f', multiple: true },
  set: { type: 'string', multiple: true },
  'set-string': { type: 'string', multiple: true },
  'set-json': { type: 'string', multiple: true },
  'set-file': { type: 'string', multiple: true },
  'set-literal': { type: 'string', multiple: true },
} as const

/** Helm's chart-fetching flags (`--version`, `--repo`, login, TLS) as chart source options. */
export function chartSourceOptionsFromFlags(flags: Flags, cwd: string): ChartSourceOptions {
  const options: ChartSourceOptions = { cwd }
  const set = <K extends keyof ChartSourceOptions>(
    key: K,
    value: ChartSourceOptions[K] | undefined,
  ) => {
    if (value !== undefined) options[key] = value
  }
  const path = (v: unknown) => (str(v) ? resolve(cwd, str(v) as string) : undefined)
  set('version', str(flags.version))
  set('repo', str(flags.repo))
  set('username', str(flags.username))
  set('password', str(flags.password))
  set('caFile', path(flags['ca-file']))
  set('certFile', path(flags['cert-file']))
  set('keyFile', path(flags['key-file']))
  if (flags['plain-http'] === true) options.plainHttp = true
  if (flags['insecure-skip-tls-verify'] === true) options.insecureSkipTlsVerify = true
  if (flags['pass-credentials'] === true) options.passCredentialsAll = true
  if (flags.devel === true) options.devel = true
  return options
}

/** Reads a `-f` values file as Helm does: YAML, a map at the top, empty means `{}`. */
export async function readValuesFile(path: string, cwd: string): Promise<Values> {
  let text: string
  try {
    text = await readFile(resolve(cwd, path), 'utf8')
  } catch {
    throw new UsageError(`open ${path}: no such file or directory`)
  }
  let v: unknown
  try {
    v = decodeYaml(text, { file: path })
  } catch (err) {
    throw new UsageError(`failed to parse ${path}: ${(err as Error).message}`)
  }
  if (v === null || v === undefined) return {}
  if (!isGoMap(v)) {
    const kind = Array.isArray(v)
      ? 'array'
      : typeof v === 'string'
        ? 'string'
        : typeof v === 'boolean'
          ? 'bool'
          : 'number'
    throw new UsageError(
      `failed to parse ${path}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`,
    )
  }
  return v
}

/** The user-supplied values: `-f` files merged in order, then the `--set` family, as Helm. */
export async function userValuesFromFlags(flags: Flags, cwd: string): Promise<Values> {
  const files: Values[] = []
  for (const f of list(flags.values)) files.push(await readValuesFile(f, cwd))
  try {
    return applySetFlags(
      mergeUserValues(files),
      {
        set: list(flags.set),
        setString: list(flags['set-string']),
        setJson: list(flags['set-json']),
        setFile: list(flags['set-file']),
        setLiteral: list(flags['set-literal']),
      },
      (p) => readFileSync(isAbsolute(p) ? p : resolve(cwd, p), 'utf8'),
    )
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}
