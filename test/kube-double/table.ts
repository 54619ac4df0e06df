/** `meta.k8s.io/v1` Table responses, which `kubectl get` asks for. */
import { isObj, type Obj } from './patch.ts'

function age(ts: unknown): string {
  if (typeof ts !== 'string') return '<unknown>'
  const s = Math.max(0, Math.floor((Date.now() - Date.parse(ts)) / 1000))
  if (s < 120) return `${s}s`
  if (s < 7200) return `${Math.floor(s / 60)}m`
  return `${Math.floor(s / 3600)}h`
}

type Column = { name: string; type: string; cell: (o: Obj) => unknown }

function columnsFor(kind: string): Column[] {
  const status = (o: Obj): Obj => (isObj(o.status) ? o.status : {})
  const spec = (o: Obj): Obj => (isObj(o.spec) ? o.spec : {})
  switch (kind) {
    case 'Deployment':
      return [
        {
          name: 'Ready',
          type: 'string',
          cell: (o) => `${Number(status(o).readyReplicas ?? 0)}/${Number(spec(o).replicas ?? 0)}`,
        },
        {
          name: 'Up-to-date',
          type: 'integer',
          cell: (o) => Number(status(o).updatedReplicas ?? 0),
        },
        {
          name: 'Available',
          type: 'integer',
          cell: (o) => Number(status(o).availableReplicas ?? 0),
        },
      ]
    case 'Pod':
      return [{ name: 'Status', type: 'string', cell: (o) => String(status(o).phase ?? 'Pending') }]
    case 'Service':
      return [
        { name: 'Type', type: 'string', cell: (o) => String(spec(o).type ?? '') },
        { name: 'Cluster-IP', type: 'string', cell: (o) => String(spec(o).clusterIP ?? '') },
      ]
    case 'Secret':
      return [
        { name: 'Type', type: 'string', cell: (o) => String(o.type ?? '') },
        {
          name: 'Data',
          type: 'integer',
          cell: (o) => Object.keys(isObj(o.data) ? o.data : {}).length,
        },
      ]
    case 'ConfigMap':
      return [
        {
          name: 'Data',
          type: 'integer',
          cell: (o) => Object.keys(isObj(o.data) ? o.data : {}).length,
        },
      ]
    case 'Event':
      return [
        { name: 'Type', type: 'string', cell: (o) => String(o.type ?? '') },
        { name: 'Reason', type: 'string', cell: (o) => String(o.reason ?? '') },
        {
          name: 'Object',
          type: 'string',
          cell: (o) => {
            const io = isObj(o.involvedObject) ? o.involvedObject : {}
            return `${String(io.kind ?? '').toLowerCase()}/${String(io.name ?? '')}`
          },
        },
        { name: 'Message', type: 'string', cell: (o) => String(o.message ?? '') },
      ]
    case 'Namespace':
      return [{ name: 'Status', type: 'string', cell: (o) => String(status(o).phase ?? '') }]
    default:
      return []
  }
}

/** A Table of objects of one kind. */
export function toTable(
  kind: string,
  objects: Obj[],
  resourceVersion: string,
  includeObject: string,
): Obj {
  const cols: Column[] = [
    { name: 'Name', type: 'string', cell: (o) => (isObj(o.metadata) ? o.metadata.name : '') },
    ...columnsFor(kind),
    {
      name: 'Age',
      type: 'string',
      cell: (o) => age(isObj(o.metadata) ? o.metadata.creationTimestamp : undefined),
    },
  ]
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: cols.map((c, i) => ({
      name: c.name,
      type: c.type,
      format: i === 0 ? 'name' : '',
      description: c.name,
      priority: 0,
    })),
    rows: objects.map((o) => ({
      cells: cols.map((c) => c.cell(o)),
      object:
        includeObject === 'None'
          ? undefined
          : includeObject === 'Object'
            ? o
            : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  }
}
