/**
 * UTF-8 conversion without TextEncoder/TextDecoder (not in the ES lib this package is
 * checked against). Go strings are bytes; Slipway keeps them as JS strings and converts only
 * where Go's byte semantics show (`trunc`, `substr`, hashes, base64).
 */

/**
 * Go's `string(bytes)`: the text of `b` with every byte kept. Go strings may hold bytes that are
 * not UTF-8 (a binary file through `.Files.Get`, `b64dec` of one); each such byte becomes the
 * lone surrogate U+DC80–U+DCFF, which no UTF-8 text decodes to, and {@link encodeUtf8} turns
 * back into that byte, so `.Files.Get "x.bin" | b64enc` gives back the file as Helm does.
 */
export function goStringOf(b: Uint8Array): string {
  return decode(b, true)
}

/** UTF-8 bytes of a string, the bytes of {@link goStringOf} kept; other lone surrogates become U+FFFD. */
export function encodeUtf8(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 3)
  let n = 0
  for (let i = 0; i < s.length; i++) {
    let r = s.charCodeAt(i)
    if (r < 0x80) {
      out[n++] = r
      continue
    }
    if (r >= 0xd800 && r <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1)
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        r = 0x10000 + ((r - 0xd800) << 10) + (lo - 0xdc00)
        i++
      }
    }
    if (r >= 0xdc80 && r <= 0xdcff) {
      out[n++] = r - 0xdc00
      continue
    }
    if (r >= 0xd800 && r <= 0xdfff) r = 0xfffd
    if (r < 0x800) {
      out[n++] = 0xc0 | (r >> 6)
      out[n++] = 0x80 | (r & 0x3f)
    } else if (r < 0x10000) {
      out[n++] = 0xe0 | (r >> 12)
      out[n++] = 0x80 | ((r >> 6) & 0x3f)
      out[n++] = 0x80 | (r & 0x3f)
    } else {
      out[n++] = 0xf0 | (r >> 18)
      out[n++] = 0x80 | ((r >> 12) & 0x3f)
      out[n++] = 0x80 | ((r >> 6) & 0x3f)
      out[n++] = 0x80 | (r & 0x3f)
    }
  }
  return out.slice(0, n)
}

/** Decodes UTF-8; each invalid byte becomes U+FFFD, as Go's `for range` over a string does. */
export function decodeUtf8(b: Uint8Array): string {
  return decode(b, false)
}

function decode(b: Uint8Array, keepBytes: boolean): string {
  let s = ''
  let i = 0
  // ASCII runs are decoded in chunks
  const ascii = (from: number): number => {
    let j = from
    while (j < b.length && b[j]! < 0x80 && j - from < 8192) j++
    if (j > from) s += String.fromCharCode(...b.subarray(from, j))
    return j
  }
  while (i < b.length) {
    if (b[i]! < 0x80) {
      i = ascii(i)
      continue
    }
    const c = b[i]!
    let r = 0xfffd
    let n = 1
    if (c < 0x80) r = c
    else if (c >= 0xc2 && c < 0xe0 && i + 1 < b.length && (b[i + 1]! & 0xc0) === 0x80) {
      r = ((c & 0x1f) << 6) | (b[i + 1]! & 0x3f)
      n = 2
    } else if (
      c >= 0xe0 &&
      c < 0xf0 &&
      i + 2 < b.length &&
      (b[i + 1]! & 0xc0) === 0x80 &&
      (b[i + 2]! & 0xc0) === 0x80
    ) {
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
      const v =
        ((c & 0x07) << 18) |
        ((b[i + 1]! & 0x3f) << 12) |
        ((b[i + 2]! & 0x3f) << 6) |
        (b[i + 3]! & 0x3f)
      if (v >= 0x10000 && v <= 0x10ffff) {
        r = v
        n = 4
      }
    }
    s += keepBytes && n === 1 ? String.fromCharCode(0xdc00 + c) : String.fromCodePoint(r)
    i += n
  }
  return s
}

/** Length of a string in UTF-8 bytes (Go's `len`). */
export function byteLength(s: string): number {
  let n = 0
  for (const ch of s) {
    const r = ch.codePointAt(0)!
    n += r < 0x80 || (r >= 0xdc80 && r <= 0xdcff) ? 1 : r < 0x800 ? 2 : r < 0x10000 ? 3 : 4
  }
  return n
}
