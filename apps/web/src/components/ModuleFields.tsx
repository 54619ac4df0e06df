import { checkModuleName, checkNamespace } from '@slipway/api'
import { TextField } from './TextField.tsx'

interface Props {
  name: string
  namespace: string
  onName(name: string): void
  onNamespace(namespace: string): void
  /** Editing an existing module: name and namespace are fixed. */
  locked?: boolean
  errors?: { name?: string | undefined; namespace?: string | undefined }
}

/** The module's Name and Namespace, checked as Helm checks release names. */
export function ModuleFields({ name, namespace, onName, onNamespace, locked, errors }: Props) {
  return (
    <div className="module-fields">
      <TextField
        label="Name"
        value={name}
        onChange={onName}
        readOnly={locked ?? false}
        help="The release name: lower-case letters, digits and dashes"
        error={errors?.name ?? (name ? checkModuleName(name) : undefined)}
        required
      />
      <TextField
        label="Namespace"
        value={namespace}
        onChange={onNamespace}
        readOnly={locked ?? false}
        help="The Kubernetes namespace the module is deployed into"
        error={errors?.namespace ?? (namespace ? checkNamespace(namespace) : undefined)}
        required
      />
    </div>
  )
}
