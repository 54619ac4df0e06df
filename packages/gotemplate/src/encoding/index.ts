import type { FuncMap } from '../func.ts'

export { decodeYaml, decodeYamlDocuments, type DecodeYamlOptions } from './yaml-decode.ts'
export { EncodingError, type EncodingErrorCode } from './errors.ts'

/** Helm's own encoding functions: toYaml, fromYaml, toJson, fromJson, toToml and their kin. */
export const encodingFuncs: FuncMap = {}

/** Encodes a value as Helm's toYaml does. Provisional. */
export function encodeYaml(value: unknown): string {
  return JSON.stringify(value)
}
