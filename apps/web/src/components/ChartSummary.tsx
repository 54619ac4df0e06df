import type { ChartView } from '@slipway/api'

/** The loaded chart's name, version, description and digest. */
export function ChartSummary({ chart }: { chart: ChartView }) {
  const m = chart.metadata
  return (
    <div className="chart-summary">
      <h2 id="chart-heading">
        {m.name} <span className="muted">{m.version}</span>
        {m.deprecated && <span className="badge warn">deprecated</span>}
      </h2>
      {m.description && <p>{m.description}</p>}
      <dl className="facts">
        {m.appVersion && (
          <>
            <dt>App version</dt>
            <dd>{m.appVersion}</dd>
          </>
        )}
        <dt>Reference</dt>
        <dd>
          <code>{chart.reference}</code>
        </dd>
        <dt>Digest</dt>
        <dd>
          <code title={chart.digest}>{chart.digest.slice(0, 19)}…</code>
        </dd>
      </dl>
      {chart.schemaInferred && (
        <p className="note" role="note">
          This chart has no values.schema.json: the form below was inferred from its values.yaml.
        </p>
      )}
    </div>
  )
}
