/** UTF-8 without TextEncoder/TextDecoder, which the browser-safe build does not declare. */

/** Decodes UTF-8 bytes; each invalid sequence becomes U+FFFD, as Go's JSON encoder does. */
export function utf8Decode(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!
    let need = 0
    let cp = 0
    let min = 0
    if (b < 0x80) {
      out += String.fromCharCode(b)
      i++
      continue
    } else if (b >= 0xc2 && b < 0xe0) [need, cp, min] = [1, b & 0x1f, 0x80]
    else if (b >= 0xe0 && b < 0xf0) [need, cp, min] = [2, b & 0x0f, 0x800]
    else if (b >= 0xf0 && b < 0xf5) [need, cp, min] = [3, b & 0x07, 0x10000]
    else {
      out += '\ufffd'
      i++
      continue
    }
    let j = 1
    for (; j <= need; j++) {
      const c = bytes[i + j]
      if (c === undefined || (c & 0xc0) !== 0x80) break
      cp = (cp << 6) | (c & 0x3f)
    }
    if (j <= need || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\ufffd'
      i++
      continue
    }
    out += String.fromCodePoint(cp)
    i += need + 1
  }
  return out
}

/** Encodes a string as UTF-8 (lone surrogates become U+FFFD). */
export function utf8Encode(s: string): Uint8Array {
  const out: number[] = []
  for (const ch of s) {
    let cp = ch.codePointAt(0)!
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd
    if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
    else
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      )
  }
  return Uint8Array.from(out)
}
