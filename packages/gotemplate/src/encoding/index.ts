import type { FuncMap } from '../func.ts'

export { decodeYaml, decodeYamlDocuments, type DecodeYamlOptions } from './yaml-decode.ts'
export { encodeYaml } from './yaml-encode.ts'
export { EncodingError, type EncodingErrorCode } from './errors.ts'

/** Helm's own encoding functions: toYaml, fromYaml, toJson, fromJson, toToml and their kin. */
export const encodingFuncs: FuncMap = {}
