import { useState } from 'react'
import { Link, useLocation } from 'wouter'
import { stringify } from 'yaml'
import { useModule, useModuleActions } from '../api/modules.ts'
import { ApplyProgress } from '../components/ApplyProgress.tsx'
import { ConfirmDialog } from '../components/ConfirmDialog.tsx'
import { ErrorNotice } from '../components/ErrorNotice.tsx'
import { EventList } from '../components/EventList.tsx'
import { HistoryTable } from '../components/HistoryTable.tsx'
import { Loading } from '../components/Loading.tsx'
import { ResourceGroups } from '../components/ResourceGroups.tsx'

/** A module: status, resources by kind, NOTES, values, manifest, history with rollback, Edit, Delete. */
export function ModulePage({ params }: { params: { namespace: string; name: string } }) {
  const namespace = decodeURIComponent(params.namespace)
  const name = decodeURIComponent(params.name)
  const [, navigate] = useLocation()
  const module = useModule(namespace, name)
  const actions = useModuleActions(namespace, name)
  const [confirming, setConfirming] = useState(false)
  const m = module.data

  const onDelete = async () => {
    setConfirming(false)
    if (await actions.remove()) navigate('/')
  }

  return (
    <section aria-labelledby="module-page-heading">
      <div className="page-head">
        <h1 id="module-page-heading">{name}</h1>
        <div className="actions">
          <Link
            href={`/modules/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/edit`}
            className="button"
          >
            Edit
          </Link>
          <button
            type="button"
            className="danger"
            onClick={() => setConfirming(true)}
            disabled={actions.running}
          >
            Delete
          </button>
        </div>
      </div>
      {module.isPending && <Loading label="Loading module…" />}
      {module.error && <ErrorNotice error={module.error} />}
      {actions.error && <ErrorNotice error={actions.error} />}
      <ApplyProgress events={actions.events} label="Operation progress" />
      {m && (
        <>
          <dl className="facts card">
            <dt>Namespace</dt>
            <dd>{m.namespace}</dd>
            <dt>Chart</dt>
            <dd>
              {m.chart} {m.chartVersion}
            </dd>
            <dt>Status</dt>
            <dd>
              <span className={`status status-${m.status}`}>{m.status}</span>
            </dd>
            <dt>Revision</dt>
            <dd>{m.revision}</dd>
            <dt>Updated</dt>
            <dd>
              <time dateTime={m.updated}>{new Date(m.updated).toLocaleString()}</time>
            </dd>
            {m.source && (
              <>
                <dt>Source</dt>
                <dd>
                  <code>
                    {m.source.repository}/{m.source.path}
                  </code>
                </dd>
              </>
            )}
          </dl>
          <section aria-labelledby="resources-heading" className="card">
            <h2 id="resources-heading">Resources</h2>
            <ResourceGroups resources={m.resources} />
          </section>
          <section aria-labelledby="events-heading" className="card">
            <h2 id="events-heading">Events</h2>
            <EventList events={m.events ?? []} />
          </section>
          {m.notes && (
            <section aria-labelledby="notes-heading" className="card">
              <h2 id="notes-heading">Notes</h2>
              <pre className="code-block">{m.notes}</pre>
            </section>
          )}
          <section aria-labelledby="history-heading" className="card">
            <h2 id="history-heading">History</h2>
            <HistoryTable
              history={m.history}
              current={m.revision}
              busy={actions.running}
              onRollback={(r) => void actions.rollback(r)}
            />
          </section>
          <details className="card">
            <summary>Values</summary>
            <pre className="code-block">
              {Object.keys(m.values).length ? stringify(m.values) : '# chart defaults'}
            </pre>
          </details>
          <details className="card">
            <summary>Manifest</summary>
            <pre className="code-block">{m.manifest}</pre>
          </details>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete ${name}?`}
        confirmLabel="Delete module"
        onConfirm={onDelete}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Every object of {name} in namespace {namespace} is deleted, with its release history.
        </p>
      </ConfirmDialog>
    </section>
  )
}
