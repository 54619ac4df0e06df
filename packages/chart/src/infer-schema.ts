import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import type { JsonSchema } from './schema.ts'

const yaml11IntRe = /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]*|[1-9][0-9_]*(?::[0-5]?[0-9])*)$/
const paramRe = /^##?\s*@param\s+(\S+)\s*(.*)$/

/**
 * Infers a JSON Schema from a values.yaml that ships without values.schema.json, so a form
 * can still be drawn: scalars give their type and `default`, maps become objects (fields in
 * file order, listed in `order`), lists become arrays whose `items` come from their elements.
 * Descriptions come from the comments above each key: a `## @param path text` line wins,
 * else the plain `# comment` lines right above the key (annotation lines such as `@section`
 * are skipped).
 *
 * @example inferSchema('# How many pods.\nreplicas: 2\n')
 *   // { type: 'object', properties: { replicas: { type: 'integer', default: 2, description: 'How many pods.' } }, order: ['replicas'] }
 */
export function inferSchema(valuesYaml: string): JsonSchema {
  const lineCounter = new LineCounter()
  const doc = parseDocument(valuesYaml, { version: '1.1', lineCounter, uniqueKeys: false })
  const lines = valuesYaml.split(/\r?\n/)
  const params = new Map<string, string>()
  for (const line of lines) {
    const m = paramRe.exec(line.trim())
    // readme-generator modifiers come first in brackets: `## @param image.tag [default: latest] Tag`
    const text = m?.[2]?.replace(/^\[[^\]]*\]\s*/, '').trim()
    if (m && text) params.set(m[1]!, text)
  }
  const root: JsonSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {},
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return root

  const commentAbove = (node: Node): string | undefined => {
    const offset = node.range?.[0]
    if (offset === undefined) return undefined
    const keyLine = lineCounter.linePos(offset).line // 1-based
    const collected: string[] = []
    for (let i = keyLine - 2; i >= 0; i--) {
      const t = lines[i]!.trim()
      if (!t.startsWith('#')) break
      const body = t.replace(/^#+\s?/, '').trim()
      if (body.startsWith('@')) {
        if (/^@param\b/.test(body)) continue
        break
      }
      if (body === '' || /^-+$/.test(body)) continue
      collected.unshift(body)
    }
    return collected.length ? collected.join(' ') : undefined
  }

  const fromNode = (node: unknown, path: string): JsonSchema => {
    if (isMap(node)) {
      const schema: JsonSchema = { type: 'object' }
      const properties: Record<string, JsonSchema> = {}
      const order: string[] = []
      for (const pair of node.items) {
        const keyNode = pair.key as Node
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode)
        const childPath = path ? `${path}.${key}` : key
        const child = fromNode(pair.value, childPath)
        const description = params.get(childPath) ?? commentAbove(keyNode)
        if (description) child.description = description
        if (!(key in properties)) order.push(key)
        properties[key] = child
      }
      if (order.length === 0) {
        schema.additionalProperties = true
        return schema
      }
      schema.properties = properties
      schema.order = order
      return schema
    }
    if (isSeq(node)) {
      const schema: JsonSchema = { type: 'array' }
      const itemSchemas = node.items.map((item, i) => fromNode(item, `${path}[${i}]`))
      if (itemSchemas.length > 0) schema.items = mergeSchemas(itemSchemas)
      const defaults = node.toJSON() as unknown[]
      if (node.items.every((item) => isScalar(item))) schema.default = defaults
      return schema
    }
    if (isScalar(node)) {
      const v = node.value
      if (typeof v === 'string') return { type: 'string', default: v }
      if (typeof v === 'boolean') return { type: 'boolean', default: v }
      if (typeof v === 'number' || typeof v === 'bigint') {
        const src = node.range ? valuesYaml.slice(node.range[0], node.range[1]).trim() : ''
        const integer = typeof v === 'bigint' || yaml11IntRe.test(src)
        return { type: integer ? 'integer' : 'number', default: Number(v) }
      }
      return {}
    }
    return {}
  }

  const schema = fromNode(doc.contents, '')
  return { $schema: root.$schema, ...schema }
}

/** One schema for a list's items: object properties are merged, scalar types unioned. */
function mergeSchemas(schemas: JsonSchema[]): JsonSchema {
  const objects = schemas.filter((s) => s.type === 'object')
  if (objects.length === schemas.length) {
    const properties: Record<string, JsonSchema> = {}
    const order: string[] = []
    for (const s of objects) {
      for (const key of s.order ?? []) {
        if (!(key in properties)) {
          order.push(key)
          const { default: _default, ...rest } = s.properties![key]!
          properties[key] = rest
        }
      }
    }
    return order.length ? { type: 'object', properties, order } : { type: 'object' }
  }
  const types = [
    ...new Set(schemas.map((s) => s.type).filter((t): t is string => typeof t === 'string')),
  ]
  if (types.length === 1) return { type: types[0]! }
  if (types.length === 2 && types.includes('integer') && types.includes('number'))
    return { type: 'number' }
  return types.length ? { type: types } : {}
}
