import { parse, stringify } from 'yaml'
import type { FuncMap } from '../func.ts'

/** Helm's own encoding functions: toYaml, fromYaml, toJson, fromJson, toToml and their kin. */
export const encodingFuncs: FuncMap = {}

/**
 * Decodes YAML as Helm decodes values (YAML 1.1, every number a float64).
 * Provisional: to be replaced by the exact sigs.k8s.io/yaml semantics.
 */
export function decodeYaml(text: string, _options: { file?: string } = {}): unknown {
  return parse(text, { version: '1.1', intAsBigInt: false }) ?? null
}

/** Encodes a value as Helm's toYaml does. Provisional. */
export function encodeYaml(value: unknown): string {
  return stringify(value)
}
