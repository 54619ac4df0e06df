import { describe, expect, it } from 'vitest'
import { encodeUtf8 } from '../text.ts'
import { Files } from './files.ts'
import { compileGlob } from './glob.ts'

const toYaml = (v: unknown) => JSON.stringify(v)
const files = Files.of(
  [
    { name: 'config/a.conf', data: encodeUtf8('a=1\nb=2\n') },
    { name: 'config/sub/b.conf', data: encodeUtf8('b') },
    { name: 'README.md', data: encodeUtf8('hi') },
  ],
  toYaml,
)

describe('Files', () => {
  it('gets text, bytes and lines; missing files are empty', () => {
    expect(files.Get('README.md')).toBe('hi')
    expect(files.Get('nope')).toBe('')
    expect(files.GetBytes('nope').length).toBe(0)
    expect(files.Lines('config/a.conf')).toEqual(['a=1', 'b=2'])
    expect(files.Lines('nope')).toEqual([])
  })
  it('globs with gobwas semantics and builds config maps by base name', () => {
    expect(files.Glob('config/*').AsConfig()).toBe('{"a.conf":"a=1\\nb=2\\n"}')
    expect(
      files
        .Glob('config/**')
        .entries()
        .map(([k]) => k),
    ).toEqual(['config/a.conf', 'config/sub/b.conf'])
    expect(files.Glob('config/**.conf').AsSecrets()).toBe(
      '{"a.conf":"YT0xCmI9Mgo=","b.conf":"Yg=="}',
    )
  })
})

describe('compileGlob', () => {
  it.each([
    ['*.md', 'README.md', true],
    ['*', 'a/b', false],
    ['**', 'a/b', true],
    ['{a,b}/*', 'b/x', true],
    ['[!a]*', 'abc', false],
  ])('%s ~ %s', (p, n, ok) => expect(compileGlob(p)?.test(n)).toBe(ok))
})
