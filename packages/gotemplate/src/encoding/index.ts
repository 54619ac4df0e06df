export {
  decodeYaml,
  decodeYamlDocuments,
  decodeYamlMap,
  type DecodeYamlOptions,
} from './yaml-decode.ts'
export { decodeSimpleYaml } from './yaml-fast.ts'
export { encodeYaml, encodeYamlPretty } from './yaml-encode.ts'
export { encodeJson, quoteJsonString, type EncodeJsonOptions } from './json-encode.ts'
export { decodeJson } from './json-decode.ts'
export { encodeToml } from './toml-encode.ts'
export { decodeToml } from './toml-decode.ts'
export { formatFloatG, formatJsonFloat } from './go-float.ts'
export { EncodingError, type EncodingErrorCode } from './errors.ts'
export {
  encodingFuncs,
  fromJson,
  fromJsonArray,
  fromToml,
  fromYaml,
  fromYamlArray,
  toJson,
  toToml,
  toYaml,
  toYamlPretty,
} from './funcs.ts'
export { sprigJsonFuncs, mustFromJson, toPrettyJson, toRawJson } from './sprig-json.ts'
