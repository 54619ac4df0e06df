import type { FieldIssue } from '@slipway/api'

/**
 * The root chart's schema failures from Helm's message (`- app.replicas: Must be …` under the
 * chart's name), as JSON pointers into the values, so the form can show each next to its field.
 */
export function schemaIssues(message: string, chartName: string): FieldIssue[] {
  const issues: FieldIssue[] = []
  let chart: string | undefined
  for (const line of message.split('\n')) {
    const item = /^- (.+?): (.*)$/.exec(line)
    if (!item) {
      const header = /^(\S.*):$/.exec(line)
      if (header) chart = header[1]
      continue
    }
    if (chart !== chartName) continue
    const field = item[1]!
    const pointer =
      field === '(root)'
        ? ''
        : `/${field
            .split('.')
            .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
            .join('/')}`
    issues.push({ field: pointer, message: item[2]! })
  }
  return issues
}
