import { describe, expect, it } from 'vitest'
import { inferSchema } from './infer-schema.ts'

describe('inferSchema', () => {
  it('types scalars, keeps order and defaults', () => {
    const schema = inferSchema('name: web\nreplicas: 2\nratio: 0.5\nenabled: true\nempty:\n')
    expect(schema.type).toBe('object')
    expect(schema.order).toEqual(['name', 'replicas', 'ratio', 'enabled', 'empty'])
    expect(schema.properties).toEqual({
      name: { type: 'string', default: 'web' },
      replicas: { type: 'integer', default: 2 },
      ratio: { type: 'number', default: 0.5 },
      enabled: { type: 'boolean', default: true },
      empty: {},
    })
  })

  it('turns maps into objects and lists into arrays with item types', () => {
    const schema = inferSchema(
      'image:\n  repo: x\n  tag: "1"\nports:\n  - name: http\n    port: 80\n  - name: m\n    port: 9090\n    proto: TCP\nargs: [a, b]\nlabels: {}\nlist: []\n',
    )
    expect(schema.properties!['image']).toEqual({
      type: 'object',
      properties: { repo: { type: 'string', default: 'x' }, tag: { type: 'string', default: '1' } },
      order: ['repo', 'tag'],
    })
    expect(schema.properties!['ports']).toEqual({
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          port: { type: 'integer' },
          proto: { type: 'string' },
        },
        order: ['name', 'port', 'proto'],
      },
    })
    expect(schema.properties!['args']).toEqual({
      type: 'array',
      items: { type: 'string' },
      default: ['a', 'b'],
    })
    expect(schema.properties!['labels']).toEqual({ type: 'object', additionalProperties: true })
    expect(schema.properties!['list']).toEqual({ type: 'array', default: [] })
  })

  it('takes descriptions from @param lines and from plain comments above a key', () => {
    const schema = inferSchema(`## @section Main
## @param replicas Number of pods
replicas: 1

# The image to run.
# Pulled from the registry.
image:
  ## @param image.tag Tag of the image
  tag: latest
  # Pull policy.
  pullPolicy: Always

noComment: x
`)
    expect(schema.properties!['replicas']!.description).toBe('Number of pods')
    expect(schema.properties!['image']!.description).toBe(
      'The image to run. Pulled from the registry.',
    )
    expect(schema.properties!['image']!.properties!['tag']!.description).toBe('Tag of the image')
    expect(schema.properties!['image']!.properties!['pullPolicy']!.description).toBe('Pull policy.')
    expect(schema.properties!['noComment']!.description).toBeUndefined()
  })

  it('gives an empty object schema for an empty or broken file', () => {
    expect(inferSchema('').properties).toEqual({})
    expect(inferSchema('a: [\n').properties).toEqual({})
  })
})

describe('inferSchema and readme-generator annotations', () => {
  it('drops [modifiers] before the description', () => {
    const schema = inferSchema(
      '## @param tag [default: latest] Image tag\ntag: ""\n## @param list [array] Things\nlist: []\n',
    )
    expect(schema.properties!['tag']!.description).toBe('Image tag')
    expect(schema.properties!['list']!.description).toBe('Things')
  })
})
