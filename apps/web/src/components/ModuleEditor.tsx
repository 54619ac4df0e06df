import type { ChartView, ModuleRequest } from '@slipway/api'
import { checkModuleName, checkNamespace } from '@slipway/api'
import { useState } from 'react'
import { useLocation } from 'wouter'
import { useCluster, usePreview, useSaveModule } from '../api/modules.ts'
import { toErrorSchema } from '../form/extra-errors.ts'
import { userValues } from '../form/values-diff.ts'
import { ApplyProgress } from './ApplyProgress.tsx'
import { ChartForm } from './ChartForm.tsx'
import { ChartSummary } from './ChartSummary.tsx'
import { ErrorNotice } from './ErrorNotice.tsx'
import { ModuleFields } from './ModuleFields.tsx'
import { PreviewPanel } from './PreviewPanel.tsx'

interface Props {
  chart: ChartView
  /** The module's current values and identity, when editing one. */
  existing?: { name: string; namespace: string; values: { [key: string]: unknown } }
}

/** A loaded chart as a module to deploy: summary, Name and Namespace, the values form, Preview and Save. */
export function ModuleEditor({ chart, existing }: Props) {
  const [, navigate] = useLocation()
  const [name, setName] = useState(existing?.name ?? chart.metadata.name)
  const [namespace, setNamespace] = useState(existing?.namespace ?? 'default')
  const [initialValues] = useState(() => existing?.values ?? chart.values)
  const [values, setValues] = useState(initialValues)
  const [errorCount, setErrorCount] = useState(0)
  // the server's errors stay beside their fields until the values change again
  const [changedSinceSubmit, setChangedSinceSubmit] = useState(false)
  const cluster = useCluster()
  const preview = usePreview()
  const save = useSaveModule()

  const request = (): ModuleRequest => ({
    name,
    namespace,
    chart: { ...chart.ref, digest: chart.digest },
    // only what the user chose is stored with the release, as Helm stores it
    values: userValues(chart.values, values),
  })
  const identityInvalid = Boolean(checkModuleName(name) || checkNamespace(namespace))
  const connected = cluster.data?.connected === true
  const saveBlocked = !connected
    ? 'No cluster connected'
    : errorCount > 0
      ? 'Fix the fields marked in the form first'
      : identityInvalid
        ? 'Check Name and Namespace'
        : undefined

  const onSave = async () => {
    setChangedSinceSubmit(false)
    const done = await save.save(request())
    if (done)
      navigate(
        `/modules/${encodeURIComponent(done.module.namespace)}/${encodeURIComponent(done.module.name)}`,
      )
  }

  // errors are shown next to what caused them: Name/Namespace inputs, or below the form
  const failure = save.error ?? preview.error
  const failedField = failure?.field
  const fieldErrors = {
    name: failedField === 'name' ? failure?.message : undefined,
    namespace: failedField === 'namespace' ? failure?.message : undefined,
  }
  const identityFailure = failedField === 'name' || failedField === 'namespace'
  // values and template errors belong to the form; cluster errors to the progress of Save
  const aboutValues = failure !== null && /VALUES|SCHEMA|TEMPLATE|YAML/.test(failure.code)
  const valuesFailure = failure && !identityFailure && aboutValues ? failure : undefined
  const clusterFailure = failure && !identityFailure && !aboutValues ? failure : undefined
  const valueIssues = valuesFailure?.details.issues
  const extraErrors =
    valueIssues && valueIssues.length > 0 && !changedSinceSubmit
      ? toErrorSchema(valueIssues)
      : undefined

  return (
    <>
      <section aria-labelledby="chart-heading" className="card">
        <ChartSummary chart={chart} />
      </section>
      <section aria-labelledby="module-heading" className="card">
        <h2 id="module-heading">Module</h2>
        <ModuleFields
          name={name}
          namespace={namespace}
          onName={setName}
          onNamespace={setNamespace}
          locked={existing !== undefined}
          errors={fieldErrors}
        />
      </section>
      <section aria-labelledby="values-heading" className="card values">
        <h2 id="values-heading">Values</h2>
        <ChartForm
          schema={chart.schema}
          values={initialValues}
          editing={existing !== undefined}
          extraErrors={extraErrors}
          onChange={(next, errors) => {
            setValues(next)
            setErrorCount(errors.length)
            setChangedSinceSubmit(true)
          }}
        />
        {valuesFailure && <ErrorNotice error={valuesFailure} />}
      </section>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={saveBlocked !== undefined || save.running}
          title={saveBlocked}
          onClick={onSave}
        >
          {save.running ? 'Saving…' : 'Save'}
        </button>
        <button
          type="button"
          disabled={preview.isPending || errorCount > 0 || identityInvalid}
          onClick={() => {
            setChangedSinceSubmit(false)
            preview.mutate(request())
          }}
        >
          Preview
        </button>
        {saveBlocked && <span className="muted">{saveBlocked}</span>}
      </div>
      <ApplyProgress events={save.events} label="Save progress" />
      {clusterFailure && <ErrorNotice error={clusterFailure} />}
      {preview.data && !save.running && <PreviewPanel preview={preview.data} />}
      {chart.readme && (
        <details className="card readme">
          <summary>README</summary>
          <pre>{chart.readme}</pre>
        </details>
      )}
    </>
  )
}
