/**
 * Decoding of the Kubernetes protobuf wire format for the objects clients send that way: helm's
 * release storage writes Secrets (and ConfigMaps) with `application/vnd.kubernetes.protobuf`.
 * Responses are always JSON (clients list it as an accepted fallback).
 */
import { badRequest } from './status.ts'
import type { Obj } from './patch.ts'

type Field = { no: number; wire: number; value: bigint | Uint8Array }

function fields(buf: Uint8Array): Field[] {
  const out: Field[] = []
  let i = 0
  const varint = (): bigint => {
    let result = 0n
    let shift = 0n
    for (;;) {
      if (i >= buf.length) throw badRequest('protobuf: truncated varint')
      const b = buf[i++] as number
      result |= BigInt(b & 0x7f) << shift
      if ((b & 0x80) === 0) return result
      shift += 7n
    }
  }
  while (i < buf.length) {
    const key = Number(varint())
    const no = key >> 3
    const wire = key & 7
    if (wire === 0) out.push({ no, wire, value: varint() })
    else if (wire === 2) {
      const len = Number(varint())
      out.push({ no, wire, value: buf.subarray(i, i + len) })
      i += len
    } else if (wire === 1) i += 8
    else if (wire === 5) i += 4
    else throw badRequest(`protobuf: unsupported wire type ${wire}`)
  }
  return out
}

const text = (v: bigint | Uint8Array): string => Buffer.from(v as Uint8Array).toString('utf8')

function mapEntry(v: Uint8Array, bytes: boolean): [string, string] {
  let k = ''
  let val = ''
  for (const f of fields(v)) {
    if (f.no === 1) k = text(f.value)
    if (f.no === 2)
      val = bytes ? Buffer.from(f.value as Uint8Array).toString('base64') : text(f.value)
  }
  return [k, val]
}

function objectMeta(buf: Uint8Array): Obj {
  const md: Obj = {}
  for (const f of fields(buf)) {
    switch (f.no) {
      case 1:
        md.name = text(f.value)
        break
      case 2:
        md.generateName = text(f.value)
        break
      case 3:
        md.namespace = text(f.value)
        break
      case 5:
        md.uid = text(f.value)
        break
      case 6:
        md.resourceVersion = text(f.value)
        break
      case 11: {
        const [k, v] = mapEntry(f.value as Uint8Array, false)
        md.labels = { ...((md.labels as Obj) ?? {}), [k]: v }
        break
      }
      case 12: {
        const [k, v] = mapEntry(f.value as Uint8Array, false)
        md.annotations = { ...((md.annotations as Obj) ?? {}), [k]: v }
        break
      }
      case 14:
        md.finalizers = [...((md.finalizers as string[]) ?? []), text(f.value)]
        break
    }
  }
  return md
}

/** Decodes a protobuf-encoded Secret or ConfigMap request body into its JSON form. */
export function decodeProtobuf(body: Buffer): Obj {
  if (body.length < 4 || body.subarray(0, 4).toString('latin1') !== 'k8s\u0000')
    throw badRequest('protobuf: missing k8s magic prefix')
  let apiVersion = ''
  let kind = ''
  let raw: Uint8Array = new Uint8Array()
  for (const f of fields(body.subarray(4))) {
    if (f.no === 1) {
      for (const t of fields(f.value as Uint8Array)) {
        if (t.no === 1) apiVersion = text(t.value)
        if (t.no === 2) kind = text(t.value)
      }
    }
    if (f.no === 2) raw = f.value as Uint8Array
  }
  const obj: Obj = { apiVersion, kind }
  if (kind !== 'Secret' && kind !== 'ConfigMap') {
    throw badRequest(
      `protobuf bodies are only understood for Secret and ConfigMap, not ${kind}; send JSON`,
    )
  }
  for (const f of fields(raw)) {
    if (f.no === 1) obj.metadata = objectMeta(f.value as Uint8Array)
    else if (kind === 'Secret') {
      if (f.no === 2) {
        const [k, v] = mapEntry(f.value as Uint8Array, true)
        obj.data = { ...((obj.data as Obj) ?? {}), [k]: v }
      } else if (f.no === 3) obj.type = text(f.value)
      else if (f.no === 4) {
        const [k, v] = mapEntry(f.value as Uint8Array, false)
        obj.stringData = { ...((obj.stringData as Obj) ?? {}), [k]: v }
      } else if (f.no === 5) obj.immutable = f.value === 1n
    } else {
      if (f.no === 2) {
        const [k, v] = mapEntry(f.value as Uint8Array, false)
        obj.data = { ...((obj.data as Obj) ?? {}), [k]: v }
      } else if (f.no === 3) {
        const [k, v] = mapEntry(f.value as Uint8Array, true)
        obj.binaryData = { ...((obj.binaryData as Obj) ?? {}), [k]: v }
      } else if (f.no === 4) obj.immutable = f.value === 1n
    }
  }
  return obj
}
