import { Link } from 'wouter'
import { useModules } from '../api/modules.ts'
import { ClusterNotice } from '../components/ClusterNotice.tsx'
import { ErrorNotice } from '../components/ErrorNotice.tsx'
import { Loading } from '../components/Loading.tsx'
import { ModuleTable } from '../components/ModuleTable.tsx'

/** The modules list: every release, with an Add module button and an empty state. */
export function ModulesPage() {
  const modules = useModules()
  return (
    <section aria-labelledby="modules-heading">
      <div className="page-head">
        <h1 id="modules-heading">Modules</h1>
        <Link href="/modules/new" className="button primary">
          Add module
        </Link>
      </div>
      <ClusterNotice />
      {modules.isPending && <Loading label="Loading modules…" />}
      {modules.error && modules.error.status !== 503 && <ErrorNotice error={modules.error} />}
      {(modules.data?.modules.length === 0 || modules.error?.status === 503) && (
        <div className="empty">
          <h2>No modules yet</h2>
          <p>
            A module is a chart deployed with your values. Add one from an OCI registry or a Helm
            repository.
          </p>
        </div>
      )}
      {modules.data && modules.data.modules.length > 0 && (
        <ModuleTable modules={modules.data.modules} />
      )}
    </section>
  )
}
