import { checkRegistryInput } from '@slipway/api'
import { useState, type FormEvent } from 'react'
import { useSaveRegistry } from '../api/registries.ts'
import { ErrorNotice } from './ErrorNotice.tsx'
import { TextField } from './TextField.tsx'

/** Registry, Username, Password → Save login. */
export function RegistryLoginForm() {
  const [registry, setRegistry] = useState('')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [issues, setIssues] = useState<Record<string, string>>({})
  const save = useSaveRegistry()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = checkRegistryInput({ registry, username, password })
    if (!checked.ok) {
      setIssues(Object.fromEntries(checked.issues.map((i) => [i.field, i.message])))
      return
    }
    setIssues({})
    save.mutate(checked.value, { onSuccess: () => setPassword('') })
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Registry login" className="source-row">
      <TextField
        label="Registry"
        value={registry}
        onChange={setRegistry}
        placeholder="ghcr.io"
        error={issues.registry}
      />
      <TextField
        label="Username"
        value={username}
        onChange={setUsername}
        error={issues.username}
        autoComplete="username"
      />
      <TextField
        label="Password"
        type="password"
        value={password}
        onChange={setPassword}
        error={issues.password}
        autoComplete="current-password"
      />
      <div className="source-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          Save login
        </button>
      </div>
      {save.error && <ErrorNotice error={save.error} />}
      {save.isSuccess && (
        <p role="status" className="muted">
          Saved.
        </p>
      )}
    </form>
  )
}
