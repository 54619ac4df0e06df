/** The validation kube-apiserver does that Slipway's users hit most: names, selectors, containers. */
import type { ResourceType } from './catalog.ts'
import { isObj, type Obj } from './patch.ts'
import type { StatusCause } from './status.ts'

const subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

const subdomainMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const labelMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const serviceMsg =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"

/** Kinds whose names must be DNS-1123 labels rather than subdomains. */
const labelNamed = new Set(['Namespace'])

function invalidValue(field: string, value: unknown, detail: string): StatusCause {
  return {
    reason: 'FieldValueInvalid',
    message: `Invalid value: ${JSON.stringify(value)}: ${detail}`,
    field,
  }
}

function required(field: string, detail?: string): StatusCause {
  return {
    reason: 'FieldValueRequired',
    message: detail ? `Required value: ${detail}` : 'Required value',
    field,
  }
}

function podSpecCauses(spec: unknown, at: string): StatusCause[] {
  const causes: StatusCause[] = []
  const containers = isObj(spec) ? spec.containers : undefined
  if (!Array.isArray(containers) || containers.length === 0) {
    causes.push(required(`${at}.containers`))
    return causes
  }
  const seen = new Set<string>()
  containers.forEach((c, i) => {
    const f = `${at}.containers[${i}]`
    const name = isObj(c) ? c.name : undefined
    if (typeof name !== 'string' || name === '') causes.push(required(`${f}.name`))
    else if (!label.test(name) || name.length > 63)
      causes.push(invalidValue(`${f}.name`, name, labelMsg))
    else if (seen.has(name))
      causes.push({
        reason: 'FieldValueDuplicate',
        message: `Duplicate value: ${JSON.stringify(name)}`,
        field: `${f}.name`,
      })
    else seen.add(name)
    const image = isObj(c) ? c.image : undefined
    if (typeof image !== 'string' || image.trim() === '') causes.push(required(`${f}.image`))
  })
  return causes
}

function templateCauses(spec: Obj, needsSelector: boolean): StatusCause[] {
  const causes: StatusCause[] = []
  const selector = spec.selector
  const template = isObj(spec.template) ? spec.template : undefined
  if (needsSelector && !isObj(selector)) causes.push(required('spec.selector'))
  if (!template) {
    causes.push(required('spec.template'))
    return causes
  }
  if (needsSelector && isObj(selector)) {
    const want = (isObj(selector.matchLabels) ? selector.matchLabels : {}) as Record<string, string>
    const tm = isObj(template.metadata) ? template.metadata : {}
    const labels = (isObj(tm.labels) ? tm.labels : {}) as Record<string, string>
    if (Object.keys(want).length === 0 && !Array.isArray(selector.matchExpressions)) {
      causes.push(
        invalidValue('spec.selector', selector, 'empty selector is invalid for deployment'),
      )
    } else if (Object.entries(want).some(([k, v]) => labels[k] !== v)) {
      causes.push(
        invalidValue(
          'spec.template.metadata.labels',
          labels,
          '`selector` does not match template `labels`',
        ),
      )
    }
  }
  causes.push(...podSpecCauses(template.spec, 'spec.template.spec'))
  return causes
}

/** The reasons an object is invalid; empty when it is valid. */
export function validate(type: ResourceType, obj: Obj): StatusCause[] {
  const causes: StatusCause[] = []
  const md = isObj(obj.metadata) ? obj.metadata : {}
  const name = md.name
  if (typeof name !== 'string' || name === '') {
    causes.push(required('metadata.name', 'name or generateName is required'))
  } else if (type.kind === 'Service') {
    if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 63)
      causes.push(invalidValue('metadata.name', name, serviceMsg))
  } else if (labelNamed.has(type.kind)) {
    if (!label.test(name) || name.length > 63)
      causes.push(invalidValue('metadata.name', name, labelMsg))
  } else if (!type.crd && (!subdomain.test(name) || name.length > 253)) {
    causes.push(invalidValue('metadata.name', name, subdomainMsg))
  }
  if (isObj(md.labels)) {
    for (const [k, v] of Object.entries(md.labels)) {
      if (
        typeof v !== 'string' ||
        v.length > 63 ||
        !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(v)
      ) {
        causes.push(
          invalidValue(
            `metadata.labels`,
            v,
            "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
          ),
        )
        break
      }
      void k
    }
  }
  const spec = isObj(obj.spec) ? obj.spec : {}
  switch (type.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
      causes.push(...templateCauses(spec, true))
      break
    case 'Job':
      causes.push(...templateCauses(spec, false))
      break
    case 'CronJob': {
      if (typeof spec.schedule !== 'string' || !spec.schedule)
        causes.push(required('spec.schedule'))
      const jt = isObj(spec.jobTemplate) ? spec.jobTemplate : {}
      const jspec = isObj(jt.spec) ? jt.spec : {}
      const tmpl = isObj(jspec.template) ? jspec.template : {}
      causes.push(...podSpecCauses(tmpl.spec, 'spec.jobTemplate.spec.template.spec'))
      break
    }
    case 'Pod':
      causes.push(...podSpecCauses(obj.spec, 'spec'))
      break
    case 'Service': {
      const ports = spec.ports
      const headless = spec.clusterIP === 'None'
      if (!Array.isArray(ports) || ports.length === 0) {
        if (!headless && spec.type !== 'ExternalName') causes.push(required('spec.ports'))
      } else {
        ports.forEach((p, i) => {
          if (!isObj(p) || typeof p.port !== 'number')
            causes.push(required(`spec.ports[${i}].port`))
        })
      }
      break
    }
    case 'CustomResourceDefinition': {
      const names = isObj(spec.names) ? spec.names : {}
      if (typeof spec.group !== 'string') causes.push(required('spec.group'))
      if (typeof names.plural !== 'string') causes.push(required('spec.names.plural'))
      if (typeof names.kind !== 'string') causes.push(required('spec.names.kind'))
      if (
        typeof name === 'string' &&
        typeof names.plural === 'string' &&
        name !== `${names.plural}.${spec.group}`
      ) {
        causes.push(invalidValue('metadata.name', name, `must be spec.names.plural+"."+spec.group`))
      }
      if (!Array.isArray(spec.versions) || spec.versions.length === 0)
        causes.push(required('spec.versions'))
      break
    }
  }
  return causes
}
