/**
 * Sprig's JSON functions that Helm leaves in place (it replaces only toJson and fromJson):
 * pretty and raw encodings and the `must` forms, which fail the render instead of hiding
 * the error. They live beside Helm's encoders because they share the encoding/json port.
 */
import { withSignature } from '../func.ts'
import type { FuncMap } from '../func.ts'
import { decodeJsonPartial } from './json-decode.ts'
import { encodeJson } from './json-encode.ts'

/** Sprig's toPrettyJson: json.MarshalIndent with two spaces, "" on error. */
export function toPrettyJson(v: unknown): string {
  try {
    return encodeJson(v, { indent: '  ' })
  } catch {
    return ''
  }
}

/** Sprig's toRawJson: no HTML escaping; an unencodable value fails the call, as Sprig panics. */
export function toRawJson(v: unknown): string {
  return encodeJson(v, { escapeHTML: false })
}

/** Sprig's mustFromJson: any JSON value (numbers float64); malformed input fails the call. */
export function mustFromJson(s: string): unknown {
  const { value, error } = decodeJsonPartial(String(s))
  if (error) throw error
  return value
}

/** Sprig's JSON functions by name, with their Go signatures, for the Sprig function map. */
export const sprigJsonFuncs: FuncMap = {
  toPrettyJson: withSignature(toPrettyJson, { params: ['any'] }),
  toRawJson: withSignature(toRawJson, { params: ['any'] }),
  mustToJson: withSignature((v: unknown) => encodeJson(v), { params: ['any'] }),
  mustToPrettyJson: withSignature((v: unknown) => encodeJson(v, { indent: '  ' }), {
    params: ['any'],
  }),
  mustToRawJson: withSignature((v: unknown) => toRawJson(v), { params: ['any'] }),
  mustFromJson: withSignature(mustFromJson, { params: ['string'] }),
}
