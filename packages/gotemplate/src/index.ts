export { GoStruct, isGoMap, isTrue, kindOf, type GoKind, type GoMap } from './value.ts'
export type { FuncMap, TemplateFunc } from './func.ts'
export { sprigFuncs } from './funcs/index.ts'
export { decodeYaml, encodeYaml, encodingFuncs } from './encoding/index.ts'
