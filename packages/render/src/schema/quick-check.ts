/**
 * A quick yes or no to "do these values satisfy this schema?", by walking the schema rather
 * than generating code: building Ajv's validator for a 150 kB chart schema takes tens of
 * milliseconds, walking it takes one. It answers only where it knows Ajv's answer exactly (the
 * draft-07 keywords, local `$ref`s, the formats Helm checks) and gives no answer otherwise;
 * failures are handed to Ajv anyway, for the messages. The differential tests hold it to Ajv.
 */
import { goJsonSchemaFormats } from './formats.ts'

/** Thrown where the walk cannot be sure of Ajv's answer; never escapes this module. */
class Unsure {}
const unsure = new Unsure()
const giveUp = (): never => {
  throw unsure
}

// recursive schemas recurse with the data; beyond this, Ajv decides
const maxDepth = 200

const typeNames = new Set(['null', 'boolean', 'string', 'number', 'integer', 'array', 'object'])

// keywords that carry no validation (annotations and containers)
const annotations = new Set([
  'title',
  'description',
  'default',
  'examples',
  '$comment',
  'readOnly',
  'writeOnly',
  'deprecated',
  'definitions',
  '$defs',
  'contentMediaType',
  'contentEncoding',
])

// keywords that change how others are read: left to Ajv
const structural = new Set([
  '$id',
  'id',
  '$schema',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  '$recursiveRef',
  '$recursiveAnchor',
  '$async',
  '$data',
  'discriminator',
  'nullable',
])

/**
 * Whether `data` (JSON values) satisfies `schema` (already read as draft-07), as Ajv with
 * Slipway's options would say; undefined when this walk cannot be sure.
 */
export function quickCheck(schema: unknown, data: unknown): boolean | undefined {
  try {
    if (typeof schema === 'boolean') return schema
    const walker = walkerFor(schema)
    return walker ? walker.valid(schema, data, 0) : undefined
  } catch {
    // unsure, or a schema odd enough to throw (a bad %-escape in a $ref): Ajv decides
    return undefined
  }
}

// Ajv builds its validator from the whole schema and refuses some (a bad pattern, a missing
// $ref, `nullable` without `type`) wherever they sit, even where no value reaches: the walk
// answers only for schemas that are well formed throughout, checked once per schema (and its
// walker, with its compiled patterns, kept for the next render).
const walkers = new WeakMap<object, Walker | null>()

function walkerFor(schema: unknown): Walker | undefined {
  if (!isObject(schema)) return undefined
  let walker = walkers.get(schema)
  if (walker === undefined) {
    walker = new Walker(schema)
    try {
      checkShapes(schema, walker, new Set())
    } catch {
      walker = null
    }
    walkers.set(schema, walker)
  }
  return walker ?? undefined
}

/**
 * Throws where a (sub)schema holds something the walk does not read exactly as Ajv does: every
 * subschema, `$ref` targets included, is checked once here, so the walk over values trusts the
 * shapes of the keywords it reads.
 */
function checkShapes(node: unknown, walker: Walker, checked: Set<object>): void {
  if (typeof node === 'boolean') return
  if (!isObject(node)) giveUp()
  if (checked.has(node as object)) return
  checked.add(node as object)
  const sub = (v: unknown) => checkShapes(v, walker, checked)
  const subs = (v: unknown) => {
    if (!Array.isArray(v) || v.length === 0) giveUp()
    ;(v as unknown[]).forEach(sub)
  }
  const schemaMap = (v: unknown) => {
    if (!isObject(v)) giveUp()
    Object.values(v as Record<string, unknown>).forEach(sub)
  }
  for (const [key, v] of Object.entries(node as Record<string, unknown>)) {
    if (structural.has(key) || key.startsWith('unevaluated')) giveUp()
    switch (key) {
      case '$ref': {
        // a chain of references that comes back to itself never reaches a schema
        const seen = new Set<unknown>([node])
        let target = walker.resolve(v)
        while (isObject(target) && '$ref' in target) {
          if (seen.has(target)) giveUp()
          seen.add(target)
          target = walker.resolve(target.$ref)
        }
        sub(target)
        break
      }
      case 'type':
        walker.typeNames(v)
        break
      case 'enum':
        if (!Array.isArray(v) || v.length === 0) giveUp()
        break
      case 'multipleOf':
        if (typeof v !== 'number' || !(v > 0)) giveUp()
        break
      case 'maximum':
      case 'minimum':
      case 'exclusiveMaximum':
      case 'exclusiveMinimum':
        if (typeof v !== 'number') giveUp()
        break
      case 'maxLength':
      case 'minLength':
      case 'maxItems':
      case 'minItems':
      case 'maxProperties':
      case 'minProperties':
        count(v)
        break
      case 'pattern':
        if (typeof v !== 'string') giveUp()
        walker.regex(v as string)
        break
      case 'format':
        if (typeof v !== 'string' || !Object.hasOwn(goJsonSchemaFormats, v as string)) giveUp()
        break
      case 'uniqueItems':
        if (typeof v !== 'boolean') giveUp()
        break
      case 'required':
        if (!Array.isArray(v) || !v.every((k) => typeof k === 'string')) giveUp()
        break
      case 'properties':
      case 'definitions':
      case '$defs':
        schemaMap(v)
        break
      case 'patternProperties':
        schemaMap(v)
        Object.keys(v as object).forEach((p) => walker.regex(p))
        break
      case 'dependencies':
        if (!isObject(v)) giveUp()
        for (const dep of Object.values(v as Record<string, unknown>)) {
          if (Array.isArray(dep)) {
            if (!dep.every((d) => typeof d === 'string')) giveUp()
          } else sub(dep)
        }
        break
      case 'items':
        if (Array.isArray(v)) (v as unknown[]).forEach(sub)
        else sub(v)
        break
      case 'additionalItems':
      case 'additionalProperties':
      case 'contains':
      case 'propertyNames':
      case 'not':
      case 'if':
      case 'then':
      case 'else':
        sub(v)
        break
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        subs(v)
        break
      default:
        if (key.startsWith('$') && !annotations.has(key)) giveUp()
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

class Walker {
  private readonly patterns = new Map<string, RegExp>()

  constructor(private readonly root: unknown) {}

  valid(schema: unknown, data: unknown, depth: number): boolean {
    if (schema === true) return true
    if (schema === false) return false
    if (!isObject(schema) || depth > maxDepth) giveUp()
    const s = schema as Record<string, unknown>
    if ('$ref' in s) {
      // beside a $ref, only annotations: whether Ajv applies other keywords is its business
      for (const k of Object.keys(s)) if (k !== '$ref' && !annotations.has(k)) giveUp()
      return this.valid(this.resolve(s.$ref), data, depth + 1)
    }
    for (const key of Object.keys(s)) {
      if (!this.keyword(key, s[key], s, data, depth)) return false
    }
    return true
  }

  /** One keyword of `schema` against `data`; unknown keywords are ignored, as Ajv does. */
  private keyword(
    key: string,
    v: unknown,
    schema: Record<string, unknown>,
    data: unknown,
    depth: number,
  ): boolean {
    switch (key) {
      case 'type':
        return this.type(v, data)
      case 'enum':
        return (v as unknown[]).some((x) => deepEqual(x, data))
      case 'const':
        return deepEqual(v, data)
      case 'multipleOf': {
        if (typeof data !== 'number') return true
        const res = data / (v as number)
        return res === parseInt(String(res))
      }
      case 'maximum':
      case 'minimum':
      case 'exclusiveMaximum':
      case 'exclusiveMinimum': {
        if (typeof data !== 'number') return true
        const n = v as number
        if (key === 'maximum') return data <= n
        if (key === 'minimum') return data >= n
        if (key === 'exclusiveMaximum') return data < n
        return data > n
      }
      case 'maxLength':
      case 'minLength': {
        const n = v as number
        if (typeof data !== 'string') return true
        const len = codePoints(data)
        return key === 'maxLength' ? len <= n : len >= n
      }
      case 'pattern':
        return typeof data !== 'string' || this.regex(v as string).test(data)
      case 'format':
        return typeof data !== 'string' || goJsonSchemaFormats[v as string]!(data)
      case 'items':
        return this.items(v, schema.additionalItems, data, depth)
      case 'additionalItems':
        // read together with `items`
        return true
      case 'maxItems':
      case 'minItems': {
        const n = v as number
        if (!Array.isArray(data)) return true
        return key === 'maxItems' ? data.length <= n : data.length >= n
      }
      case 'uniqueItems':
        if (!v || !Array.isArray(data)) return true
        for (let i = 0; i < data.length; i++) {
          for (let j = i + 1; j < data.length; j++) if (deepEqual(data[i], data[j])) return false
        }
        return true
      case 'contains':
        if (!Array.isArray(data)) return true
        // Ajv 8 sometimes lets an empty array through `contains` (after an earlier array
        // passed, or beside a tuple `items`): its answer there is not the walk's to give
        if (data.length === 0) giveUp()
        return data.some((x) => this.valid(v, x, depth + 1))
      case 'maxProperties':
      case 'minProperties': {
        const n = v as number
        if (!isObject(data)) return true
        const size = Object.keys(data).length
        return key === 'maxProperties' ? size <= n : size >= n
      }
      case 'required':
        if (!isObject(data)) return true
        return (v as string[]).every((k) => present(data, k))
      case 'properties':
        if (!isObject(data)) return true
        for (const [k, sub] of Object.entries(v as Record<string, unknown>)) {
          if (present(data, k) && !this.valid(sub, data[k], depth + 1)) return false
        }
        return true
      case 'patternProperties':
        if (!isObject(data)) return true
        for (const [p, sub] of Object.entries(v as Record<string, unknown>)) {
          const re = this.regex(p)
          for (const k of Object.keys(data)) {
            if (re.test(k) && !this.valid(sub, data[k], depth + 1)) return false
          }
        }
        return true
      case 'additionalProperties': {
        if (!isObject(data)) return true
        const props = schema.properties as Record<string, unknown> | undefined
        const pats = schema.patternProperties
        const patterns = Object.keys((pats as Record<string, unknown>) ?? {}).map((p) =>
          this.regex(p),
        )
        for (const k of Object.keys(data)) {
          if (props && Object.hasOwn(props, k)) continue
          if (patterns.some((re) => re.test(k))) continue
          if (!this.valid(v, data[k], depth + 1)) return false
        }
        return true
      }
      case 'propertyNames':
        if (!isObject(data)) return true
        return Object.keys(data).every((k) => this.valid(v, k, depth + 1))
      case 'dependencies':
        if (!isObject(data)) return true
        for (const [k, dep] of Object.entries(v as Record<string, unknown>)) {
          if (!present(data, k)) continue
          if (Array.isArray(dep)) {
            if (!dep.every((d) => present(data, d as string))) return false
          } else if (!this.valid(dep, data, depth + 1)) return false
        }
        return true
      case 'allOf':
      case 'anyOf':
      case 'oneOf': {
        const list = v as unknown[]
        if (key === 'allOf') return list.every((sub) => this.valid(sub, data, depth + 1))
        if (key === 'anyOf') return list.some((sub) => this.valid(sub, data, depth + 1))
        let matched = 0
        for (const sub of list) if (this.valid(sub, data, depth + 1)) matched++
        return matched === 1
      }
      case 'not':
        return !this.valid(v, data, depth + 1)
      case 'if': {
        const ok = this.valid(v, data, depth + 1)
        const branch = ok ? schema.then : schema.else
        return branch === undefined || this.valid(branch, data, depth + 1)
      }
      case 'then':
      case 'else':
        // read together with `if`
        return true
      default:
        // annotations, and what a draft-07 Ajv does not know (the shape check has left out
        // what another draft would read)
        return true
    }
  }

  /** The type names of a `type` keyword; throws on anything Ajv would refuse. */
  typeNames(v: unknown): unknown[] {
    const types = Array.isArray(v) ? v : [v]
    if (types.length === 0 || !types.every((t) => typeNames.has(t as string))) giveUp()
    return types
  }

  private type(v: unknown, data: unknown): boolean {
    return this.typeNames(v).some((t) => {
      switch (t) {
        case 'null':
          return data === null
        case 'boolean':
          return typeof data === 'boolean'
        case 'string':
          return typeof data === 'string'
        case 'number':
          return typeof data === 'number'
        case 'integer':
          return typeof data === 'number' && !(data % 1) && !Number.isNaN(data)
        case 'array':
          return Array.isArray(data)
        case 'object':
          return isObject(data)
        default:
          return giveUp()
      }
    })
  }

  private items(v: unknown, additional: unknown, data: unknown, depth: number): boolean {
    if (Array.isArray(v)) {
      if (!Array.isArray(data)) return true
      for (let i = 0; i < data.length; i++) {
        const sub = i < v.length ? v[i] : additional
        if (sub !== undefined && !this.valid(sub, data[i], depth + 1)) return false
      }
      return true
    }
    if (!Array.isArray(data)) return true
    return data.every((x) => this.valid(v, x, depth + 1))
  }

  /** A local reference (`#`, `#/definitions/x`, `#/$defs/x`...); any other is Ajv's. */
  resolve(ref: unknown): unknown {
    if (typeof ref !== 'string' || !ref.startsWith('#')) giveUp()
    const pointer = decodeURIComponent((ref as string).slice(1))
    if (pointer === '') return this.root
    if (!pointer.startsWith('/')) giveUp()
    let node: unknown = this.root
    for (const raw of pointer.slice(1).split('/')) {
      const part = raw.replaceAll('~1', '/').replaceAll('~0', '~')
      if (Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(part)) node = node[Number(part)]
      else if (isObject(node) && Object.hasOwn(node, part)) node = node[part]
      else giveUp()
    }
    return node
  }

  regex(source: string): RegExp {
    let re = this.patterns.get(source)
    if (!re) {
      try {
        re = new RegExp(source, 'u')
      } catch {
        return giveUp()
      }
      this.patterns.set(source, re)
    }
    return re
  }
}

/** A keyword's count (`maxLength`...): a non-negative integer, or Ajv reports the schema. */
function count(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) giveUp()
  return v as number
}

/**
 * Whether an object has a key, as Ajv's generated code asks (`data[key] !== undefined`); a
 * key that is also an Object.prototype member is left to Ajv, which would see the member.
 */
function present(data: Record<string, unknown>, key: string): boolean {
  if (!Object.hasOwn(data, key) && key in Object.prototype) giveUp()
  return data[key] !== undefined
}

/** Length in code points, as Ajv counts `maxLength`. */
function codePoints(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    n++
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
  }
  return n
}

/** Structural equality of JSON values, as Ajv's `enum`, `const` and `uniqueItems` use. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bs = b as unknown[]
    return a.length === bs.length && a.every((x, i) => deepEqual(x, bs[i]))
  }
  const ak = Object.keys(a)
  const bo = b as Record<string, unknown>
  if (ak.length !== Object.keys(bo).length) return false
  return ak.every(
    (k) => Object.hasOwn(bo, k) && deepEqual((a as Record<string, unknown>)[k], bo[k]),
  )
}
