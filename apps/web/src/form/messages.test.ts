import { describe, expect, it } from 'vitest'
import { helmMessage, toHelmErrors } from './messages.ts'

describe('helmMessage', () => {
  it.each([
    [
      { name: 'minimum', params: { limit: 0, comparison: '>=' } },
      'Must be greater than or equal to 0',
    ],
    [
      { name: 'maximum', params: { limit: 20, comparison: '<=' } },
      'Must be less than or equal to 20',
    ],
    [{ name: 'pattern', params: { pattern: '^[a-z]+$' } }, "Does not match pattern '^[a-z]+$'"],
    [{ name: 'required', params: { missingProperty: 'name' } }, 'name is required'],
    [
      { name: 'enum', params: { allowedValues: ['a', 'b'] } },
      'Must be one of the following: "a", "b"',
    ],
    [{ name: 'format', params: { format: 'email' } }, "Does not match format 'email'"],
    [
      { name: 'minLength', params: { limit: 1 } },
      'String length must be greater than or equal to 1',
    ],
    [{ name: 'uniqueItems', params: { i: 2, j: 0 } }, 'Array items[0,2] must be unique'],
    [{ name: 'const', params: { allowedValue: 'x' } }, 'Does not match: "x"'],
    [
      { name: 'type', params: { type: ['string', 'null'] } },
      'Invalid type. Expected: [string,null]',
    ],
    [{ name: 'required', params: { missingProperty: 'image' } }, 'image is required'],
    [{ name: 'something', params: {}, message: 'as the validator said' }, 'as the validator said'],
  ])('words %j as Helm does', (error, message) => {
    expect(helmMessage(error)).toBe(message)
  })

  it('rewrites rjsf errors with their property', () => {
    const [e] = toHelmErrors([
      {
        name: 'minimum',
        params: { limit: 0, comparison: '>=' },
        property: '.replicas',
        message: 'must be >= 0',
        stack: '',
        schemaPath: '',
      },
    ])
    expect(e).toMatchObject({
      message: 'Must be greater than or equal to 0',
      stack: '.replicas Must be greater than or equal to 0',
      property: '.replicas',
    })
  })
})
