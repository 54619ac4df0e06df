import type { ApplyEvent } from '@slipway/api'

function describe(event: Extract<ApplyEvent, { type: 'progress' }>): string {
  // phase and action are shown beside: say which object, and what the server said
  const what = event.kind ? `${event.kind} ${event.name ?? ''}`.trim() : ''
  return [what, event.message].filter(Boolean).join(' — ')
}

/** The progress of Save, rollback or delete, one line per event, announced politely. */
export function ApplyProgress({ events, label }: { events: ApplyEvent[]; label: string }) {
  const progress = events.filter(
    (e): e is Extract<ApplyEvent, { type: 'progress' }> => e.type === 'progress',
  )
  if (progress.length === 0) return null
  return (
    <ol className="progress" role="log" aria-live="polite" aria-label={label}>
      {progress.map((e, i) => (
        <li key={i} className={`progress-${e.action}`}>
          <span className="phase">{e.phase}</span>{' '}
          <span className={`status status-${e.action}`}>{e.action}</span> {describe(e)}
        </li>
      ))}
    </ol>
  )
}
