import type { EventView } from '@slipway/api'
import { hintFor } from '../diagnosis/hints.ts'

/** A module's Events, newest first; warnings carry a plain-language hint. */
export function EventList({ events }: { events: EventView[] }) {
  if (events.length === 0) return <p className="muted">No events.</p>
  return (
    <ul className="events">
      {events.map((e, i) => {
        const hint = e.type === 'Warning' ? hintFor(e) : undefined
        return (
          <li key={i} className={e.type === 'Warning' ? 'event-warning' : undefined}>
            <time dateTime={e.time}>{e.time ? new Date(e.time).toLocaleTimeString() : ''}</time>{' '}
            <span className={`status ${e.type === 'Warning' ? 'status-failed' : ''}`}>
              {e.reason}
            </span>{' '}
            <span className="muted">
              {e.kind}/{e.name}
            </span>{' '}
            {e.message}
            {e.count > 1 && <span className="muted"> (×{e.count})</span>}
            {hint && <p className="hint">{hint}</p>}
          </li>
        )
      })}
    </ul>
  )
}
