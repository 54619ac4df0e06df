/**
 * Go's encoding/base64.StdEncoding and base32.StdEncoding, with Go's error offsets
 * (`illegal base64 data at input byte 0`), which `b64dec` returns as its value.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

function encode(src: Uint8Array, alphabet: string, bitsPerChar: number, quantum: number): string {
  let out = ''
  let buf = 0
  let bits = 0
  for (const b of src) {
    buf = (buf << 8) | b
    bits += 8
    while (bits >= bitsPerChar) {
      bits -= bitsPerChar
      out += alphabet[(buf >> bits) & ((1 << bitsPerChar) - 1)]
    }
    buf &= (1 << bits) - 1
  }
  if (bits > 0) out += alphabet[(buf << (bitsPerChar - bits)) & ((1 << bitsPerChar) - 1)]
  while (out.length % quantum !== 0) out += '='
  return out
}

/** base64.StdEncoding.EncodeToString. */
export function base64Encode(src: Uint8Array): string {
  return encode(src, B64, 6, 4)
}

/** base32.StdEncoding.EncodeToString. */
export function base32Encode(src: Uint8Array): string {
  return encode(src, B32, 5, 8)
}

/** Thrown with Go's CorruptInputError offset. */
export class CorruptInputError extends Error {
  constructor(
    readonly offset: number,
    kind: string,
  ) {
    super(`illegal ${kind} data at input byte ${offset}`)
  }
}

/**
 * Go's padded decoder: reads quanta of `q` characters (`q` = 4 for base64, 8 for base32),
 * skipping CR and LF; padding may only close the last quantum.
 */
function decode(
  src: Uint8Array,
  alphabet: string,
  bitsPerChar: number,
  q: number,
  kind: string,
): Uint8Array {
  const map = new Map<number, number>()
  for (let i = 0; i < alphabet.length; i++) map.set(alphabet.charCodeAt(i), i)
  const out: number[] = []
  let si = 0
  const validPadLen = q === 4 ? [2, 3] : [2, 4, 5, 7]
  while (si < src.length) {
    const vals: number[] = []
    let j = 0
    let end = false
    for (; j < q; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out)
        throw new CorruptInputError(si - j, kind)
      }
      const c = src[si++]!
      const v = map.get(c)
      if (v !== undefined) {
        vals.push(v)
        continue
      }
      if (c === 10 || c === 13) {
        j--
        continue
      }
      if (c !== 61) throw new CorruptInputError(si - 1, kind)
      // Padding: it must fill the rest of the quantum.
      if (!validPadLen.includes(j)) throw new CorruptInputError(si - 1, kind)
      for (let k = j + 1; k < q; k++) {
        while (si < src.length && (src[si] === 10 || src[si] === 13)) si++
        if (si === src.length) throw new CorruptInputError(src.length, kind)
        if (src[si] !== 61) throw new CorruptInputError(si - 1, kind)
        si++
      }
      while (si < src.length && (src[si] === 10 || src[si] === 13)) si++
      if (si < src.length) {
        flush(vals)
        throw new CorruptInputError(si, kind)
      }
      end = true
      break
    }
    flush(vals)
    if (end) break
  }
  return Uint8Array.from(out)

  function flush(vals: number[]): void {
    let buf = 0
    let bits = 0
    for (const v of vals) {
      buf = (buf << bitsPerChar) | v
      bits += bitsPerChar
      if (bits >= 8) {
        bits -= 8
        out.push((buf >> bits) & 0xff)
        buf &= (1 << bits) - 1
      }
    }
  }
}

/** base64.StdEncoding.DecodeString. */
export function base64Decode(src: Uint8Array): Uint8Array {
  return decode(src, B64, 6, 4, 'base64')
}

/** base32.StdEncoding.DecodeString. */
export function base32Decode(src: Uint8Array): Uint8Array {
  return decode(src, B32, 5, 8, 'base32')
}
