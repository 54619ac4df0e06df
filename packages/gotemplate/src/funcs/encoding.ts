/** Sprig's `b64enc`, `b64dec`, `b32enc`, `b32dec`: decode failures return Go's error text. */
import type { FuncMap } from '../func.ts'
import { fn } from './args.ts'
import { base32Decode, base32Encode, base64Decode, base64Encode } from './base-n.ts'
import { encodeUtf8, goStringOf } from './utf8.ts'

function decoder(f: (b: Uint8Array) => Uint8Array) {
  return (s: string) => {
    try {
      return goStringOf(f(encodeUtf8(s)))
    } catch (e) {
      return (e as Error).message
    }
  }
}

/** Base64 and base32 functions. */
export const encodingFuncs: FuncMap = {
  b64enc: fn(['string'], (s: string) => base64Encode(encodeUtf8(s))),
  b64dec: fn(['string'], decoder(base64Decode)),
  b32enc: fn(['string'], (s: string) => base32Encode(encodeUtf8(s))),
  b32dec: fn(['string'], decoder(base32Decode)),
}
