/** The HTTP front of the double: kube-apiserver's paths, verbs, content types and query parameters. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { parse as parseYaml } from 'yaml'
import { groupVersion, scalable, type ResourceType } from './catalog.ts'
import {
  aggregated,
  coreVersions,
  group,
  groupList,
  openapiGroupVersion,
  openapiIndex,
  resourceList,
  serverVersion,
} from './discovery.ts'
import { decodeProtobuf } from './protobuf.ts'
import { isObj, jsonPatch, mergePatch, strategicMerge, type Obj } from './patch.ts'
import { fieldMatcher, labelMatcher } from './selectors.ts'
import {
  ApiStatusError,
  badRequest,
  deletedStatus,
  methodNotAllowed,
  unsupportedMediaType,
} from './status.ts'
import type { Store, WatchEvent } from './store.ts'
import { toTable } from './table.ts'

const aggregatedType = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'
const maxBody = 16 * 1024 * 1024

function send(
  res: ServerResponse,
  code: number,
  body: unknown,
  contentType = 'application/json',
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > maxBody) {
        reject(new ApiStatusError(413, 'RequestEntityTooLarge', 'request entity too large'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

async function readBody(req: IncomingMessage): Promise<string> {
  const raw = await readRaw(req)
  if (String(req.headers['content-type'] ?? '').startsWith('application/vnd.kubernetes.protobuf')) {
    // only object bodies are decoded; others (DeleteOptions) are read as empty
    try {
      return JSON.stringify(decodeProtobuf(raw))
    } catch (err) {
      if (req.method === 'DELETE') return ''
      throw err
    }
  }
  return raw.toString('utf8')
}

function parseBody(text: string, yamlOk: boolean): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch (err) {
    if (!yamlOk) throw badRequest(`json: ${(err as Error).message}`)
    try {
      return parseYaml(text)
    } catch (yerr) {
      throw badRequest(`error decoding YAML: ${(yerr as Error).message}`)
    }
  }
}

function userAgentManager(req: IncomingMessage): string {
  const ua = req.headers['user-agent'] ?? 'unknown'
  return ua.split('/')[0] || 'unknown'
}

interface Route {
  type: ResourceType
  ns: string | undefined
  name: string | undefined
  sub: string | undefined
}

/** Parses `/api/v1/...` and `/apis/G/V/...` resource paths. */
function route(store: Store, parts: string[]): Route | undefined | 'nogv' {
  let group: string
  let version: string
  let rest: string[]
  if (parts[0] === 'api') {
    if (parts[1] !== 'v1') return 'nogv'
    group = ''
    version = 'v1'
    rest = parts.slice(2)
  } else {
    group = parts[1] ?? ''
    version = parts[2] ?? ''
    rest = parts.slice(3)
  }
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    store.findType(group, version, rest[2] as string)?.namespaced
  ) {
    const type = store.findType(group, version, rest[2] as string) as ResourceType
    return { type, ns: rest[1], name: rest[3], sub: rest.slice(4).join('/') || undefined }
  }
  const type = store.findType(group, version, rest[0] ?? '')
  if (!type) return undefined
  return { type, ns: undefined, name: rest[1], sub: rest.slice(2).join('/') || undefined }
}

/** Handles one request against the store. */
export async function handle(
  store: Store,
  req: IncomingMessage,
  res: ServerResponse,
  control: (req: IncomingMessage, body: unknown) => unknown,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://double')
  const q = url.searchParams
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent)
  const method = req.method ?? 'GET'
  const accept = String(req.headers.accept ?? '')
  const path = url.pathname.replace(/\/+$/, '')
  if (process.env.KUBE_DOUBLE_LOG)
    process.stderr.write(
      `${method} ${req.url} [${String(req.headers['content-type'] ?? '')}] [${accept}]\n`,
    )
  try {
    if (path === '/version') return send(res, 200, serverVersion)
    if (path === '/healthz' || path === '/readyz' || path === '/livez')
      return send(res, 200, 'ok', 'text/plain')
    if (parts[0] === '_double') {
      const body = parseBody(await readBody(req), true)
      return send(res, 200, control(req, body) ?? {})
    }
    if (path === '/api' || path === '/apis') {
      if (accept.includes('as=APIGroupDiscoveryList') && accept.includes('v=v2;')) {
        return send(res, 200, aggregated(store.types, path === '/api'), aggregatedType)
      }
      return send(res, 200, path === '/api' ? coreVersions() : groupList(store.types))
    }
    if (path === '/openapi/v2')
      throw new ApiStatusError(404, 'NotFound', 'the server could not find the requested resource')
    if (path === '/openapi/v3') return send(res, 200, openapiIndex(store.types))
    if (parts[0] === 'openapi' && parts[1] === 'v3') {
      const [g, v] = parts[2] === 'api' ? ['', parts[3] ?? ''] : [parts[3] ?? '', parts[4] ?? '']
      const doc = openapiGroupVersion(store.types, g, v)
      if (doc) return send(res, 200, doc)
      throw new ApiStatusError(404, 'NotFound', 'the server could not find the requested resource')
    }
    if (parts[0] === 'apis' && parts.length === 2) {
      const doc = group(store.types, parts[1] as string)
      if (doc) return send(res, 200, doc)
    }
    if ((parts[0] === 'api' && parts.length === 2) || (parts[0] === 'apis' && parts.length === 3)) {
      const [g, v] =
        parts[0] === 'api' ? ['', parts[1] as string] : [parts[1] as string, parts[2] as string]
      const doc = resourceList(store.types, g, v)
      if (doc) return send(res, 200, doc)
    }
    const r = parts[0] === 'api' || parts[0] === 'apis' ? route(store, parts) : undefined
    if (!r || r === 'nogv')
      throw new ApiStatusError(
        404,
        'NotFound',
        'the server could not find the requested resource',
        {},
      )
    await resource(store, r, req, res, q, method, accept)
  } catch (err) {
    if (err instanceof ApiStatusError) return send(res, err.code, err.body())
    const e = err as Error
    send(
      res,
      500,
      new ApiStatusError(500, 'InternalError', `Internal error occurred: ${e.message}`).body(),
    )
  }
}

async function resource(
  store: Store,
  r: Route,
  req: IncomingMessage,
  res: ServerResponse,
  q: URLSearchParams,
  method: string,
  accept: string,
): Promise<void> {
  const { type } = r
  const ns = type.namespaced ? r.ns : undefined
  if (type.namespaced && r.name !== undefined && ns === undefined && method !== 'GET') {
    throw new ApiStatusError(404, 'NotFound', 'the server could not find the requested resource')
  }
  const dryRun = q.getAll('dryRun').includes('All')
  const fieldManager = q.get('fieldManager') ?? undefined
  const table = accept.includes('as=Table')
  const nsArg = ns ?? ''

  if (r.name === undefined) {
    if (method === 'GET') {
      const match = (
        (l, f) => (o: Obj) =>
          l(o) && f(o)
      )(labelMatcher(q.get('labelSelector')), fieldMatcher(q.get('fieldSelector')))
      if (q.get('watch') === 'true' || q.get('watch') === '1')
        return watch(store, type, ns, match, q, req, res)
      const all = store
        .listRaw(type, ns)
        .filter(match)
        .map((o) => store.output(type, o))
      const limit = Number(q.get('limit') ?? 0)
      const start = q.get('continue')
        ? Number(Buffer.from(q.get('continue') as string, 'base64').toString())
        : 0
      const items = limit > 0 ? all.slice(start, start + limit) : all.slice(start)
      const more = limit > 0 && start + limit < all.length
      const metadata = {
        resourceVersion: store.resourceVersion,
        ...(more
          ? {
              continue: Buffer.from(String(start + limit)).toString('base64'),
              remainingItemCount: all.length - start - limit,
            }
          : {}),
      }
      if (table)
        return send(
          res,
          200,
          {
            ...toTable(
              type.kind,
              items,
              store.resourceVersion,
              q.get('includeObject') ?? 'Metadata',
            ),
            metadata,
          },
          'application/json',
        )
      return send(res, 200, {
        kind: `${type.kind}List`,
        apiVersion: groupVersion(type),
        metadata,
        items,
      })
    }
    if (method === 'POST') {
      const body = parseBody(await readBody(req), true)
      if (!isObj(body)) throw badRequest('the body of the request must be an object')
      const created = store.create(type, nsArg, body, {
        dryRun,
        fieldManager: fieldManager ?? userAgentManager(req),
      })
      return send(res, 201, created)
    }
    if (method === 'DELETE') {
      const match = (
        (l, f) => (o: Obj) =>
          l(o) && f(o)
      )(labelMatcher(q.get('labelSelector')), fieldMatcher(q.get('fieldSelector')))
      const body = parseBody(await readBody(req), true)
      const policy =
        q.get('propagationPolicy') ??
        (isObj(body) ? (body.propagationPolicy as string | undefined) : undefined)
      const items: Obj[] = []
      for (const o of store.listRaw(type, ns).filter(match)) {
        const md = o.metadata as Obj
        items.push(
          store.delete(type, String(md.namespace ?? ''), String(md.name), {
            dryRun,
            propagationPolicy: policy,
          }),
        )
      }
      return send(res, 200, {
        kind: `${type.kind}List`,
        apiVersion: groupVersion(type),
        metadata: { resourceVersion: store.resourceVersion },
        items,
      })
    }
    throw methodNotAllowed()
  }

  const name = r.name
  if (r.sub === 'log' && type.kind === 'Pod' && method === 'GET') {
    store.get(type, nsArg, name)
    return send(res, 200, store.podLogs.get(`${nsArg}/${name}`) ?? '', 'text/plain')
  }
  if (r.sub === 'status') {
    if (method === 'GET') return send(res, 200, store.get(type, nsArg, name))
    const body = parseBody(await readBody(req), true)
    if (method === 'PUT' && isObj(body))
      return send(res, 200, store.setStatus(type, nsArg, name, body.status))
    if (method === 'PATCH') {
      const current = store.get(type, nsArg, name)
      const ct = String(req.headers['content-type'] ?? '')
      const next = ct.includes('json-patch')
        ? jsonPatch(current, body)
        : ct.includes('strategic')
          ? strategicMerge(current, body)
          : mergePatch(current, body)
      return send(
        res,
        200,
        store.setStatus(type, nsArg, name, isObj(next) ? next.status : undefined),
      )
    }
    throw methodNotAllowed()
  }
  if (r.sub === 'scale' && scalable.has(type.resource)) {
    const toScale = (o: Obj): Obj => {
      const md = o.metadata as Obj
      const sp = isObj(o.spec) ? o.spec : {}
      const st = isObj(o.status) ? o.status : {}
      const sel =
        isObj(sp.selector) && isObj(sp.selector.matchLabels)
          ? Object.entries(sp.selector.matchLabels)
              .map(([k, v]) => `${k}=${String(v)}`)
              .join(',')
          : ''
      return {
        kind: 'Scale',
        apiVersion: 'autoscaling/v1',
        metadata: {
          name: md.name,
          namespace: md.namespace,
          uid: md.uid,
          resourceVersion: md.resourceVersion,
          creationTimestamp: md.creationTimestamp,
        },
        spec: { replicas: sp.replicas },
        status: { replicas: Number(st.replicas ?? 0), selector: sel },
      }
    }
    if (method === 'GET') return send(res, 200, toScale(store.get(type, nsArg, name)))
    const body = parseBody(await readBody(req), true)
    const ct = String(req.headers['content-type'] ?? '')
    const current = toScale(store.get(type, nsArg, name))
    const next =
      method === 'PUT'
        ? body
        : ct.includes('json-patch')
          ? jsonPatch(current, body)
          : mergePatch(current, body)
    const replicas = isObj(next) && isObj(next.spec) ? next.spec.replicas : undefined
    const updated = store.patch(
      type,
      nsArg,
      name,
      (c) => ({ ...c, spec: { ...(isObj(c.spec) ? c.spec : {}), replicas } }),
      { fieldManager: fieldManager ?? userAgentManager(req) },
    )
    return send(res, 200, toScale(updated))
  }
  if (r.sub !== undefined)
    throw new ApiStatusError(404, 'NotFound', 'the server could not find the requested resource')

  switch (method) {
    case 'GET': {
      const obj = store.get(type, nsArg, name)
      if (table)
        return send(
          res,
          200,
          toTable(type.kind, [obj], store.resourceVersion, q.get('includeObject') ?? 'Metadata'),
        )
      return send(res, 200, obj)
    }
    case 'PUT': {
      const body = parseBody(await readBody(req), true)
      if (!isObj(body)) throw badRequest('the body of the request must be an object')
      return send(
        res,
        200,
        store.update(type, nsArg, name, body, {
          dryRun,
          fieldManager: fieldManager ?? userAgentManager(req),
        }),
      )
    }
    case 'PATCH': {
      const ct =
        String(req.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim() ?? ''
      const text = await readBody(req)
      const opts = {
        dryRun,
        fieldManager:
          fieldManager ??
          (ct === 'application/apply-patch+yaml' ? undefined : userAgentManager(req)),
        force: q.get('force') === 'true',
      }
      if (ct === 'application/apply-patch+yaml') {
        const body = parseBody(text, true)
        if (!isObj(body)) throw badRequest('the body of an apply patch must be an object')
        const existed = store.getRaw(type, nsArg, name) !== undefined
        return send(res, existed ? 200 : 201, store.apply(type, nsArg, name, body, opts))
      }
      const body = parseBody(text, false)
      let fn: (current: Obj) => unknown
      if (ct === 'application/json-patch+json') fn = (c) => jsonPatch(c, body)
      else if (ct === 'application/merge-patch+json') fn = (c) => mergePatch(c, body)
      else if (ct === 'application/strategic-merge-patch+json') {
        if (type.crd)
          throw new ApiStatusError(
            415,
            'UnsupportedMediaType',
            'strategic merge patch is not supported for custom resources',
          )
        fn = (c) => strategicMerge(c, body)
      } else throw unsupportedMediaType(ct)
      return send(res, 200, store.patch(type, nsArg, name, fn, opts))
    }
    case 'DELETE': {
      const body = parseBody(await readBody(req), true)
      const policy =
        q.get('propagationPolicy') ??
        (isObj(body) ? (body.propagationPolicy as string | undefined) : undefined)
      const bodyDry = isObj(body) && Array.isArray(body.dryRun) && body.dryRun.includes('All')
      const gone = store.delete(type, nsArg, name, {
        dryRun: dryRun || bodyDry,
        propagationPolicy: policy,
      })
      if (type.kind === 'Namespace') {
        return send(res, 200, {
          ...gone,
          status: { phase: 'Terminating' },
          metadata: {
            ...(gone.metadata as Obj),
            deletionTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
          },
        })
      }
      return send(res, 200, deletedStatus(type, name, String((gone.metadata as Obj).uid)))
    }
    default:
      throw methodNotAllowed()
  }
}

function watch(
  store: Store,
  type: ResourceType,
  ns: string | undefined,
  match: (o: Obj) => boolean,
  q: URLSearchParams,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' })
  res.flushHeaders()
  const write = (e: WatchEvent | { type: 'ERROR'; object: unknown }): void => {
    res.write(`${JSON.stringify(e)}\n`)
  }
  let stop = (): void => {}
  try {
    stop = store.watch(type, ns, match, q.get('resourceVersion') ?? undefined, write)
  } catch (err) {
    if (err instanceof ApiStatusError) {
      write({ type: 'ERROR', object: err.body() })
      res.end()
      return
    }
    throw err
  }
  const seconds = Number(q.get('timeoutSeconds') ?? 1800)
  const timer = setTimeout(() => res.end(), seconds * 1000)
  const done = (): void => {
    clearTimeout(timer)
    stop()
  }
  res.on('close', done)
  req.on('close', done)
}
