/** Sprig's checksums of a string's UTF-8 bytes: `sha1sum`, `sha256sum`, `sha512sum`, `adler32sum`. */
import { sha1 } from '@noble/hashes/legacy.js'
import { sha256, sha512 } from '@noble/hashes/sha2.js'
import type { FuncMap } from '../func.ts'
import { fn } from './args.ts'
import { encodeUtf8 } from './utf8.ts'

/** Lower-case hex, as Go's hex.EncodeToString. */
export function toHex(b: Uint8Array): string {
  let s = ''
  for (const x of b) s += x.toString(16).padStart(2, '0')
  return s
}

/** hash/adler32.Checksum. */
export function adler32(b: Uint8Array): number {
  let a = 1
  let s = 0
  for (const x of b) {
    a = (a + x) % 65521
    s = (s + a) % 65521
  }
  return ((s << 16) | a) >>> 0
}

/** Hash functions. */
export const hashFuncs: FuncMap = {
  sha1sum: fn(['string'], (s: string) => toHex(sha1(encodeUtf8(s)))),
  sha256sum: fn(['string'], (s: string) => toHex(sha256(encodeUtf8(s)))),
  sha512sum: fn(['string'], (s: string) => toHex(sha512(encodeUtf8(s)))),
  adler32sum: fn(['string'], (s: string) => String(adler32(encodeUtf8(s)))),
}
