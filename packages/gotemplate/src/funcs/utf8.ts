/**
 * UTF-8 conversion without TextEncoder/TextDecoder (not in the ES lib this package is
 * checked against). Go strings are bytes; Slipway keeps them as JS strings and converts only
 * where Go's byte semantics show (`trunc`, `substr`, hashes, base64).
 */

/** UTF-8 bytes of a string; lone surrogates become U+FFFD as Go's conversion would. */
export function encodeUtf8(s: string): Uint8Array {
  const out: number[] = []
  for (const ch of s) {
    let r = ch.codePointAt(0)!
    if (r >= 0xd800 && r <= 0xdfff) r = 0xfffd
    if (r < 0x80) out.push(r)
    else if (r < 0x800) out.push(0xc0 | (r >> 6), 0x80 | (r & 0x3f))
    else if (r < 0x10000) out.push(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f))
    else
      out.push(
        0xf0 | (r >> 18),
        0x80 | ((r >> 12) & 0x3f),
        0x80 | ((r >> 6) & 0x3f),
        0x80 | (r & 0x3f),
      )
  }
  return Uint8Array.from(out)
}

/** Decodes UTF-8; each invalid byte becomes U+FFFD, as Go's `for range` over a string does. */
export function decodeUtf8(b: Uint8Array): string {
  let s = ''
  let i = 0
  while (i < b.length) {
    const c = b[i]!
    let r = 0xfffd
    let n = 1
    if (c < 0x80) r = c
    else if (c >= 0xc2 && c < 0xe0 && i + 1 < b.length && (b[i + 1]! & 0xc0) === 0x80) {
      r = ((c & 0x1f) << 6) | (b[i + 1]! & 0x3f)
      n = 2
    } else if (c >= 0xe0 && c < 0xf0 && i + 2 < b.length && (b[i + 1]! & 0xc0) === 0x80 && (b[i + 2]! & 0xc0) === 0x80) {
      const v = ((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f)
      if (v >= 0x800 && (v < 0xd800 || v > 0xdfff)) {
        r = v
        n = 3
      }
    } else if (
      c >= 0xf0 &&
      c < 0xf5 &&
      i + 3 < b.length &&
      (b[i + 1]! & 0xc0) === 0x80 &&
      (b[i + 2]! & 0xc0) === 0x80 &&
      (b[i + 3]! & 0xc0) === 0x80
    ) {
      const v = ((c & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f)
      if (v >= 0x10000 && v <= 0x10ffff) {
        r = v
        n = 4
      }
    }
    s += String.fromCodePoint(r)
    i += n
  }
  return s
}

/** Length of a string in UTF-8 bytes (Go's `len`). */
export function byteLength(s: string): number {
  let n = 0
  for (const ch of s) {
    const r = ch.codePointAt(0)!
    n += r < 0x80 ? 1 : r < 0x800 ? 2 : r < 0x10000 ? 3 : 4
  }
  return n
}
