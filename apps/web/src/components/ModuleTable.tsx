import type { ModuleSummary } from '@slipway/api'
import { Link } from 'wouter'

/** Releases as a table: name, namespace, chart, version, status, updated. */
export function ModuleTable({ modules }: { modules: ModuleSummary[] }) {
  return (
    <table className="table">
      <caption className="visually-hidden">Modules</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Namespace</th>
          <th scope="col">Chart</th>
          <th scope="col">Version</th>
          <th scope="col">Status</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {modules.map((m) => (
          <tr key={`${m.namespace}/${m.name}`}>
            <td>
              <Link
                href={`/modules/${encodeURIComponent(m.namespace)}/${encodeURIComponent(m.name)}`}
              >
                {m.name}
              </Link>
            </td>
            <td>{m.namespace}</td>
            <td>{m.chart}</td>
            <td>{m.chartVersion}</td>
            <td>
              <span className={`status status-${m.status}`}>{m.status}</span>
            </td>
            <td>
              <time dateTime={m.updated}>{new Date(m.updated).toLocaleString()}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
