import type { ChartView } from '@slipway/api'
import { useState } from 'react'
import { ChartForm } from './ChartForm.tsx'
import { ChartSummary } from './ChartSummary.tsx'
import { ModuleFields } from './ModuleFields.tsx'

interface Props {
  chart: ChartView
  /** The module's current values and identity, when editing one. */
  existing?: { name: string; namespace: string; values: { [key: string]: unknown } }
}

/** A loaded chart as a module to deploy: summary, Name and Namespace, the values form, Save. */
export function ModuleEditor({ chart, existing }: Props) {
  const [name, setName] = useState(existing?.name ?? chart.metadata.name)
  const [namespace, setNamespace] = useState(existing?.namespace ?? 'default')
  const [initialValues] = useState(() => existing?.values ?? chart.values)
  const [, setValues] = useState(initialValues)
  const [errorCount, setErrorCount] = useState(0)
  return (
    <>
      <section aria-labelledby="chart-heading" className="card">
        <ChartSummary chart={chart} />
      </section>
      <section aria-labelledby="module-heading" className="card">
        <h2 id="module-heading">Module</h2>
        <ModuleFields name={name} namespace={namespace} onName={setName} onNamespace={setNamespace} locked={existing !== undefined} />
      </section>
      <section aria-labelledby="values-heading" className="card values">
        <h2 id="values-heading">Values</h2>
        <ChartForm
          schema={chart.schema}
          values={initialValues}
          editing={existing !== undefined}
          onChange={(values, errors) => {
            setValues(values)
            setErrorCount(errors.length)
          }}
        />
      </section>
      <div className="actions">
        <button type="button" className="primary" disabled title="Deploying is not available yet">
          Save
        </button>
        {errorCount > 0 && (
          <span className="muted">
            {errorCount} field{errorCount === 1 ? '' : 's'} to fix
          </span>
        )}
      </div>
      {chart.readme && (
        <details className="card readme">
          <summary>README</summary>
          <pre>{chart.readme}</pre>
        </details>
      )}
    </>
  )
}
