/** Go's encoding/pem: 64-column base64 lines, LF line ends. */
import { base64Decode, base64Encode } from './base-n.ts'

/** pem.Encode of one block. */
export function pemEncode(type: string, der: Uint8Array): string {
  const b64 = base64Encode(der)
  let body = ''
  for (let i = 0; i < b64.length; i += 64) body += b64.slice(i, i + 64) + '\n'
  return `-----BEGIN ${type}-----\n${body}-----END ${type}-----\n`
}

/** pem.Decode of the first block, or undefined when there is none. */
export function pemDecode(text: string): { type: string; bytes: Uint8Array } | undefined {
  // one way to match each line, so a hostile text cannot make the search backtrack
  const m = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n((?:[^-\r\n]*\r?\n)*?)-----END \1-----/.exec(text)
  if (m === null) return undefined
  const body = m[2]!.replace(/^[A-Za-z-]+:.*\r?\n/gm, '').replace(/[\r\n\t ]/g, '')
  try {
    return { type: m[1]!, bytes: base64Decode(Uint8Array.from(body, (c) => c.charCodeAt(0))) }
  } catch {
    return undefined
  }
}

/** Bytes to forge's binary-string form. */
export function toBinary(b: Uint8Array): string {
  let s = ''
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192))
  return s
}

/** forge's binary-string form to bytes. */
export function fromBinary(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0))
}
