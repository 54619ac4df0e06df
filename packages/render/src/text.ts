// The renderer runs in Node and in browsers; both have these, but the ES lib types lack them.
declare const TextDecoder: new (label?: string) => { decode(input?: Uint8Array): string }
declare const TextEncoder: new () => { encode(input?: string): Uint8Array }
declare function btoa(data: string): string

const decoder = new TextDecoder('utf-8')
const encoder = new TextEncoder()

/** Decodes UTF-8 bytes as Go's string(bytes) (invalid sequences become U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes)
}

/** Encodes a string as UTF-8 bytes. */
export function encodeUtf8(s: string): Uint8Array {
  return encoder.encode(s)
}

/** Standard base64 of bytes, as Go's base64.StdEncoding. */
export function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(s)
}
