export { GoStruct, isGoMap, isTrue, kindOf, type GoKind, type GoMap } from './value.ts'
