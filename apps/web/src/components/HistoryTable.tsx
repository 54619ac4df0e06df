import type { RevisionView } from '@slipway/api'

interface Props {
  history: RevisionView[]
  current: number
  busy: boolean
  onRollback(revision: number): void
}

/** Revision history, newest first, with a Rollback button on every other revision. */
export function HistoryTable({ history, current, busy, onRollback }: Props) {
  return (
    <table className="table">
      <caption className="visually-hidden">Revision history</caption>
      <thead>
        <tr>
          <th scope="col">Revision</th>
          <th scope="col">Status</th>
          <th scope="col">Chart version</th>
          <th scope="col">Updated</th>
          <th scope="col">Description</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {history.map((h) => (
          <tr key={h.revision}>
            <td>{h.revision}</td>
            <td>
              <span className={`status status-${h.status}`}>{h.status}</span>
            </td>
            <td>{h.chartVersion}</td>
            <td>
              <time dateTime={h.updated}>{new Date(h.updated).toLocaleString()}</time>
            </td>
            <td>{h.description}</td>
            <td>
              {h.revision !== current && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => onRollback(h.revision)}
                  aria-label={`Roll back to revision ${h.revision}`}
                >
                  Rollback
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
