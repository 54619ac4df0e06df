import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Chart, Values } from '@slipway/chart'
import { loadChartFromSource, type ChartSourceOptions } from '@slipway/chart/node'
import { decodeYaml, isGoMap } from '@slipway/gotemplate'
import { formatTemplateOutput, isRenderError, mergeUserValues, renderChart } from '@slipway/render'
import { applySetFlags, StrvalsError } from '@slipway/render/strvals'
import { UsageError, type Command, type CommandIO, type Flags } from '../command.ts'
import { chartSourceOptions } from '../global-flags.ts'

const usage = 'slipway template [NAME] [CHART] [flags]'

// Helm's chartutil.ValidateReleaseName
const releaseNameRegex = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const maxReleaseNameLength = 53

function list(v: unknown): string[] {
  if (v === undefined) return []
  return (Array.isArray(v) ? v : [v]).map(String)
}

/** Reads a `-f` values file as Helm does: YAML, a map at the top, empty means `{}`. */
async function readValuesFile(path: string, cwd: string): Promise<Values> {
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
    throw new UsageError(`failed to parse ${path}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(v) ? 'array' : 'string'} into Go value of type map[string]interface {}`)
  }
  return v
}

/** Builds the user values: `-f` files in order, then --set-json, --set, --set-string, --set-file, --set-literal. */
async function userValues(flags: Flags, cwd: string): Promise<Values> {
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
      (path) => readFileSync(resolve(cwd, path), 'utf8'),
    )
  } catch (err) {
    if (err instanceof StrvalsError) throw new UsageError(err.message)
    throw err
  }
}

/** Loads the chart: a directory, a .tgz, a URL, `oci://` or `--repo URL NAME`, with Helm's flags. */
async function loadChart(ref: string, flags: Flags, cwd: string): Promise<Chart> {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
  const options: ChartSourceOptions = { cwd }
  const set = <K extends keyof ChartSourceOptions>(k: K, v: ChartSourceOptions[K] | undefined) => {
    if (v !== undefined) options[k] = v
  }
  set('version', str(flags.version))
  set('repo', str(flags.repo))
  set('username', str(flags.username))
  set('password', str(flags.password))
  set('caFile', str(flags['ca-file']))
  set('certFile', str(flags['cert-file']))
  set('keyFile', str(flags['key-file']))
  if (flags['plain-http'] === true) options.plainHttp = true
  if (flags['insecure-skip-tls-verify'] === true) options.insecureSkipTlsVerify = true
  if (flags.devel === true) options.devel = true
  try {
    return (await loadChartFromSource(ref, options)).chart
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

function render(chart: Chart, values: Values, name: string, flags: Flags): string {
  const result = renderChart(chart, values, {
    releaseName: name,
    namespace: typeof flags.namespace === 'string' ? flags.namespace : 'default',
    isUpgrade: flags['is-upgrade'] === true,
    ...(typeof flags['kube-version'] === 'string' ? { kubeVersion: flags['kube-version'] } : {}),
    apiVersions: list(flags['api-versions']).flatMap((s) => s.split(',')),
    includeCrds: flags['include-crds'] === true,
    skipSchemaValidation: flags['skip-schema-validation'] === true,
    subNotes: flags['render-subchart-notes'] === true,
  })
  return formatTemplateOutput(result, {
    showOnly: list(flags['show-only']).flatMap((s) => s.split(',')),
    skipTests: flags['skip-tests'] === true,
    noHooks: flags['no-hooks'] === true,
  })
}

async function run(args: string[], flags: Flags, io: CommandIO): Promise<number> {
  if (args.length < 1) throw new UsageError(`"slipway template" requires at least 1 argument\n\nUsage: ${usage}`)
  if (args.length > 2) throw new UsageError(`expected at most two arguments, unexpected arguments: ${args.slice(2).join(', ')}`)
  const [name, ref] = args.length === 2 ? [args[0] as string, args[1] as string] : ['release-name', args[0] as string]
  if (!releaseNameRegex.test(name) || name.length > maxReleaseNameLength) {
    throw new UsageError(
      `release name "${name}": invalid release name, must match regex ${releaseNameRegex.source} and the length must not be longer than ${maxReleaseNameLength}`,
    )
  }
  const kubeVersion = flags['kube-version']
  if (typeof kubeVersion === 'string' && !/^v?\d+(\.\d+){0,2}([-+].*)?$/.test(kubeVersion)) {
    throw new UsageError(`invalid kube version '${kubeVersion}': Invalid Semantic Version`)
  }
  const values = await userValues(flags, io.cwd)
  const chart = await loadChart(ref, flags, io.cwd)
  if (chart.metadata.deprecated) io.stderr.write('WARNING: This chart is deprecated\n')
  let out: string
  try {
    out = render(chart, values, name, flags)
  } catch (err) {
    if (isRenderError(err)) {
      // Helm adds this hint once the release exists, i.e. for errors while rendering
      const hint = err.phase === 'render' ? '\n\nUse --debug flag to render out invalid YAML' : ''
      throw new UsageError(`${err.message}${hint}`)
    }
    throw err
  }
  io.stdout.write(out)
  return 0
}

export const command: Command = {
  name: 'template',
  summary: 'render a chart\'s templates locally, exactly as "helm template" prints them',
  usage,
  options: {
    ...chartSourceOptions,
    values: { type: 'string', short: 'f', multiple: true },
    set: { type: 'string', multiple: true },
    'set-string': { type: 'string', multiple: true },
    'set-json': { type: 'string', multiple: true },
    'set-file': { type: 'string', multiple: true },
    'set-literal': { type: 'string', multiple: true },
    'kube-version': { type: 'string' },
    'api-versions': { type: 'string', short: 'a', multiple: true },
    'include-crds': { type: 'boolean' },
    'skip-crds': { type: 'boolean' },
    'show-only': { type: 'string', short: 's', multiple: true },
    'skip-tests': { type: 'boolean' },
    'no-hooks': { type: 'boolean' },
    'is-upgrade': { type: 'boolean' },
    'skip-schema-validation': { type: 'boolean' },
    'render-subchart-notes': { type: 'boolean' },
  },
  run,
}
