import type { FieldIssue } from '@slipway/api'
import type { ErrorSchema } from '@rjsf/utils'

/**
 * The server's values issues (JSON pointers into the values) as an rjsf error schema, so each
 * message shows next to its field; issues about the whole document go on the root.
 *
 * @example toErrorSchema([{ field: '/app/replicas', message: 'Must be…' }]) // { app: { replicas: { __errors: ['Must be…'] } } }
 */
export function toErrorSchema(issues: FieldIssue[]): ErrorSchema {
  const root: Record<string, unknown> = {}
  for (const issue of issues) {
    if (issue.field !== '' && !issue.field.startsWith('/')) continue
    const parts =
      issue.field === ''
        ? []
        : issue.field
            .slice(1)
            .split('/')
            .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    let node = root
    for (const part of parts) {
      const next = (node[part] ??= {}) as Record<string, unknown>
      node = next
    }
    const list = (node.__errors ??= []) as string[]
    list.push(issue.message)
  }
  return root as ErrorSchema
}
