import type { ChartQuery } from '@slipway/api'
import { checkChartQuery } from '@slipway/api'
import { useId, useState, type FormEvent } from 'react'
import type { ApiError } from '../api/ApiError.ts'
import { useChartVersions } from '../api/charts.ts'
import { ErrorNotice } from './ErrorNotice.tsx'
import { TextField } from './TextField.tsx'

interface Props {
  initial?: ChartQuery
  loading: boolean
  error?: ApiError | null
  onLoad(query: ChartQuery): void
}

type Field = 'repository' | 'path' | 'version'

/**
 * Repository, Path and Version inputs with a Load button. The version field suggests the
 * repository's tags, newest first, and accepts free text.
 */
export function ChartSourceForm({ initial, loading, error, onLoad }: Props) {
  const [repository, setRepository] = useState(initial?.repository ?? '')
  const [path, setPath] = useState(initial?.path ?? '')
  const [version, setVersion] = useState(initial?.version ?? '')
  // versions are fetched for what the user finished typing (on blur), not every keystroke
  const [lookup, setLookup] = useState({ repository: '', path: '' })
  const [localIssues, setLocalIssues] = useState<Partial<Record<Field, string>>>({})
  const versions = useChartVersions(lookup.repository, lookup.path)
  const listId = useId()

  const commitLookup = () => {
    const checked = checkChartQuery({ repository, path })
    if (checked.ok) setLookup({ repository: checked.value.repository, path: checked.value.path })
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = checkChartQuery({ repository, path, version })
    if (!checked.ok) {
      setLocalIssues(Object.fromEntries(checked.issues.map((i) => [i.field, i.message])))
      return
    }
    setLocalIssues({})
    commitLookup()
    onLoad(checked.value)
  }

  const serverField = error?.field as Field | undefined
  const issue = (field: Field) =>
    localIssues[field] ?? (serverField === field && error ? error.message : undefined)
  const generalError =
    error && !(serverField && ['repository', 'path', 'version'].includes(serverField))
      ? error
      : undefined

  return (
    <form className="chart-source" onSubmit={submit} noValidate aria-label="Chart source">
      <div className="source-row">
        <TextField
          label="Repository"
          value={repository}
          onChange={setRepository}
          onBlur={commitLookup}
          placeholder="oci://ghcr.io/org/charts or https://charts.example.com"
          help="An OCI registry (oci://…) or a Helm repository (https://…)"
          error={issue('repository')}
          autoComplete="url"
        />
        <TextField
          label="Path"
          value={path}
          onChange={setPath}
          onBlur={commitLookup}
          placeholder="demo"
          help="The chart's name in the repository"
          error={issue('path')}
        />
        <TextField
          label="Version"
          value={version}
          onChange={setVersion}
          onFocus={commitLookup}
          placeholder={versions.data?.versions[0] ?? 'newest'}
          help={
            versions.isFetching
              ? 'Looking up versions…'
              : versions.data
                ? `${versions.data.versions.length} version${versions.data.versions.length === 1 ? '' : 's'} available`
                : 'A version or tag; empty means the newest'
          }
          error={issue('version')}
          list={listId}
        />
        <datalist id={listId}>
          {versions.data?.versions.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        <div className="source-actions">
          <button type="submit" className="primary" disabled={loading}>
            {loading ? 'Loading…' : 'Load'}
          </button>
        </div>
      </div>
      {generalError && <ErrorNotice error={generalError} />}
    </form>
  )
}
