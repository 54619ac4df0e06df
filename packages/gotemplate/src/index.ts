export {
  asGoMap,
  GoStruct,
  isGoMap,
  isTrue,
  kindOf,
  underlyingValue,
  type GoKind,
  type GoMap,
  type GoNamedValue,
} from './value.ts'
export {
  signatureOf,
  withSignature,
  type FuncMap,
  type FuncSignature,
  type GoParam,
  type TemplateFunc,
} from './func.ts'
export { sprigFuncs } from './funcs/index.ts'
export { goStringOf } from './funcs/utf8.ts'
export { goTypeName, withGoType } from './funcs/fmt-type.ts'
export {
  decodeJson,
  decodeSimpleYaml,
  decodeYaml,
  decodeYamlDocuments,
  decodeYamlMap,
  encodeJson,
  encodeYaml,
  encodeYamlPretty,
  encodingFuncs,
  EncodingError,
  formatFloatG,
  sprigJsonFuncs,
  type EncodingErrorCode,
} from './encoding/index.ts'
export { TemplateSet, type TemplateSetOptions } from './template-set.ts'
export { ParseCache } from './parse-cache.ts'
export type { MissingKeyMode } from './exec.ts'
export {
  TemplateError,
  TemplateExecError,
  TemplateLimitError,
  TemplateNotFoundError,
  TemplateParseError,
  type TemplateErrorCode,
} from './errors.ts'
export { DEFAULT_TEMPLATE_LIMITS, type TemplateLimits } from './limits.ts'
export { BUILTINS as goBuiltins } from './builtins.ts'
export type { Template, TemplateSource } from './ast.ts'
