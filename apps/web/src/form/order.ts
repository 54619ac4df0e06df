import { branches, isObject, resolveRef, type SchemaNode } from './schema.ts'

/**
 * The order of an object's fields: the schema's `order` array first (Cyclops' extension), then the
 * keys in the order values.yaml has them, then any other property in schema order.
 *
 * @example orderKeys({ properties: { a: {}, b: {}, c: {} }, order: ['c'] }, { b: 1, a: 2 }) // ['c', 'b', 'a']
 */
export function orderKeys(node: SchemaNode, values: unknown, root: SchemaNode = node): string[] {
  const declared = propertyNames(node, root)
  const known = new Set(declared)
  const out: string[] = []
  const seen = new Set<string>()
  const push = (key: string) => {
    if (known.has(key) && !seen.has(key)) {
      seen.add(key)
      out.push(key)
    }
  }
  if (Array.isArray(node.order))
    for (const key of node.order) if (typeof key === 'string') push(key)
  if (isObject(values)) for (const key of Object.keys(values)) push(key)
  for (const key of declared) push(key)
  return out
}

/** Every property name an object schema declares, its branches' too (after `$ref`s). */
export function propertyNames(node: SchemaNode, root: SchemaNode): string[] {
  const names: string[] = []
  const visit = (n: SchemaNode, depth: number) => {
    if (depth > 8) return
    const resolved = resolveRef(root, n)
    if (isObject(resolved.properties)) {
      for (const key of Object.keys(resolved.properties)) if (!names.includes(key)) names.push(key)
    }
    for (const b of branches(resolved)) visit(b, depth + 1)
  }
  visit(node, 0)
  return names
}
