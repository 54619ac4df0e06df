// TextDecoder exists in browsers and Node, but the ES lib this entry is checked against
// (no DOM, no Node types) does not declare it.
declare const TextDecoder: new (label?: string) => { decode(input?: Uint8Array): string }

const decoder = new TextDecoder('utf-8')

/** Decodes UTF-8 bytes (invalid sequences become U+FFFD, as in every runtime). */
export function utf8(data: Uint8Array): string {
  return decoder.decode(data)
}
