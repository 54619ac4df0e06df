/** Standard base64 without the platform's atob/btoa, which the browser-safe build does not declare. */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Decodes standard padded base64 (a YAML `!!binary` value) to bytes; `bad` reports malformed input. */
export function decodeBase64(s: string, bad: () => never): Uint8Array {
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) bad()
  const bytes: number[] = []
  for (let i = 0; i < s.length; i += 4) {
    const n = [0, 1, 2, 3].map((j) => (s[i + j] === '=' ? 0 : B64.indexOf(s[i + j]!)))
    const triple = (n[0]! << 18) | (n[1]! << 12) | (n[2]! << 6) | n[3]!
    bytes.push((triple >> 16) & 255)
    if (s[i + 2] !== '=') bytes.push((triple >> 8) & 255)
    if (s[i + 3] !== '=') bytes.push(triple & 255)
  }
  return Uint8Array.from(bytes)
}

/** Standard base64 with padding, as encoding/json writes a []byte. */
export function base64Encode(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]]
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0)
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!
    out += b === undefined ? '=' : B64[(n >> 6) & 63]!
    out += c === undefined ? '=' : B64[n & 63]!
  }
  return out
}
