/**
 * The encoding functions inside the template engine, as a chart uses them
 * (`{{ toYaml .Values | nindent 2 }}`), against helm template on the same values and text.
 */
import { describe, expect, it } from 'vitest'
import { TemplateSet, sprigFuncs } from '../../packages/gotemplate/src/index.ts'
import {
  decodeYaml,
  encodingFuncs,
  sprigJsonFuncs,
} from '../../packages/gotemplate/src/encoding/index.ts'
import { helmRender } from './probe.ts'

const VALUES = `
replicas: 3
image: {repository: nginx, tag: "1.25"}
config:
  nginx.conf: |
    server {
      listen 80;
    }
  flags: [yes, "no", on]
env:
  - {name: A, value: "1"}
  - {name: B, value: "true"}
resources: {}
tolerations: []
annotations:
  checksum/config: abc
  long: Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore
ports: {http: 8080, metrics: 9090.5}
`

const EXPRS = [
  'toYaml .Values | nindent 2',
  'toYaml .Values.env | indent 4',
  'toJson .Values',
  'toToml .Values',
  'toPrettyJson .Values.image',
  'toRawJson .Values.annotations',
  'toYamlPretty .Values.env',
  '(fromYaml (toYaml .Values)).ports.metrics',
  '(fromJson (toJson .Values)).replicas',
  'fromYaml "a: [1" | toJson',
  'fromYamlArray "- x\\n- 2" | toJson',
  'fromJsonArray "[1, \\"b\\"]" | toJson',
  // (typeOf here would be int64 in helm: the value model has one bigint for int and int64)
  '(fromToml "n = 1\\nf = 2.0").n',
  '(fromToml "n = 1\\nf = 2.0").f',
  'fromYaml (toYaml (dict "k" 1 "l" (list 1.5 "x"))) | toJson',
]

describe('encoding functions in the template engine against helm template', () => {
  it('renders the same text', async () => {
    const want = await helmRender(EXPRS, VALUES)
    const set = new TemplateSet({ funcs: { ...sprigFuncs, ...sprigJsonFuncs, ...encodingFuncs } })
    const values = decodeYaml(VALUES)
    const got = EXPRS.map((e, i) => {
      set.parse(`t${i}`, `{{ ${e} }}`)
      return set.execute(`t${i}`, { Values: values })
    })
    expect(got).toEqual(want)
  })
})
