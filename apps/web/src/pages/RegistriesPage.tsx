import { useRegistries, useRemoveRegistry } from '../api/registries.ts'
import { ErrorNotice } from '../components/ErrorNotice.tsx'
import { Loading } from '../components/Loading.tsx'
import { RegistryLoginForm } from '../components/RegistryLoginForm.tsx'

const sourceLabel = {
  helm: "Helm's registry config",
  docker: "Docker's config (read-only)",
  secret: 'Secret',
} as const

/** Registries settings: the logins Slipway uses to pull private charts. */
export function RegistriesPage() {
  const registries = useRegistries()
  const remove = useRemoveRegistry()
  const storage = registries.data?.storage
  return (
    <section aria-labelledby="registries-heading">
      <h1 id="registries-heading">Registries</h1>
      <p className="muted">
        {storage === 'secret'
          ? "Logins are kept as kubernetes.io/dockerconfigjson Secrets in Slipway's namespace; existing such Secrets are used too."
          : "Logins are kept in Helm's registry config, so `helm registry login` and Slipway share them."}{' '}
        Passwords are never shown again.
      </p>
      {registries.isPending && <Loading label="Loading registries…" />}
      {registries.error && <ErrorNotice error={registries.error} />}
      {registries.data && registries.data.registries.length === 0 && <p>No registry logins yet.</p>}
      {registries.data && registries.data.registries.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Registry logins</caption>
          <thead>
            <tr>
              <th scope="col">Registry</th>
              <th scope="col">Username</th>
              <th scope="col">Stored in</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {registries.data.registries.map((r) => (
              <tr key={r.registry}>
                <td>{r.registry}</td>
                <td>{r.username}</td>
                <td>
                  {r.secretName
                    ? `${sourceLabel[r.source]} ${r.secretName}`
                    : sourceLabel[r.source]}
                </td>
                <td>
                  {r.editable && (
                    <button
                      type="button"
                      onClick={() => remove.mutate(r.registry)}
                      disabled={remove.isPending}
                      aria-label={`Remove login for ${r.registry}`}
                    >
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {remove.error && <ErrorNotice error={remove.error} />}
      <section aria-labelledby="login-heading" className="card">
        <h2 id="login-heading">Add a login</h2>
        <RegistryLoginForm />
      </section>
    </section>
  )
}
