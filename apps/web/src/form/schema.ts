/** A JSON Schema node as the form reads it (plain JSON, possibly a boolean schema). */
export type SchemaNode = { [key: string]: unknown }

/** True for a plain JSON object. */
export function isObject(v: unknown): v is { [key: string]: unknown } {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A node's `type`, first non-null one when it is a list. */
export function typeOf(node: SchemaNode): string | undefined {
  const t = node.type
  if (typeof t === 'string') return t
  if (Array.isArray(t)) return t.find((x): x is string => typeof x === 'string' && x !== 'null')
  if (isObject(node.properties)) return 'object'
  if (node.items !== undefined) return 'array'
  return undefined
}

/**
 * Follows a local `$ref` (`#/definitions/x`, `#/$defs/x`, `#`) inside `root`. Remote references are
 * left alone (the form shows them as they are). Returns the node itself when it has no `$ref`.
 */
export function resolveRef(root: SchemaNode, node: SchemaNode, depth = 0): SchemaNode {
  const ref = node.$ref
  if (typeof ref !== 'string' || !ref.startsWith('#') || depth > 16) return node
  let target: unknown = root
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    target = isObject(target) ? target[key] : undefined
  }
  if (!isObject(target)) return node
  const { $ref: _ignored, ...rest } = node
  return resolveRef(root, { ...target, ...rest }, depth + 1)
}

/** The sub-schemas that may add properties to an object: `allOf`, `oneOf`, `anyOf`, `then`, `else`. */
export function branches(node: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = []
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    const list = node[key]
    if (Array.isArray(list)) out.push(...list.filter(isObject))
  }
  for (const key of ['then', 'else']) if (isObject(node[key])) out.push(node[key] as SchemaNode)
  return out
}
