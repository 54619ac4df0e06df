/**
 * Helm's toYaml: sigs.k8s.io/yaml.Marshal, that is encoding/json, then go-yaml v2 reading the
 * JSON back (which re-types numbers) and emitting it.
 */
import { JsonNumber, toJsonTree } from './json-tree.ts'
import type { JsonNode } from './json-tree.ts'
import { formatFloatG } from './go-float.ts'
import { emitYaml } from './yaml-emitter.ts'
import type { YamlNode } from './yaml-emitter.ts'
import { isBase60Float, resolvePlain } from './yaml-resolve.ts'
import { naturalSort } from './yaml-sort.ts'

/** go-yaml v2's stringv: plain when it reads back as the same string, literal when multi-line. */
function stringNode(s: string): YamlNode {
  const canUsePlain = resolvePlain(s).tag === 'str' && !isBase60Float(s)
  const style = s.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double'
  return { kind: 'scalar', value: s, style }
}

function plain(value: string): YamlNode {
  return { kind: 'scalar', value, style: 'plain' }
}

/** A JSON number as go-yaml v2 types and prints it: ints as written, floats with %g. */
function numberNode(n: JsonNumber): YamlNode {
  const r = resolvePlain(n.text)
  if (r.tag === 'int') return plain(r.value.toString())
  if (r.tag === 'float') {
    const s = formatFloatG(r.value)
    return plain(s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s)
  }
  return plain(n.text)
}

/** Builds the emitter's tree from encoding/json output, keys in go-yaml's natural order. */
export function yamlTreeFromJson(j: JsonNode): YamlNode {
  if (j === null) return plain('null')
  if (typeof j === 'boolean') return plain(j ? 'true' : 'false')
  if (typeof j === 'string') return stringNode(j)
  if (j instanceof JsonNumber) return numberNode(j)
  if (Array.isArray(j)) return { kind: 'seq', items: j.map(yamlTreeFromJson) }
  const byKey = new Map(j.entries)
  const keys = naturalSort([...byKey.keys()])
  return { kind: 'map', entries: keys.map((k) => [stringNode(k), yamlTreeFromJson(byKey.get(k)!)]) }
}

/**
 * `sigs.k8s.io/yaml.Marshal(value)` byte for byte (trailing newline included): go-yaml v2's
 * natural key order, 2-space indent, sequences not indented under keys, YAML 1.1 specials
 * quoted, literal blocks for multi-line strings, long lines folded at 80 columns.
 *
 * @example encodeYaml({ b: [1, 'yes'], a: 1.5 }) // 'a: 1.5\nb:\n- 1\n- "yes"\n'
 * @throws {EncodingError} for values encoding/json refuses (NaN, infinities, functions)
 */
export function encodeYaml(value: unknown): string {
  return emitYaml(yamlTreeFromJson(toJsonTree(value)))
}
