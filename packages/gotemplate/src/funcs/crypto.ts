/**
 * Sprig's crypto functions: keys, X.509 certificates (genCA, genSignedCert...), bcrypt,
 * htpasswd, derivePassword, AES-CBC. Keys and certificates are random in Helm too; their
 * shape follows Go's crypto/x509 (PEM types, RSA sizes, extensions, validity).
 *
 * RSA keys and certificates come from node-forge, which uses Node's native key generation
 * when present and pure JS in the browser (slow for RSA-4096, as in Helm).
 */
import { hmac } from '@noble/hashes/hmac.js'
import { scrypt } from '@noble/hashes/scrypt.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { genSaltSync, hashSync } from 'bcryptjs'
import { forge } from './forge.ts'
import type { FuncMap } from '../func.ts'
import { GoStruct } from '../value.ts'
import { fn } from './args.ts'
import { base64Decode, base64Encode } from './base-n.ts'
import { generateDsaKey } from './dsa.ts'
import { FuncError } from './errors.ts'
import { fromBinary, pemEncode, toBinary } from './pem.ts'
import { randomBytes } from './random.ts'
import { decodeUtf8, encodeUtf8 } from './utf8.ts'
import {
  createCertificate,
  derOf,
  ecdsaKey,
  ed25519Key,
  keyPem,
  parseIssuer,
  parsePrivateKey,
  rsaKey,
  type CertTemplate,
  type Issuer,
  type PrivateKey,
} from './x509.ts'

/** Sprig's `certificate` result: PEM strings in `.Cert` and `.Key`. */
export class Certificate extends GoStruct {
  readonly goType = 'sprig.certificate'
  constructor(
    public Cert: string,
    public Key: string,
  ) {
    super()
    Object.defineProperty(this, 'goType', { enumerable: false })
  }
}

// ---------------------------------------------------------------------------------------------
// Passwords

function bcrypt(input: string): string {
  if (encodeUtf8(input).length > 72)
    return 'failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes'
  // Go's x/crypto/bcrypt writes the $2a$ variant, cost 10.
  const salt = genSaltSync(10).replace(/^\$2b\$/, '$2a$')
  return hashSync(input, salt)
}

function htpasswd(user: string, password: string): string {
  if (user.includes(':')) return `invalid username: ${user}`
  return `${user}:${bcrypt(password)}`
}

const passwordTemplates: Record<string, string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    'CvcvnoCvcvCvcv',
    'CvcvCvcvnoCvcv',
    'CvcvCvcvCvcvno',
    'CvccnoCvcvCvcv',
    'CvccCvcvnoCvcv',
    'CvccCvcvCvcvno',
    'CvcvnoCvccCvcv',
    'CvcvCvccnoCvcv',
    'CvcvCvccCvcvno',
    'CvcvnoCvcvCvcc',
    'CvcvCvcvnoCvcc',
    'CvcvCvcvCvccno',
    'CvccnoCvccCvcv',
    'CvccCvccnoCvcv',
    'CvccCvccCvcvno',
    'CvcvnoCvccCvcc',
    'CvcvCvccnoCvcc',
    'CvcvCvccCvccno',
    'CvccnoCvcvCvcc',
    'CvccCvcvnoCvcc',
    'CvccCvcvCvccno',
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
}

const templateCharacters: Record<string, string> = {
  V: 'AEIOU',
  C: 'BCDFGHJKLMNPQRSTVWXYZ',
  v: 'aeiou',
  c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz',
  n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
}

function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]
}

/** The Master Password algorithm (Sprig's derivePassword): deterministic. */
function derivePassword(
  counter: bigint,
  type: string,
  password: string,
  user: string,
  site: string,
): string {
  const templates = passwordTemplates[type]
  if (templates === undefined) return `cannot find password template ${type}`
  const seedName = encodeUtf8('com.lyndir.masterpassword')
  const userBytes = encodeUtf8(user)
  const siteBytes = encodeUtf8(site)
  const salt = Uint8Array.from([...seedName, ...u32(userBytes.length), ...userBytes])
  const key = scrypt(encodeUtf8(password), salt, {
    N: 32768,
    r: 8,
    p: 2,
    dkLen: 64,
    maxmem: 64 * 1024 * 1024,
  })
  const msg = Uint8Array.from([
    ...seedName,
    ...u32(siteBytes.length),
    ...siteBytes,
    ...u32(Number(BigInt.asUintN(32, counter))),
  ])
  const seed = hmac(sha256, key, msg)
  const template = templates[seed[0]! % templates.length]!
  let out = ''
  for (let i = 0; i < template.length; i++) {
    const chars = templateCharacters[template[i]!]!
    out += chars[seed[i + 1]! % chars.length]
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Keys and certificates

function bigIntBytes(n: bigint): string {
  let h = n.toString(16)
  if (h.length % 2) h = '0' + h
  if (parseInt(h.slice(0, 2), 16) & 0x80) h = '00' + h
  return forge.util.hexToBytes(h)
}

/** Go's asn1.Marshal of dsaOpenssl{Version 0, P, Q, G, Y, X}. */
function dsaKeyDer(): Uint8Array {
  const k = generateDsaKey()
  const { asn1 } = forge
  const int = (n: bigint) =>
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, bigIntBytes(n))
  return derOf(
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      int(0n),
      int(k.p),
      int(k.q),
      int(k.g),
      int(k.y),
      int(k.x),
    ]),
  )
}

function genPrivateKey(type: string): string {
  switch (type) {
    case 'rsa':
      return keyPem(rsaKey(4096))
    case 'ecdsa':
      return keyPem(ecdsaKey())
    case 'ed25519':
      return keyPem(ed25519Key())
    case 'dsa':
      return pemEncode('DSA PRIVATE KEY', dsaKeyDer())
    default:
      return `Unknown type ${type}`
  }
}

function parseIp(s: string): string | undefined {
  if (/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(s))
    return s
  if (/^[0-9A-Fa-f:.]+$/.test(s) && s.includes(':')) return s
  return undefined
}

/** The 4 or 16 bytes of an IP address, as forge's binary string. */
function ipBytes(ip: string): string {
  if (!ip.includes(':'))
    return ip
      .split('.')
      .map((x) => String.fromCharCode(Number(x)))
      .join('')
  let head = ip
  let tail4: number[] = []
  const colon = ip.lastIndexOf(':')
  if (ip.slice(colon + 1).includes('.')) {
    tail4 = ip
      .slice(colon + 1)
      .split('.')
      .map(Number)
    head = ip.slice(0, colon + 1) + '0:0'
  }
  const [l, r] = head.split('::') as [string, string | undefined]
  const left = l === '' ? [] : l.split(':')
  const right = r === undefined || r === '' ? [] : r.split(':')
  const groups =
    r === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  const bytes: number[] = []
  for (const g of groups) {
    const v = parseInt(g, 16)
    bytes.push(v >> 8, v & 0xff)
  }
  if (tail4.length === 4) bytes.splice(12, 4, ...tail4)
  return String.fromCharCode(...bytes)
}

function stringList(v: unknown[] | null, what: 'ip' | 'dns'): string[] {
  if (v === null) return []
  return v.map((x) => {
    if (typeof x !== 'string')
      throw new FuncError(
        what === 'ip'
          ? `error parsing ip: ${String(x)} is not a string`
          : `error processing alternate dns name: ${String(x)} is not a string`,
      )
    if (what === 'ip' && parseIp(x) === undefined) throw new FuncError(`error parsing ip: ${x}`)
    return x
  })
}

function issuerOf(ca: unknown): Issuer {
  if (!(ca instanceof Certificate))
    throw new FuncError('wrong type for value; expected sprig.certificate', 'FUNC_ARGS')
  let key: PrivateKey
  try {
    key = parsePrivateKey(ca.Key)
  } catch (e) {
    throw new FuncError(`error parsing private key: ${(e as Error).message}`)
  }
  return parseIssuer(ca.Cert, key)
}

function withKey(pem: string): PrivateKey {
  try {
    return parsePrivateKey(pem)
  } catch (e) {
    throw new FuncError(`parsing private key: ${(e as Error).message}`)
  }
}

const list = (v: unknown): unknown[] | null => (Array.isArray(v) ? v : null)

function certificate(t: CertTemplate, key: PrivateKey, issuer: Issuer | null): Certificate {
  return new Certificate(createCertificate(t, key, issuer, ipBytes), keyPem(key))
}

function genCA(cn: string, days: bigint, key?: PrivateKey): Certificate {
  return certificate(
    { cn, ips: [], dns: [], days: Number(days), isCA: true },
    key ?? rsaKey(2048),
    null,
  )
}

function genSelfSigned(
  cn: string,
  ips: unknown,
  dns: unknown,
  days: bigint,
  key?: PrivateKey,
): Certificate {
  const t = {
    cn,
    ips: stringList(list(ips), 'ip'),
    dns: stringList(list(dns), 'dns'),
    days: Number(days),
    isCA: false,
  }
  return certificate(t, key ?? rsaKey(2048), null)
}

function genSigned(
  cn: string,
  ips: unknown,
  dns: unknown,
  days: bigint,
  ca: unknown,
  key?: PrivateKey,
): Certificate {
  const issuer = issuerOf(ca)
  const t = {
    cn,
    ips: stringList(list(ips), 'ip'),
    dns: stringList(list(dns), 'dns'),
    days: Number(days),
    isCA: false,
  }
  return certificate(t, key ?? rsaKey(2048), issuer)
}

function buildCustomCert(b64cert: string, b64key: string): Certificate {
  let cert: Uint8Array
  let key: Uint8Array
  try {
    cert = base64Decode(encodeUtf8(b64cert))
  } catch {
    throw new FuncError('unable to decode base64 certificate')
  }
  try {
    key = base64Decode(encodeUtf8(b64key))
  } catch {
    throw new FuncError('unable to decode base64 private key')
  }
  const certText = decodeUtf8(cert)
  const keyText = decodeUtf8(key)
  try {
    parsePrivateKey(keyText)
  } catch (e) {
    throw new FuncError(`error parsing private key: ${(e as Error).message}`)
  }
  parseIssuer(certText, { kind: 'ed25519', seed: new Uint8Array(32) })
  return new Certificate(certText, keyText)
}

// ---------------------------------------------------------------------------------------------
// AES-256-CBC with a zero-padded password as key (Sprig's encryptAES/decryptAES)

function aesKey(password: string): string {
  const key = new Uint8Array(32)
  key.set(encodeUtf8(password).subarray(0, 32))
  return toBinary(key)
}

function encryptAES(password: string, plaintext: string): string {
  if (plaintext === '') return ''
  const iv = randomBytes(16)
  const c = forge.cipher.createCipher('AES-CBC', aesKey(password))
  c.start({ iv: toBinary(iv) })
  c.update(forge.util.createBuffer(toBinary(encodeUtf8(plaintext))))
  c.finish()
  return base64Encode(Uint8Array.from([...iv, ...fromBinary(c.output.getBytes())]))
}

function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return ''
  let crypt: Uint8Array
  try {
    crypt = base64Decode(encodeUtf8(crypt64))
  } catch (e) {
    throw new FuncError((e as Error).message)
  }
  if (crypt.length < 16 || crypt.length % 16 !== 0)
    throw new FuncError('crypto/cipher: input not full blocks')
  const d = forge.cipher.createDecipher('AES-CBC', aesKey(password))
  d.start({ iv: toBinary(crypt.subarray(0, 16)) })
  d.update(forge.util.createBuffer(toBinary(crypt.subarray(16))))
  d.finish(() => true) // Go strips the padding itself, without checking it
  const out = fromBinary(d.output.getBytes())
  if (out.length === 0) throw new FuncError('runtime error: index out of range [-1]')
  const pad = out[out.length - 1]!
  if (pad > out.length)
    throw new FuncError(`runtime error: slice bounds out of range [:${out.length - pad}]`)
  return decodeUtf8(out.subarray(0, out.length - pad))
}

/** Crypto functions. */
export const cryptoFuncs: FuncMap = {
  bcrypt: fn(['string'], bcrypt),
  htpasswd: fn(['string', 'string'], htpasswd),
  derivePassword: fn(['int', 'string', 'string', 'string', 'string'], derivePassword),
  genPrivateKey: fn(['string'], genPrivateKey),
  genCA: fn(['string', 'int'], (cn: string, days: bigint) => genCA(cn, days)),
  genCAWithKey: fn(['string', 'int', 'string'], (cn: string, days: bigint, key: string) =>
    genCA(cn, days, withKey(key)),
  ),
  genSelfSignedCert: fn(['string', 'list', 'list', 'int'], genSelfSigned),
  genSelfSignedCertWithKey: fn(
    ['string', 'list', 'list', 'int', 'string'],
    (cn: string, ips: unknown, dns: unknown, days: bigint, key: string) =>
      genSelfSigned(cn, ips, dns, days, withKey(key)),
  ),
  genSignedCert: fn(['string', 'list', 'list', 'int', 'any'], genSigned),
  genSignedCertWithKey: fn(
    ['string', 'list', 'list', 'int', 'any', 'string'],
    (cn: string, ips: unknown, dns: unknown, days: bigint, ca: unknown, key: string) =>
      genSigned(cn, ips, dns, days, ca, withKey(key)),
  ),
  buildCustomCert: fn(['string', 'string'], buildCustomCert),
  encryptAES: fn(['string', 'string'], encryptAES),
  decryptAES: fn(['string', 'string'], decryptAES),
}
