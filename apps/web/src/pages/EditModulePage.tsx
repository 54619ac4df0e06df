import { Link } from 'wouter'
import { useLoadChart } from '../api/charts.ts'
import { useModule } from '../api/modules.ts'
import { ErrorNotice } from '../components/ErrorNotice.tsx'
import { Loading } from '../components/Loading.tsx'
import { ModuleEditor } from '../components/ModuleEditor.tsx'

/** Edit a module: its chart loaded again, the form prefilled with its values; Save upgrades. */
export function EditModulePage({ params }: { params: { namespace: string; name: string } }) {
  const namespace = decodeURIComponent(params.namespace)
  const name = decodeURIComponent(params.name)
  const module = useModule(namespace, name)
  const source = module.data?.source
  const chart = useLoadChart(
    source
      ? {
          repository: source.repository,
          path: source.path,
          version: source.version ?? module.data?.chartVersion ?? '',
        }
      : undefined,
  )
  return (
    <section aria-labelledby="edit-heading">
      <h1 id="edit-heading">Edit {name}</h1>
      <p>
        <Link href={`/modules/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`}>
          Back to {name}
        </Link>
      </p>
      {(module.isPending || chart.isFetching) && <Loading label="Loading chart…" />}
      {module.error && <ErrorNotice error={module.error} />}
      {module.data && !source && (
        <p role="alert" className="error">
          {name} was not deployed from a chart repository Slipway knows, so it cannot be edited
          here. Use helm upgrade.
        </p>
      )}
      {chart.error && <ErrorNotice error={chart.error} />}
      {chart.data && module.data && (
        <ModuleEditor
          chart={chart.data}
          existing={{
            name,
            namespace,
            values: mergeDefaults(chart.data.values, module.data.values),
          }}
        />
      )}
    </section>
  )
}

// the form shows the chart's defaults with the module's own values over them
function mergeDefaults(
  defaults: { [key: string]: unknown },
  values: { [key: string]: unknown },
): { [key: string]: unknown } {
  const out: { [key: string]: unknown } = { ...defaults }
  for (const [k, v] of Object.entries(values)) {
    const d = out[k]
    out[k] =
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      d &&
      typeof d === 'object' &&
      !Array.isArray(d)
        ? mergeDefaults(d as { [key: string]: unknown }, v as { [key: string]: unknown })
        : v
  }
  return out
}
