import type { ChartQuery } from '@slipway/api'
import { useState } from 'react'
import { useLoadChart } from '../api/charts.ts'
import { ChartSourceForm } from '../components/ChartSourceForm.tsx'
import { ClusterNotice } from '../components/ClusterNotice.tsx'
import { Loading } from '../components/Loading.tsx'
import { ModuleEditor } from '../components/ModuleEditor.tsx'

/** Add module: Repository, Path, Version → Load → the chart's form, Name, Namespace, Save. */
export function AddModulePage() {
  const [query, setQuery] = useState<ChartQuery | undefined>()
  const chart = useLoadChart(query)
  return (
    <section aria-labelledby="add-heading">
      <h1 id="add-heading">Add module</h1>
      <ClusterNotice />
      <section aria-labelledby="source-heading" className="card">
        <h2 id="source-heading">Chart</h2>
        <ChartSourceForm loading={chart.isFetching} error={chart.error} onLoad={setQuery} />
      </section>
      {chart.isFetching && <Loading label="Loading chart…" />}
      {chart.data && !chart.isFetching && (
        <ModuleEditor key={chart.data.digest + chart.data.ref.version} chart={chart.data} />
      )}
    </section>
  )
}
