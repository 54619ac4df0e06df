import type { UiSchema } from '@rjsf/utils'
import { LONG_TEXT_LENGTH, MAX_SCHEMA_DEPTH } from './limits.ts'
import { orderKeys } from './order.ts'
import { branches, isObject, resolveRef, typeOf, type SchemaNode } from './schema.ts'

/** How the form is used. */
export interface UiSchemaOptions {
  /** Editing an existing module: fields marked `immutable` become read-only. */
  editing?: boolean
}

/** Widget names registered by the module form (see `widgets.ts`). */
export const widgetNames = {
  code: 'code',
  suggest: 'suggest',
  checkbox: 'checkbox',
  updown: 'updown',
  textarea: 'textarea',
} as const

/** Field names registered by the module form (see `widgets.ts`). */
export const fieldNames = { yaml: 'yaml' } as const

// keywords that let rjsf draw a field; a node with none of them is edited as YAML text
const shapeKeywords = [
  'type',
  'properties',
  'items',
  'enum',
  'const',
  '$ref',
  'oneOf',
  'anyOf',
  'allOf',
  'additionalProperties',
]

/**
 * Maps a chart's JSON Schema to an rjsf uiSchema: field order (`order`, then values.yaml order) at
 * every level, Cyclops' `fileExtension` (code editor), `immutable` (read-only when editing) and
 * `x-suggestions` (free text with suggestions), and widgets for plain JSON Schema: switches for
 * booleans, number inputs with bounds, text areas for long text, typed `additionalProperties`
 * maps, arrays of primitives, `readOnly`, through `$ref`, `allOf`, `oneOf`/`anyOf`, `if`/`then`/`else`.
 *
 * @example toUiSchema({ type: 'object', properties: { a: { type: 'boolean' } } }, {})
 * // { 'ui:order': ['a', '*'], a: { 'ui:widget': 'checkbox' } }
 */
export function toUiSchema(
  schema: SchemaNode,
  values: unknown,
  options: UiSchemaOptions = {},
): UiSchema {
  return nodeUi(schema, schema, values, options, 0)
}

function nodeUi(
  root: SchemaNode,
  raw: SchemaNode,
  values: unknown,
  options: UiSchemaOptions,
  depth: number,
): UiSchema {
  const ui: UiSchema = {}
  if (depth > MAX_SCHEMA_DEPTH) return ui
  const node = resolveRef(root, raw)
  const type = typeOf(node)

  if (node.readOnly === true || (node.immutable === true && options.editing))
    ui['ui:readonly'] = true
  if (
    !shapeKeywords.some((k) => node[k] !== undefined) ||
    (type === 'array' && !isObject(node.items) && !Array.isArray(node.items))
  ) {
    ui['ui:field'] = fieldNames.yaml
    ui['ui:label'] = false
    return ui
  }
  const suggestions = node['x-suggestions']
  if (typeof node.fileExtension === 'string') {
    ui['ui:widget'] = widgetNames.code
    ui['ui:options'] = { language: node.fileExtension.replace(/^\./, '').toLowerCase() }
  } else if (Array.isArray(suggestions) && type !== 'object' && type !== 'array') {
    ui['ui:widget'] = widgetNames.suggest
    ui['ui:options'] = { suggestions: suggestions.map((s) => String(s)) }
  } else if (type === 'boolean') {
    ui['ui:widget'] = widgetNames.checkbox
  } else if ((type === 'integer' || type === 'number') && !Array.isArray(node.enum)) {
    ui['ui:widget'] = widgetNames.updown
  } else if (
    type === 'string' &&
    !Array.isArray(node.enum) &&
    node.format === undefined &&
    isLongText(node, values)
  ) {
    ui['ui:widget'] = widgetNames.textarea
  }

  if (type === 'object' || isObject(node.properties)) {
    const keys = orderKeys(node, values, root)
    if (keys.length > 0) ui['ui:order'] = [...keys, '*']
    for (const key of keys) {
      const child = mergeUi(
        propertySchemas(root, node, key).map((s) =>
          nodeUi(root, s, isObject(values) ? values[key] : undefined, options, depth + 1),
        ),
      )
      if (Object.keys(child).length > 0) ui[key] = child
    }
    if (isObject(node.additionalProperties)) {
      const first = isObject(values) ? Object.values(values)[0] : undefined
      const child = nodeUi(root, node.additionalProperties, first, options, depth + 1)
      if (Object.keys(child).length > 0) ui.additionalProperties = child
    }
  }
  if (type === 'array' && isObject(node.items)) {
    const first = Array.isArray(values) ? values[0] : undefined
    const child = nodeUi(root, node.items, first, options, depth + 1)
    if (Object.keys(child).length > 0) ui.items = child
  }
  // a field chosen through oneOf/anyOf shares this node's uiSchema: merge what the options need
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = node[key]
    if (!Array.isArray(list) || type === 'object') continue
    // options may differ in type (string or integer): a widget of one would break the other
    const optionUis = list.filter(isObject).map((s) => {
      const {
        'ui:widget': _w,
        'ui:options': _o,
        ...rest
      } = nodeUi(root, s, values, options, depth + 1)
      return rest
    })
    Object.assign(ui, mergeUi([ui, ...optionUis]))
  }
  return ui
}

function isLongText(node: SchemaNode, values: unknown): boolean {
  const sample =
    typeof values === 'string' ? values : typeof node.default === 'string' ? node.default : ''
  return (
    sample.includes('\n') ||
    sample.length > LONG_TEXT_LENGTH ||
    (typeof node.maxLength === 'number' && node.maxLength > 1000)
  )
}

function propertySchemas(root: SchemaNode, node: SchemaNode, key: string): SchemaNode[] {
  const out: SchemaNode[] = []
  const visit = (n: SchemaNode, depth: number) => {
    if (depth > 8) return
    const resolved = resolveRef(root, n)
    const props = resolved.properties
    if (isObject(props) && isObject(props[key])) out.push(props[key] as SchemaNode)
    for (const b of branches(resolved)) visit(b, depth + 1)
  }
  visit(node, 0)
  return out
}

function mergeUi(list: UiSchema[]): UiSchema {
  const out: UiSchema = {}
  for (const ui of list) {
    for (const [k, v] of Object.entries(ui)) {
      const prev = out[k]
      out[k] =
        isObject(prev) && isObject(v) && !k.startsWith('ui:')
          ? mergeUi([prev, v])
          : prev === undefined
            ? v
            : prev
    }
  }
  return out
}
