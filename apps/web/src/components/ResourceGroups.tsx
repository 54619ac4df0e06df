import type { ResourceView } from '@slipway/api'

/** A module's objects grouped by kind, each with its live status. */
export function ResourceGroups({ resources }: { resources: ResourceView[] }) {
  const groups = new Map<string, ResourceView[]>()
  for (const r of resources) groups.set(r.kind, [...(groups.get(r.kind) ?? []), r])
  if (resources.length === 0) return <p className="muted">No resources.</p>
  return (
    <div className="resource-groups">
      {[...groups].map(([kind, list]) => (
        <section key={kind} aria-label={kind} className="resource-group">
          <h3>{kind}</h3>
          <ul>
            {list.map((r) => (
              <li key={`${r.namespace ?? ''}/${r.name}`}>
                <span className="resource-name">{r.name}</span>{' '}
                <span className={`status status-${r.status}`}>{r.status}</span>
                {r.message && <span className="muted"> {r.message}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
