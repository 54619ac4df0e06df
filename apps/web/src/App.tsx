import { lazy, Suspense } from 'react'
import { Route, Switch } from 'wouter'
import { Layout } from './components/Layout.tsx'
import { Loading } from './components/Loading.tsx'
import { ModulesPage } from './pages/ModulesPage.tsx'
import { NotFoundPage } from './pages/NotFoundPage.tsx'

// the form (rjsf + ajv) and the module pages load on demand, to keep the first page small
const AddModulePage = lazy(() =>
  import('./pages/AddModulePage.tsx').then((m) => ({ default: m.AddModulePage })),
)
const ModulePage = lazy(() =>
  import('./pages/ModulePage.tsx').then((m) => ({ default: m.ModulePage })),
)
const EditModulePage = lazy(() =>
  import('./pages/EditModulePage.tsx').then((m) => ({ default: m.EditModulePage })),
)
const RegistriesPage = lazy(() =>
  import('./pages/RegistriesPage.tsx').then((m) => ({ default: m.RegistriesPage })),
)

/** The dashboard: routes inside the page layout. */
export function App() {
  return (
    <Layout>
      <Suspense fallback={<Loading label="Loading page…" />}>
        <Switch>
          <Route path="/" component={ModulesPage} />
          <Route path="/modules/new" component={AddModulePage} />
          <Route path="/modules/:namespace/:name/edit" component={EditModulePage} />
          <Route path="/modules/:namespace/:name" component={ModulePage} />
          <Route path="/registries" component={RegistriesPage} />
          <Route component={NotFoundPage} />
        </Switch>
      </Suspense>
    </Layout>
  )
}
