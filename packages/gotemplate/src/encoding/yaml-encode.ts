/**
 * Helm's toYaml: sigs.k8s.io/yaml.Marshal, that is encoding/json, then go-yaml v2 reading the
 * JSON back (which re-types numbers) and emitting it.
 */
import { JsonNumber, toJsonTree } from './json-tree.ts'
import type { JsonNode } from './json-tree.ts'
import { formatFloatG } from './go-float.ts'
import { EncodingError } from './errors.ts'
import { MAX_ENCODE_DEPTH } from './limits.ts'
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

/** Characters encoding/json writes raw that go-yaml's reader refuses ("control characters are not allowed"). */
const YAML_FORBIDDEN = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/

/**
 * A JSON string as go-yaml v2 reads it back: encoding/json writes U+0085 (NEL) raw, and
 * inside a double-quoted scalar go-yaml folds that line break like any other (one → a space).
 */
function jsonStringViaYaml(s: string): string {
  if (YAML_FORBIDDEN.test(s)) {
    throw new EncodingError(
      'YAML_SYNTAX',
      'error converting JSON to YAML: yaml: control characters are not allowed',
    )
  }
  if (!s.includes('\u0085')) return s
  return s.replace(/ *\u0085(?: *\u0085)* */g, (m) => {
    const breaks = m.split('\u0085').length - 1
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1)
  })
}

/** Builds the emitter's tree from encoding/json output, keys in go-yaml's natural order. */
export function yamlTreeFromJson(j: JsonNode): YamlNode {
  if (j === null) return plain('null')
  if (typeof j === 'boolean') return plain(j ? 'true' : 'false')
  if (typeof j === 'string') return stringNode(jsonStringViaYaml(j))
  if (j instanceof JsonNumber) return numberNode(j)
  if (Array.isArray(j)) return { kind: 'seq', items: j.map(yamlTreeFromJson) }
  const byKey = new Map(j.entries.map(([k, v]) => [jsonStringViaYaml(k), v]))
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

/** go-yaml v3's typing of a Go value it encodes directly (no JSON step): floats stay floats. */
function prettyTree(v: unknown, depth: number): YamlNode {
  if (depth > MAX_ENCODE_DEPTH)
    throw new EncodingError('YAML_UNSUPPORTED', 'yaml: value nested too deeply')
  if (v === null || v === undefined) return plain('null')
  switch (typeof v) {
    case 'boolean':
      return plain(v ? 'true' : 'false')
    case 'bigint':
      return plain(v.toString())
    case 'number': {
      const s = formatFloatG(v)
      return plain(s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s)
    }
    case 'string':
      return stringNode(v)
    case 'object': {
      if (v instanceof Uint8Array) return stringNode(String.fromCharCode(...v))
      if (Array.isArray(v)) return { kind: 'seq', items: v.map((x) => prettyTree(x, depth + 1)) }
      const obj = v as Record<string, unknown>
      const keys = naturalSort(
        Object.keys(obj).filter((k) => typeof obj[k] !== 'function' && k !== 'goType'),
        true,
      )
      return {
        kind: 'map',
        entries: keys.map((k) => [stringNode(k), prettyTree(obj[k], depth + 1)]),
      }
    }
  }
  throw new EncodingError('YAML_UNSUPPORTED', `yaml: cannot marshal type: ${typeof v}`)
}

/**
 * Helm's toYamlPretty: go-yaml v3's encoder with indent 2, which writes the value directly
 * (floats keep `%g` form: `1.234567e+06`) and indents sequences under their keys.
 */
export function encodeYamlPretty(value: unknown): string {
  return emitYaml(prettyTree(value, 0), {
    indentSequences: true,
    width: Infinity,
    tabsInBlocks: true,
  })
}
