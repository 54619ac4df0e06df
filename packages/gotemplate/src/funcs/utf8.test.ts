import { describe, expect, it } from 'vitest'
import { byteLength, decodeUtf8, encodeUtf8, goStringOf } from './utf8.ts'

describe('goStringOf', () => {
  it('keeps every byte of random data, valid UTF-8 or not', () => {
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    for (let round = 0; round < 200; round++) {
      const bytes = Uint8Array.from({ length: next() % 64 }, () => next() % 256)
      const s = goStringOf(bytes)
      expect(encodeUtf8(s)).toEqual(bytes)
      expect(byteLength(s)).toBe(bytes.length)
    }
  })

  it('reads valid UTF-8 as decodeUtf8 does, and marks only the bytes that are not', () => {
    const text = encodeUtf8('héllo ✓ 😀')
    expect(goStringOf(text)).toBe(decodeUtf8(text))
    const broken = Uint8Array.from([0x61, 0xc3, 0x62, 0xff])
    expect(goStringOf(broken)).toBe('a\udcc3b\udcff')
    expect(decodeUtf8(broken)).toBe('a\ufffdb\ufffd')
  })

  it('turns other lone surrogates into U+FFFD when encoding', () => {
    expect(encodeUtf8('\ud800x')).toEqual(Uint8Array.from([0xef, 0xbf, 0xbd, 0x78]))
  })
})
