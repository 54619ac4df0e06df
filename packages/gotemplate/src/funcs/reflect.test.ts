import { describe, expect, it } from 'vitest'
import { reflectFuncs as f } from './reflect.ts'

// Expected values were produced by helm v3.17.3.
const cases: [string, unknown[], unknown][] = [
  ['typeOf', [1n], 'int'],
  ['typeOf', [42], 'float64'],
  ['typeOf', [[]], '[]interface {}'],
  ['typeOf', [{}], 'map[string]interface {}'],
  ['typeOf', [null], '<nil>'],
  ['kindOf', [null], 'invalid'],
  ['kindOf', [[]], 'slice'],
  ['kindIs', ['map', { a: 1 }], true],
  ['typeIs', ['float64', 42], true],
  ['typeIsLike', ['string', 'a'], true],
  [
    'deepEqual',
    [
      [1n, { a: 2n }],
      [1n, { a: 2n }],
    ],
    true,
  ],
  ['deepEqual', [1n, 1], false],
]

describe('reflection functions', () => {
  it.each(cases)('%s #%#', (name, args, want) => expect(f[name]!(...args)).toBe(want))
})
