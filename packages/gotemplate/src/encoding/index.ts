import type { FuncMap } from '../func.ts'

/** Helm's own encoding functions: toYaml, fromYaml, toJson, fromJson, toToml and their kin. */
export const encodingFuncs: FuncMap = {}
