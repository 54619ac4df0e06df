import { describe, expect, it } from 'vitest'
import { urlFuncs as f } from './urls.ts'

// Expected values were produced by helm v3.17.3 (Go's net/url).
describe('urlParse and urlJoin', () => {
  it('splits a URL as net/url does', () => {
    expect(f.urlParse!('https://user:p%40ss@example.com:8443/a%20b/c?x=1&y=2#frag%20x')).toEqual({
      fragment: 'frag x',
      host: 'example.com:8443',
      hostname: 'example.com',
      opaque: '',
      path: '/a b/c',
      query: 'x=1&y=2',
      scheme: 'https',
      userinfo: 'user:p%40ss',
    })
    expect(f.urlParse!('mailto:someone@example.com')).toMatchObject({
      scheme: 'mailto',
      opaque: 'someone@example.com',
    })
  })

  it('joins parts back', () => {
    expect(f.urlJoin!(f.urlParse!('http://h/ü?é#ü'))).toBe('http://h/%C3%BC?é#%C3%BC')
    expect(
      f.urlJoin!({
        scheme: 'https',
        host: 'h:1',
        path: 'a b/c',
        query: 'x=1',
        fragment: 'f g',
        userinfo: 'u:p@w',
      }),
    ).toBe('https://u:p%40w@h:1/a%20b/c?x=1#f%20g')
    expect(f.urlJoin!({ path: 'a:b' })).toBe('./a:b')
  })

  it('fails as Sprig panics', () => {
    expect(() => f.urlParse!('http://a b.com/%zz')).toThrow(/unable to parse url/)
    expect(() => f.urlJoin!({ host: 1n })).toThrow(
      'unable to parse host key, must be of type string, but int found',
    )
  })
})
