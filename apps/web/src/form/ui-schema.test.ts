import { describe, expect, it } from 'vitest'
import { orderKeys } from './order.ts'
import { toUiSchema } from './ui-schema.ts'

describe('orderKeys', () => {
  it('puts the order array first, then values.yaml order, then the rest', () => {
    const schema = { type: 'object', order: ['c'], properties: { a: {}, b: {}, c: {}, d: {} } }
    expect(orderKeys(schema, { b: 1, a: 2 })).toEqual(['c', 'b', 'a', 'd'])
  })
  it('ignores order entries that are not properties', () => {
    expect(orderKeys({ properties: { a: {} }, order: ['zz', 'a', 'a'] }, {})).toEqual(['a'])
  })
})

describe('toUiSchema', () => {
  it('orders fields at every level of nesting', () => {
    const schema = {
      type: 'object',
      order: ['service', 'name'],
      properties: {
        name: { type: 'string' },
        service: {
          type: 'object',
          order: ['port', 'type'],
          properties: {
            type: { type: 'string' },
            port: { type: 'integer' },
            tls: {
              type: 'object',
              order: ['secret'],
              properties: { enabled: { type: 'boolean' }, secret: { type: 'string' } },
            },
          },
        },
        extra: { type: 'string' },
      },
    }
    const values = { extra: 'x', name: 'n', service: { tls: { enabled: true }, type: 'ClusterIP' } }
    const ui = toUiSchema(schema, values)
    expect(ui['ui:order']).toEqual(['service', 'name', 'extra', '*'])
    expect(ui.service['ui:order']).toEqual(['port', 'type', 'tls', '*'])
    expect(ui.service.tls['ui:order']).toEqual(['secret', 'enabled', '*'])
  })

  it('maps each construct to its widget', () => {
    const schema = {
      type: 'object',
      properties: {
        on: { type: 'boolean' },
        count: { type: 'integer', minimum: 0, maximum: 9 },
        ratio: { type: 'number' },
        size: { type: 'string', enum: ['s', 'm'] },
        config: { type: 'string', fileExtension: 'yaml' },
        region: { type: 'string', 'x-suggestions': ['eu', 'us'] },
        id: { type: 'string', readOnly: true },
        name: { type: 'string', immutable: true },
        script: { type: 'string', default: 'line one\nline two' },
        ports: { type: 'array', items: { type: 'integer' } },
        flags: { type: 'array', items: { type: 'boolean' } },
        labels: { type: 'object', additionalProperties: { type: 'integer' } },
      },
    }
    const ui = toUiSchema(schema, {})
    expect(ui.on['ui:widget']).toBe('checkbox')
    expect(ui.count['ui:widget']).toBe('updown')
    expect(ui.ratio['ui:widget']).toBe('updown')
    expect(ui.size).toBeUndefined() // enums keep rjsf's select
    expect(ui.config).toEqual({ 'ui:widget': 'code', 'ui:options': { language: 'yaml' } })
    expect(ui.region).toEqual({
      'ui:widget': 'suggest',
      'ui:options': { suggestions: ['eu', 'us'] },
    })
    expect(ui.id['ui:readonly']).toBe(true)
    expect(ui.name).toBeUndefined() // immutable only matters when editing
    expect(toUiSchema(schema, {}, { editing: true }).name['ui:readonly']).toBe(true)
    expect(ui.script['ui:widget']).toBe('textarea')
    expect(ui.ports.items['ui:widget']).toBe('updown')
    expect(ui.flags.items['ui:widget']).toBe('checkbox')
    expect(ui.labels.additionalProperties['ui:widget']).toBe('updown')
  })

  it('follows $ref, definitions, allOf, oneOf and if/then/else', () => {
    const schema = {
      type: 'object',
      definitions: {
        port: { type: 'integer', minimum: 1 },
        svc: {
          type: 'object',
          order: ['port', 'name'],
          properties: { name: { type: 'string' }, port: { $ref: '#/definitions/port' } },
        },
      },
      properties: {
        svc: { $ref: '#/definitions/svc' },
        mode: { type: 'string', enum: ['a', 'b'] },
      },
      allOf: [{ properties: { debug: { type: 'boolean' } } }],
      if: { properties: { mode: { const: 'a' } } },
      then: { properties: { aOnly: { type: 'number' } } },
      else: { properties: { bOnly: { type: 'string', fileExtension: 'json' } } },
      oneOf: [{ properties: { x: { type: 'boolean' } } }],
    }
    const ui = toUiSchema(schema, { mode: 'a' })
    expect(ui['ui:order']).toEqual(['mode', 'svc', 'debug', 'x', 'aOnly', 'bOnly', '*'])
    expect(ui.svc['ui:order']).toEqual(['port', 'name', '*'])
    expect(ui.svc.port['ui:widget']).toBe('updown')
    expect(ui.debug['ui:widget']).toBe('checkbox')
    expect(ui.aOnly['ui:widget']).toBe('updown')
    expect(ui.bOnly['ui:widget']).toBe('code')
    expect(ui.x['ui:widget']).toBe('checkbox')
  })

  it('gives no widget to a oneOf/anyOf of different types', () => {
    const ui = toUiSchema(
      { properties: { id: { readOnly: true, anyOf: [{ type: 'string' }, { type: 'integer' }] } } },
      {},
    )
    expect(ui.id).toEqual({ 'ui:readonly': true })
  })

  it('edits untyped values and arrays without items as YAML', () => {
    const ui = toUiSchema(
      {
        properties: { affinity: { description: 'x' }, tolerations: { type: 'array', default: [] } },
      },
      {},
    )
    expect(ui.affinity).toEqual({ 'ui:field': 'yaml', 'ui:label': false })
    expect(ui.tolerations).toEqual({ 'ui:field': 'yaml', 'ui:label': false })
  })

  it('stops at cyclic references', () => {
    const schema = {
      definitions: { n: { type: 'object', properties: { next: { $ref: '#/definitions/n' } } } },
      $ref: '#/definitions/n',
    }
    const ui = toUiSchema(schema, {})
    expect(ui['ui:order']).toEqual(['next', '*'])
  })
})
