/**
 * YAML decoding as Helm does it for values files and `fromYaml`: sigs.k8s.io/yaml, that is
 * go-yaml v2 (YAML 1.1 typing) into `interface{}`, then a JSON round trip. Every number comes
 * out a float64, keys come out strings, timestamps stay strings.
 *
 * The `yaml` package parses; this file only gives the parsed nodes go-yaml v2's meaning.
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml'
import type { Alias, Document, Node as YamlNode, Scalar } from 'yaml'
import { decodeBase64 } from './base64.ts'
import { EncodingError } from './errors.ts'
import type { EncodingErrorCode } from './errors.ts'
import { formatFloatG } from './go-float.ts'
import { setKey } from './go-map.ts'
import {
  ALIAS_RATIO_RANGE_HIGH,
  ALIAS_RATIO_RANGE_LOW,
  MAX_DECODED_NODES,
  MAX_YAML_DEPTH,
} from './limits.ts'
import { lineCol } from './text-position.ts'
import { utf8Decode } from './utf8.ts'
import { decodeSimpleFirstDocument, firstDocumentBounds } from './yaml-fast.ts'
import { relaxIndentation } from './yaml-relax-indent.ts'
import { checkSyntax, checkYamlChars, parseDocs } from './yaml-parse.ts'
import { fromResolved, resolvePlain } from './yaml-resolve.ts'
import type { GoYaml } from './yaml-resolve.ts'

/** Options for {@link decodeYaml}. */
export interface DecodeYamlOptions {
  /** Named in errors (`values.yaml`). */
  file?: string
}

const TAG_PREFIX = 'tag:yaml.org,2002:'

/** The kind of flow collection a node sits in, if any. */
type FlowKind = 'seq' | 'map' | undefined

class Decoder {
  private decodeCount = 0
  private aliasCount = 0
  private aliasDepth = 0
  private depth = 0
  private readonly expanding = new Set<YamlNode>()
  /** Flow-sequence plain scalars written `?key`: go-yaml reads a one-pair map `{key: null}`. */
  private readonly explicitKeys = new Set<Scalar>()
  /** Flow-mapping keys written `?key`: the `?` is go-yaml's explicit key indicator. */
  private readonly strippedKeys = new Set<Scalar>()
  /** Anchored nodes by name, in document order, so each alias resolves in log time. */
  private readonly anchors = new Map<string, { offset: number; node: YamlNode }[]>()

  constructor(
    doc: Document.Parsed,
    private readonly text: string,
    private readonly file: string | undefined,
  ) {
    // One walk, without recursion: index anchors, and apply go-yaml's flow-context rules for
    // plain scalars, which the YAML library reads more liberally.
    const stack: [unknown, FlowKind, boolean][] = [[doc.contents, undefined, false]]
    const flowPlains: [Scalar, 'seq' | 'map', boolean][] = []
    const unicodeBreaks: Scalar[] = []
    while (stack.length > 0) {
      const [n, flow, isKey] = stack.pop()!
      if (!n || typeof n !== 'object') continue
      const node = n as YamlNode & {
        anchor?: string
        items?: unknown[]
        key?: unknown
        value?: unknown
        flow?: boolean
      }
      if (node.anchor && node.range) {
        const list = this.anchors.get(node.anchor) ?? []
        list.push({ offset: node.range[0], node })
        this.anchors.set(node.anchor, list)
      }
      if (flow && isScalar(node) && node.type === 'PLAIN') flowPlains.push([node, flow, isKey])
      if (
        !flow &&
        isScalar(node) &&
        node.type === 'PLAIN' &&
        /[\u0085\u2028\u2029]/.test(String(node.value))
      ) {
        unicodeBreaks.push(node)
      }
      if (Array.isArray(node.items)) {
        // Block collections never sit inside flow ones, so a collection sets the context.
        const inner: FlowKind = node.flow ? (isSeq(node) ? 'seq' : 'map') : undefined
        for (const item of node.items) stack.push([item, inner, false])
      }
      if ('key' in node) stack.push([node.key, flow, true])
      if ('value' in node && node.value && typeof node.value === 'object')
        stack.push([node.value, flow, false])
    }
    for (const list of this.anchors.values()) list.sort((a, b) => a.offset - b.offset)
    // In document order, so the first problem is the one reported.
    flowPlains.sort((a, b) => (a[0].range?.[0] ?? 0) - (b[0].range?.[0] ?? 0))
    for (const [node, flow, isKey] of flowPlains) this.checkFlowPlain(node, flow, isKey)
    unicodeBreaks.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0))
    for (const node of unicodeBreaks) this.checkUnicodeBreak(node)
  }

  /**
   * go-yaml v2 inside `[...]`/`{...}`: a plain scalar ends at `?` (so `[x?y]` is an error), a
   * leading `?` makes an explicit key (`[?x]` is `[{x: null}]`, `{?x: 1}` is `{x: 1}`), a
   * leading `:` is no content.
   */
  private checkFlowPlain(node: Scalar, flow: 'seq' | 'map', isKey: boolean): void {
    const text = node.value === null || node.value === undefined ? '' : String(node.value)
    const at = node.range?.[0] ?? 0
    if (text.startsWith(':')) this.syntax('did not find expected node content', at, false)
    if (text.startsWith('?') && text.length > 1 && !text.slice(1).includes('?')) {
      if (flow === 'seq' && !isKey) this.explicitKeys.add(node)
      else if (isKey) this.strippedKeys.add(node)
      return
    }
    const q = text.indexOf('?', text.startsWith('?') ? 1 : 0)
    if (q >= 0)
      this.syntax(`did not find expected ',' or '${flow === 'seq' ? ']' : '}'}'`, at, false)
  }

  /**
   * go-yaml reads NEL, LS and PS as line breaks, so in a plain block scalar the text after one
   * starts a new line that is no key: "could not find expected ':'", on the line after it.
   */
  private checkUnicodeBreak(node: Scalar): void {
    const start = node.range?.[0] ?? 0
    const end = node.range?.[1] ?? start
    const breaksBefore = (this.text.slice(0, end).match(/[\u0085\u2028\u2029]/g) ?? []).length
    const line = lineCol(this.text, start).line + breaksBefore + 1
    throw new EncodingError('YAML_SYNTAX', `yaml: line ${line}: could not find expected ':'`, {
      file: this.file,
      ...lineCol(this.text, start),
    })
  }

  /** The node an alias names: the last anchor of that name before it, as YAML defines. */
  private resolveAlias(alias: Alias): YamlNode | undefined {
    const list = this.anchors.get(alias.source)
    const at = alias.range?.[0] ?? 0
    if (!list) return undefined
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (list[mid]!.offset < at) lo = mid + 1
      else hi = mid
    }
    return lo > 0 ? list[lo - 1]!.node : undefined
  }

  fail(code: EncodingErrorCode, message: string, node?: YamlNode | null): never {
    const loc = node?.range ? lineCol(this.text, node.range[0]) : undefined
    throw new EncodingError(code, message, {
      file: this.file,
      line: loc?.line,
      column: loc?.column,
    })
  }

  decode(node: YamlNode | null | undefined): GoYaml {
    this.decodeCount++
    if (this.aliasDepth > 0) this.aliasCount++
    if (this.decodeCount > MAX_DECODED_NODES) {
      this.fail('YAML_EXCESSIVE_ALIASING', 'yaml: document contains excessive aliasing', node)
    }
    if (
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)
    ) {
      this.fail('YAML_EXCESSIVE_ALIASING', 'yaml: document contains excessive aliasing', node)
    }
    if (node === null || node === undefined) return null
    // Aliases can stack documents inside each other beyond the text's own nesting.
    if (this.depth > 2 * MAX_YAML_DEPTH) {
      this.fail(
        'YAML_EXCESSIVE_ALIASING',
        `yaml: document is nested deeper than ${2 * MAX_YAML_DEPTH} levels through aliases`,
        node,
      )
    }
    this.depth++
    try {
      return this.decodeNode(node)
    } finally {
      this.depth--
    }
  }

  private decodeNode(node: YamlNode): GoYaml {
    if (isAlias(node)) return this.alias(node)
    if (isScalar(node)) return this.scalar(node)
    if (isMap(node)) {
      const out = new Map<string, GoYaml>()
      this.mapping(node.items, out)
      return out
    }
    if (isSeq(node)) return node.items.map((item) => this.decode(item as YamlNode | null))
    return this.fail('YAML_SYNTAX', 'yaml: unknown node kind', node)
  }

  private alias(node: Alias): GoYaml {
    const target = this.resolveAlias(node)
    if (!target) this.fail('YAML_ALIAS', `yaml: unknown anchor '${node.source}' referenced`, node)
    if (this.expanding.has(target)) {
      this.fail('YAML_ALIAS', `yaml: anchor '${node.source}' value contains itself`, node)
    }
    this.expanding.add(target)
    this.aliasDepth++
    try {
      return this.decode(target)
    } finally {
      this.aliasDepth--
      this.expanding.delete(target)
    }
  }

  private scalar(node: Scalar): GoYaml {
    if (this.explicitKeys.has(node)) {
      const key = String(node.value).slice(1)
      const k = fromResolved(resolvePlain(key))
      return new Map([[this.keyString(k, node, null), null]])
    }
    if (this.strippedKeys.has(node)) return fromResolved(resolvePlain(String(node.value).slice(1)))
    let text = node.value === null || node.value === undefined ? '' : String(node.value)
    // A block scalar cut off by the end of input has no final line break to keep.
    if (
      (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') &&
      !this.text.endsWith('\n') &&
      node.range &&
      node.range[1] >= this.text.length &&
      text.endsWith('\n')
    ) {
      text = text.slice(0, -1)
    }
    const tag = node.tag
    const plain = node.type === 'PLAIN' || node.type === undefined
    if (!tag) return plain ? fromResolved(resolvePlain(text)) : text
    if (!tag.startsWith(TAG_PREFIX)) return text // go-yaml keeps unknown tags' text as a string
    const short = tag.slice(TAG_PREFIX.length)
    if (short === 'str') return text
    if (short === 'binary') {
      const bad = (): never =>
        this.fail('YAML_TAG', 'yaml: !!binary value contains invalid base64 data', node)
      return utf8Decode(decodeBase64(text.replace(/\s+/g, ''), bad))
    }
    if (!['bool', 'int', 'float', 'timestamp', 'null'].includes(short)) return text
    const r = resolvePlain(text)
    if (r.tag === short || (r.tag === 'str' && short === 'timestamp')) return fromResolved(r)
    if (short === 'float' && r.tag === 'int') return Number(r.value)
    const rtag = r.tag === 'merge' ? 'merge' : r.tag
    return this.fail('YAML_TAG', `yaml: cannot decode !!${rtag} \`${text}\` as a !!${short}`, node)
  }

  /** A syntax error go-yaml's parser would have raised, worded with its line rule. */
  private syntax(message: string, offset: number, scanner: boolean): never {
    const { line, column } = lineCol(this.text, offset)
    const n = scanner ? (line > 1 ? line : 0) : line - 1
    throw new EncodingError(
      'YAML_SYNTAX',
      n > 0 ? `yaml: line ${n}: ${message}` : `yaml: ${message}`,
      {
        file: this.file,
        line,
        column,
      },
    )
  }

  private mapping(
    items: readonly { key: unknown; value: unknown }[],
    out: Map<string, GoYaml>,
  ): void {
    for (const pair of items) {
      const key = pair.key as YamlNode | null
      const value = pair.value as YamlNode | null
      // go-yaml's grammar has no empty implicit key: a `:` with nothing before it, or after a
      // flow collection (`[a]: b`), is a syntax error there.
      const missing =
        key === null || (isScalar(key) && key.type === 'PLAIN' && key.range?.[0] === key.range?.[1])
      if (missing) {
        const at = key?.range?.[0] ?? value?.range?.[0] ?? 0
        if (/[\]}]\s*$/.test(this.text.slice(0, at)))
          this.syntax('mapping values are not allowed in this context', at, true)
        this.syntax('did not find expected key', value?.range?.[0] ?? at, false)
      }
      if (isScalar(key) && key.type === 'PLAIN' && key.value === '<<' && !key.tag) {
        this.merge(pair.value as YamlNode | null, out)
        continue
      }
      const k = this.decode(key)
      const v = this.decode(pair.value as YamlNode | null)
      out.set(this.keyString(k, key, v), v)
    }
  }

  private merge(node: YamlNode | null, out: Map<string, GoYaml>): void {
    const wantMap = (): never =>
      this.fail('YAML_MERGE', 'yaml: map merge requires map or sequence of maps as the value', node)
    const mergeOne = (n: YamlNode | null) => {
      const target = isAlias(n) ? this.resolveAlias(n) : n
      if (!isMap(target)) wantMap()
      const decoded = this.decode(n)
      if (!(decoded instanceof Map)) return wantMap()
      for (const [k, v] of decoded) out.set(k, v)
    }
    if (isSeq(node)) {
      // Earlier maps in the list take precedence, so they are written last.
      for (let i = node.items.length - 1; i >= 0; i--) mergeOne(node.items[i] as YamlNode | null)
    } else if (isMap(node) || isAlias(node)) {
      mergeOne(node)
    } else {
      wantMap()
    }
  }

  /** sigs.k8s.io/yaml's key conversion: ints in decimal, floats as float32 %g, bools as words. */
  private keyString(k: GoYaml, node: YamlNode | null, v: GoYaml): string {
    if (typeof k === 'string') return k
    if (typeof k === 'boolean') return k ? 'true' : 'false'
    if (typeof k === 'number') {
      const s = formatFloatG(k, 32)
      return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s
    }
    if (k !== null && typeof k === 'object' && 'int' in k && !k.unsigned) return k.int.toString()
    if (k instanceof Map || Array.isArray(k)) {
      return this.fail('YAML_MAP_KEY', `yaml: invalid map key: ${goTypeName(k)}`, node)
    }
    return this.fail(
      'YAML_MAP_KEY',
      `error converting YAML to JSON: unsupported map key of type: ${goTypeName(k)}, key: ${goSyntax(k)}, value: ${goSyntax(v)}`,
      node,
    )
  }
}

function goTypeName(v: GoYaml): string {
  if (v === null) return '%!s(<nil>)'
  if (v instanceof Map) return 'map[interface {}]interface {}'
  if (Array.isArray(v)) return '[]interface {}'
  if (typeof v === 'object') return v.unsigned ? 'uint64' : 'int'
  return typeof v === 'number' ? 'float64' : typeof v === 'boolean' ? 'bool' : 'string'
}

function goSyntax(v: GoYaml): string {
  if (v === null) return '<nil>'
  if (typeof v === 'string') return JSON.stringify(v)
  if (typeof v === 'object' && 'int' in v)
    return v.unsigned ? `0x${v.int.toString(16)}` : v.int.toString()
  if (typeof v === 'number') return formatFloatG(v)
  if (typeof v === 'boolean') return String(v)
  return '...'
}

/** go-yaml v2's allowedAliasRatio. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_RANGE_LOW) return 0.99
  if (decodeCount >= ALIAS_RATIO_RANGE_HIGH) return 0.1
  const range = ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW
  return 0.99 - (0.89 * (decodeCount - ALIAS_RATIO_RANGE_LOW)) / range
}

/**
 * The JSON round trip: ints and floats both become float64 (large ints round), NaN and
 * infinities are refused as encoding/json refuses them.
 */
function toJsonValue(v: GoYaml, file: string | undefined): unknown {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) {
      throw new EncodingError(
        'JSON_UNSUPPORTED_VALUE',
        `error converting YAML to JSON: json: unsupported value: ${formatFloatG(v)}`,
        { file },
      )
    }
    return v
  }
  if (Array.isArray(v)) return v.map((x) => toJsonValue(x, file))
  if (v instanceof Map) {
    const out: Record<string, unknown> = {}
    for (const [k, x] of v) setKey(out, k, toJsonValue(x, file))
    return out
  }
  return Number(v.int)
}

/**
 * Decodes the first YAML document of `text` exactly as Helm reads values.yaml: numbers are
 * float64 (`0755` → 493, `0x1F` → 31, `1e3` → 1000), `yes/no/on/off/y/n` are booleans (also as
 * keys: `y:` becomes `"true"`), timestamps stay strings, `~` and `null` are nil, `<<` merges,
 * and aliases are bounded. An empty document is `null`.
 *
 * @example decodeYaml('replicas: 1\nenabled: yes\n') // { replicas: 1, enabled: true }
 * @throws {EncodingError} with Go's wording (`error converting YAML to JSON: yaml: line 3: …`)
 */
export function decodeYaml(text: string, options: DecodeYamlOptions = {}): unknown {
  const doc = firstDocumentBounds(text)
  // (without bounds the default would work them out again, to no avail)
  const simple = doc && decodeSimpleFirstDocument(text, doc)
  if (simple) return simple.value
  // go-yaml never reads past the first document: what follows it cannot fail the decoding
  // (but go-yaml's reader checks the characters of the whole text)
  checkYamlChars(text, options.file)
  const end = doc?.end ?? text.length
  try {
    return decodeYamlDocuments(text.slice(0, end), options, 1)[0] ?? null
  } catch (e) {
    throw end < text.length ? markerInQuotedScalar(e) : e
  }
}

/**
 * A quoted scalar left open where the first document was cut off ran into the document marker:
 * go-yaml, which reads on, says so (on the same line: the cut is at the marker's start).
 */
function markerInQuotedScalar(e: unknown): unknown {
  const openQuote = 'found unexpected end of stream'
  if (!(e instanceof EncodingError) || !e.message.endsWith(openQuote)) return e
  return new EncodingError(
    e.code,
    `${e.message.slice(0, -openQuote.length)}found unexpected document indicator`,
    e,
  )
}

/**
 * Decodes every document of a multi-document stream (`---` separated), each as
 * {@link decodeYaml} does. `limit` stops after that many documents.
 */
export function decodeYamlDocuments(
  text: string,
  options: DecodeYamlOptions = {},
  limit = Infinity,
): unknown[] {
  const { file } = options
  checkYamlChars(text, file)
  let docs = parseDocs(text, file)
  // (on the error path only: lexing again costs)
  if (docs.some((d) => d.errors.length > 0)) {
    const relaxed = relaxIndentation(text)
    if (relaxed !== undefined) {
      text = relaxed
      docs = parseDocs(text, file)
    }
  }
  const out: unknown[] = []
  for (const doc of docs.slice(0, limit)) {
    let syntaxError: EncodingError | undefined
    try {
      checkSyntax(doc, text, file)
    } catch (e) {
      if (!(e instanceof EncodingError)) throw e
      syntaxError = e
    }
    let raw: GoYaml
    try {
      // The decoder's own grammar checks (flow-context plain scalars, empty keys) run on
      // construction; go-yaml reports whichever problem comes first in the text.
      const decoder = new Decoder(doc, text, file)
      if (syntaxError) throw syntaxError
      raw = decoder.decode(doc.contents as YamlNode | null)
    } catch (e) {
      if (
        syntaxError &&
        e !== syntaxError &&
        e instanceof EncodingError &&
        !comesBefore(e, syntaxError)
      )
        throw syntaxError
      if (e instanceof RangeError) {
        throw new EncodingError(
          'YAML_SYNTAX',
          'error converting YAML to JSON: yaml: document is nested too deeply',
          { file },
        )
      }
      if (e instanceof EncodingError && e.message.startsWith('yaml:')) {
        throw new EncodingError(e.code, `error converting YAML to JSON: ${e.message}`, e)
      }
      throw e
    }
    out.push(toJsonValue(raw, file))
  }
  return out
}

/** Whether error `a` sits earlier in the text than `b`. */
function comesBefore(a: EncodingError, b: EncodingError): boolean {
  const [al, ac, bl, bc] = [
    a.line ?? Infinity,
    a.column ?? Infinity,
    b.line ?? Infinity,
    b.column ?? Infinity,
  ]
  return al < bl || (al === bl && ac < bc)
}

/** encoding/json's name for a decoded value's JSON kind (`array`, `string`, `number`, …). */
function jsonKindOf(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  switch (typeof v) {
    case 'string':
      return 'string'
    case 'number':
      return 'number'
    case 'boolean':
      return 'bool'
    default:
      return 'object'
  }
}

/**
 * Decodes YAML that must be a map, as Helm reads values.yaml and `-f` files
 * (`yaml.Unmarshal` into `map[string]interface{}`): empty or `~` gives `{}`, a list or scalar
 * is Helm's `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into
 * Go value of type map[string]interface {}`.
 *
 * @throws {EncodingError} syntax errors as {@link decodeYaml}; `JSON_TYPE` for a non-map
 */
export function decodeYamlMap(
  text: string,
  options: DecodeYamlOptions = {},
): Record<string, unknown> {
  const v = decodeYaml(text, options)
  if (v === null) return {}
  if (typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>
  throw new EncodingError(
    'JSON_TYPE',
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKindOf(v)} into Go value of type map[string]interface {}`,
    { file: options.file, line: 1, column: 1 },
  )
}
