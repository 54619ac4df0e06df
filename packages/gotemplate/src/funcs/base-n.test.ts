import { describe, expect, it } from 'vitest'
import { encodingFuncs as f } from './encoding.ts'
import { hashFuncs as h } from './hashes.ts'

// Expected values were produced by helm v3.17.3.
const cases: [string, string, string][] = [
  ['b64enc', 'héllo wörld', 'aMOpbGxvIHfDtnJsZA=='],
  ['b64dec', 'aGVsbG8=', 'hello'],
  ['b64dec', '!!', 'illegal base64 data at input byte 0'],
  ['b64dec', 'aGVsbG8', 'illegal base64 data at input byte 4'],
  ['b64dec', 'aGVsbA=x', 'illegal base64 data at input byte 6'],
  ['b64dec', 'aGVs\nbG8=', 'hello'],
  ['b32enc', 'hello', 'NBSWY3DP'],
  ['b32dec', 'NBSWY3DP', 'hello'],
  ['b32dec', 'NBSWY3D', 'illegal base32 data at input byte 0'],
  ['b32dec', 'nbswy3dp', 'illegal base32 data at input byte 0'],
  ['sha1sum', 'abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
  ['sha256sum', 'héllo', '3c48591d8d098a4538f5e013dfcf406e948eac4d3277b10bf614e295d6068179'],
  ['adler32sum', 'Wikipedia', '300286872'],
]

describe('encoding and hash functions', () => {
  it.each(cases)('%s %s', (name, arg, want) => expect({ ...f, ...h }[name]!(arg)).toBe(want))
  it('refuses non-strings as Go does', () => {
    expect(() => f.b64enc!(12n)).toThrow('wrong type for value; expected string; got int')
  })
})
