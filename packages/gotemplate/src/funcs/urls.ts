/** Sprig's `urlParse` and `urlJoin`, over Go's net/url parsing and escaping rules. */
import type { FuncMap } from '../func.ts'
import type { GoMap } from '../value.ts'
import { fn, reflectKind } from './args.ts'
import { FuncError } from './errors.ts'
import { decodeUtf8, encodeUtf8 } from './utf8.ts'

type Mode = 'path' | 'host' | 'user' | 'fragment'

function shouldEscape(c: string, mode: Mode): boolean {
  if (/[A-Za-z0-9]/.test(c)) return false
  if (mode === 'host' && `!$&'()*+,;=:[]<>"`.includes(c)) return false
  if ('-_.~'.includes(c)) return false
  if ('$&+,/:;=?@'.includes(c)) {
    if (mode === 'path') return c === '?'
    if (mode === 'user') return '@/?:'.includes(c)
    if (mode === 'fragment') return false
  }
  if (mode === 'fragment' && '!()*'.includes(c)) return false
  return true
}

function escape(s: string, mode: Mode): string {
  let out = ''
  for (const b of encodeUtf8(s)) {
    const c = String.fromCharCode(b)
    out +=
      b < 0x80 && !shouldEscape(c, mode) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0')
  }
  return out
}

function unescape(s: string): string {
  const bytes: number[] = []
  const src = encodeUtf8(s)
  for (let i = 0; i < src.length; i++) {
    if (src[i] === 0x25) {
      const h = String.fromCharCode(src[i + 1] ?? 0, src[i + 2] ?? 0)
      if (!/^[0-9A-Fa-f]{2}$/.test(h)) {
        const bad = decodeUtf8(src.subarray(i, i + 3))
        throw new FuncError(
          `unable to parse url: parse ${JSON.stringify(s)}: invalid URL escape ${JSON.stringify(bad)}`,
        )
      }
      bytes.push(parseInt(h, 16))
      i += 2
    } else bytes.push(src[i]!)
  }
  return decodeUtf8(Uint8Array.from(bytes))
}

interface Url {
  scheme: string
  opaque: string
  user: { name: string; password?: string } | null
  host: string
  path: string
  rawQuery: string
  fragment: string
}

function userString(u: { name: string; password?: string }): string {
  return escape(u.name, 'user') + (u.password !== undefined ? ':' + escape(u.password, 'user') : '')
}

/** url.Parse (the parts urlParse reads). */
function parseUrl(raw: string): Url {
  const fail = (msg: string): never => {
    throw new FuncError(`unable to parse url: parse ${JSON.stringify(raw)}: ${msg}`)
  }
  if (/[\x00-\x1f\x7f]/.test(raw)) fail('net/url: invalid control character in URL')
  const hash = raw.indexOf('#')
  let rest = hash < 0 ? raw : raw.slice(0, hash)
  const fragment = hash < 0 ? '' : unescape(raw.slice(hash + 1))
  const u: Url = { scheme: '', opaque: '', user: null, host: '', path: '', rawQuery: '', fragment }
  if (rest === '*') return { ...u, path: '*' }
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(rest)
  if (m) {
    u.scheme = m[1]!.toLowerCase()
    rest = rest.slice(m[0].length)
  } else if (rest.startsWith(':')) fail('missing protocol scheme')
  const q = rest.indexOf('?')
  if (q >= 0) {
    u.rawQuery = rest.slice(q + 1)
    rest = rest.slice(0, q)
  }
  if (!rest.startsWith('/')) {
    if (u.scheme !== '') return { ...u, opaque: rest }
    if (rest.split('/')[0]!.includes(':')) fail('first path segment in URL cannot contain colon')
  }
  if ((u.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2)
    const slash = authority.indexOf('/')
    rest = slash < 0 ? '' : authority.slice(slash)
    if (slash >= 0) authority = authority.slice(0, slash)
    const at = authority.lastIndexOf('@')
    const host = at < 0 ? authority : authority.slice(at + 1)
    // net/url's parseHost: brackets must close, and a port must be digits
    let port = host
    if (host.startsWith('[')) {
      const close = host.lastIndexOf(']')
      if (close < 0) fail("missing ']' in host")
      port = host.slice(close + 1)
    } else port = host.includes(':') ? host.slice(host.lastIndexOf(':')) : ''
    if (port !== '' && !/^:[0-9]*$/.test(port))
      fail(`invalid port ${JSON.stringify(port)} after host`)
    u.host = unescape(host)
    if (at >= 0) {
      const info = authority.slice(0, at)
      const colon = info.indexOf(':')
      u.user =
        colon < 0
          ? { name: unescape(info) }
          : { name: unescape(info.slice(0, colon)), password: unescape(info.slice(colon + 1)) }
    }
  }
  u.path = unescape(rest)
  return u
}

function hostname(host: string): string {
  if (host.startsWith('[')) {
    const end = host.indexOf(']')
    return end < 0 ? host : host.slice(1, end)
  }
  const colon = host.lastIndexOf(':')
  return colon < 0 ? host : host.slice(0, colon)
}

/** url.URL.String. */
function urlString(u: Url): string {
  let out = ''
  if (u.scheme !== '') out += u.scheme + ':'
  if (u.opaque !== '') out += u.opaque
  else {
    if (u.scheme !== '' || u.host !== '' || u.user !== null) {
      if (u.host !== '' || u.path !== '' || u.user !== null) out += '//'
      if (u.user !== null) out += userString(u.user) + '@'
      if (u.host !== '') out += escape(u.host, 'host')
    }
    const path = escape(u.path, 'path')
    if (path !== '' && path[0] !== '/' && u.host !== '') out += '/'
    if (out === '' && path.split('/')[0]!.includes(':')) out += './'
    out += path
  }
  if (u.rawQuery !== '') out += '?' + u.rawQuery
  if (u.fragment !== '') out += '#' + escape(u.fragment, 'fragment')
  return out
}

function urlParse(v: string): GoMap {
  const u = parseUrl(v)
  return {
    scheme: u.scheme,
    host: u.host,
    hostname: hostname(u.host),
    path: u.path,
    query: u.rawQuery,
    opaque: u.opaque,
    fragment: u.fragment,
    userinfo: u.user === null ? '' : userString(u.user),
  }
}

function field(d: GoMap, key: string): string {
  if (!Object.hasOwn(d, key)) return ''
  const v = d[key]
  if (typeof v !== 'string')
    throw new FuncError(
      `unable to parse ${key} key, must be of type string, but ${reflectKind(v)} found`,
    )
  return v
}

function urlJoin(d: GoMap | null): string {
  const m = d ?? {}
  const info = field(m, 'userinfo')
  let user: Url['user'] = null
  if (info !== '') user = parseUrl(`proto://${info}@host`).user
  return urlString({
    scheme: field(m, 'scheme'),
    host: field(m, 'host'),
    path: field(m, 'path'),
    rawQuery: field(m, 'query'),
    opaque: field(m, 'opaque'),
    fragment: field(m, 'fragment'),
    user,
  })
}

/** URL functions. */
export const urlFuncs: FuncMap = {
  urlParse: fn(['string'], urlParse),
  urlJoin: fn(['map'], urlJoin),
}
