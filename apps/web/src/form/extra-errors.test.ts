import { expect, it } from 'vitest'
import { toErrorSchema } from './extra-errors.ts'

it('places each issue at its field, the document-wide ones at the root', () => {
  expect(
    toErrorSchema([
      { field: '/app/replicas', message: 'Must be greater than or equal to 0' },
      { field: '/app/image/tag', message: 'Does not match pattern' },
      { field: '/a~1b', message: 'slash in a key' },
      { field: '', message: 'name is required' },
      { field: 'name', message: 'a request field, not a values path' },
    ]),
  ).toEqual({
    __errors: ['name is required'],
    app: {
      replicas: { __errors: ['Must be greater than or equal to 0'] },
      image: { tag: { __errors: ['Does not match pattern'] } },
    },
    'a/b': { __errors: ['slash in a key'] },
  })
})
