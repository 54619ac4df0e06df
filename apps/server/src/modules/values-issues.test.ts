import { expect, it } from 'vitest'
import { schemaIssues } from './values-issues.ts'

it('reads the root chart issues of Helm schema message as JSON pointers', () => {
  const message = [
    "values don't meet the specifications of the schema(s) in the following chart(s):",
    'nested:',
    "- app.image.tag: Does not match pattern '^[A-Za-z0-9_.-]+$'",
    '- app.replicas: Must be greater than or equal to 0',
    '- (root): name is required',
    'sub:',
    '- port: Invalid type. Expected: integer, given: string',
    '',
  ].join('\n')
  expect(schemaIssues(message, 'nested')).toEqual([
    { field: '/app/image/tag', message: "Does not match pattern '^[A-Za-z0-9_.-]+$'" },
    { field: '/app/replicas', message: 'Must be greater than or equal to 0' },
    { field: '', message: 'name is required' },
  ])
})
