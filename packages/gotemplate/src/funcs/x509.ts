/**
 * Private keys and X.509 certificates as Go's crypto/x509 writes them for Sprig: RSA, ECDSA
 * P-256 and Ed25519 keys, SubjectPublicKeyInfo, and certificates signed by any of them.
 * node-forge builds the TBSCertificate and does RSA; @noble/curves does ECDSA and Ed25519.
 */
import { ed25519 } from '@noble/curves/ed25519.js'
import { p256 } from '@noble/curves/nist.js'
import { sha1 } from '@noble/hashes/legacy.js'
import { forge } from './forge.ts'
import { FuncError } from './errors.ts'
import { fromBinary, pemDecode, pemEncode, toBinary } from './pem.ts'
import { randomBytes } from './random.ts'

/** A private key Sprig can generate or read. */
export type PrivateKey =
  | { kind: 'rsa'; key: any }
  | { kind: 'ecdsa'; d: Uint8Array }
  | { kind: 'ed25519'; seed: Uint8Array }

const { asn1 } = forge
const U = asn1.Class.UNIVERSAL
const T = asn1.Type

const OID_RSA = '1.2.840.113549.1.1.1'
const OID_EC = '1.2.840.10045.2.1'
const OID_P256 = '1.2.840.10045.3.1.7'
const OID_ED25519 = '1.3.101.112'
const OID_SHA256_RSA = '1.2.840.113549.1.1.11'
const OID_ECDSA_SHA256 = '1.2.840.10045.4.3.2'

const oid = (o: string) => asn1.create(U, T.OID, false, asn1.oidToDer(o).getBytes())
const seq = (items: unknown[]) => asn1.create(U, T.SEQUENCE, true, items)
const octets = (b: Uint8Array) => asn1.create(U, T.OCTETSTRING, false, toBinary(b))
const bits = (b: Uint8Array) => asn1.create(U, T.BITSTRING, false, '\x00' + toBinary(b))

/** DER bytes of a forge ASN.1 node. */
export function derOf(node: unknown): Uint8Array {
  return fromBinary(asn1.toDer(node).getBytes())
}

function fromDer(b: Uint8Array): any {
  return asn1.fromDer(forge.util.createBuffer(toBinary(b)))
}

/** A new RSA key (Node's native generator when available, else pure JS). */
export function rsaKey(bits: number): PrivateKey {
  return { kind: 'rsa', key: forge.pki.rsa.generateKeyPair({ bits, e: 0x10001 }).privateKey }
}

/** A new ECDSA P-256 key. */
export function ecdsaKey(): PrivateKey {
  return { kind: 'ecdsa', d: p256.utils.randomSecretKey() }
}

/** A new Ed25519 key. */
export function ed25519Key(): PrivateKey {
  return { kind: 'ed25519', seed: randomBytes(32) }
}

function ecPrivateKeyAsn1(d: Uint8Array): unknown {
  return seq([
    asn1.create(U, T.INTEGER, false, '\x01'),
    octets(d),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [oid(OID_P256)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 1, true, [bits(p256.getPublicKey(d, false))]),
  ])
}

/** pemBlockForKey: PKCS#1 for RSA, SEC 1 for ECDSA, PKCS#8 for Ed25519. */
export function keyPem(k: PrivateKey): string {
  switch (k.kind) {
    case 'rsa':
      return pemEncode('RSA PRIVATE KEY', derOf(forge.pki.privateKeyToAsn1(k.key)))
    case 'ecdsa':
      return pemEncode('EC PRIVATE KEY', derOf(ecPrivateKeyAsn1(k.d)))
    case 'ed25519':
      return pemEncode(
        'PRIVATE KEY',
        derOf(
          seq([
            asn1.create(U, T.INTEGER, false, '\x00'),
            seq([oid(OID_ED25519)]),
            octets(derOf(octets(k.seed))),
          ]),
        ),
      )
  }
}

function pad32(b: Uint8Array): Uint8Array {
  if (b.length === 32) return b
  const out = new Uint8Array(32)
  out.set(b.subarray(Math.max(0, b.length - 32)), Math.max(0, 32 - b.length))
  return out
}

function ecFromSec1(node: any): PrivateKey {
  const curve = node.value.find(
    (v: any) => v.tagClass === asn1.Class.CONTEXT_SPECIFIC && v.type === 0,
  )
  if (curve && asn1.derToOid(curve.value[0].value) !== OID_P256)
    throw new FuncError('only P-256 ECDSA keys are supported')
  return { kind: 'ecdsa', d: pad32(fromBinary(node.value[1].value)) }
}

/** Sprig's parsePrivateKeyPEM: PKCS#1 RSA, SEC 1 EC, or PKCS#8 (RSA, EC P-256, Ed25519). */
export function parsePrivateKey(text: string): PrivateKey {
  const block = pemDecode(text)
  if (block === undefined) throw new FuncError('no PEM data in input')
  if (block.type !== 'PRIVATE KEY' && !block.type.endsWith(' PRIVATE KEY'))
    throw new FuncError(`no private key data in PEM block of type ${block.type}`)
  try {
    const node = fromDer(block.bytes)
    switch (block.type) {
      case 'RSA PRIVATE KEY':
        return { kind: 'rsa', key: forge.pki.privateKeyFromAsn1(node) }
      case 'EC PRIVATE KEY':
        return ecFromSec1(node)
      case 'PRIVATE KEY': {
        const alg = asn1.derToOid(node.value[1].value[0].value)
        const inner = fromBinary(node.value[2].value)
        if (alg === OID_RSA) return { kind: 'rsa', key: forge.pki.privateKeyFromAsn1(node) }
        if (alg === OID_EC) return ecFromSec1(fromDer(inner))
        if (alg === OID_ED25519) return { kind: 'ed25519', seed: fromBinary(fromDer(inner).value) }
        throw new FuncError(`decoding PEM as PKCS#8: unknown key algorithm ${alg}`)
      }
      default:
        throw new FuncError(`invalid private key type ${block.type}`)
    }
  } catch (e) {
    if (e instanceof FuncError) throw e
    throw new FuncError(`decoding PEM: ${(e as Error).message}`)
  }
}

/** The subjectPublicKey bits of a key (what Go hashes into a SubjectKeyId). */
function publicKeyBytes(k: PrivateKey): Uint8Array {
  switch (k.kind) {
    case 'rsa':
      return derOf(forge.pki.publicKeyToRSAPublicKey(forge.pki.setRsaPublicKey(k.key.n, k.key.e)))
    case 'ecdsa':
      return p256.getPublicKey(k.d, false)
    case 'ed25519':
      return ed25519.getPublicKey(k.seed)
  }
}

function spki(k: PrivateKey): unknown {
  switch (k.kind) {
    case 'rsa':
      return forge.pki.publicKeyToAsn1(forge.pki.setRsaPublicKey(k.key.n, k.key.e))
    case 'ecdsa':
      return seq([seq([oid(OID_EC), oid(OID_P256)]), bits(publicKeyBytes(k))])
    case 'ed25519':
      return seq([seq([oid(OID_ED25519)]), bits(publicKeyBytes(k))])
  }
}

function signatureAlgorithm(k: PrivateKey): unknown {
  switch (k.kind) {
    case 'rsa':
      return seq([oid(OID_SHA256_RSA), asn1.create(U, T.NULL, false, '')])
    case 'ecdsa':
      return seq([oid(OID_ECDSA_SHA256)])
    case 'ed25519':
      return seq([oid(OID_ED25519)])
  }
}

function sign(k: PrivateKey, tbs: Uint8Array): Uint8Array {
  switch (k.kind) {
    case 'rsa': {
      const md = forge.md.sha256.create()
      md.update(toBinary(tbs))
      return fromBinary(k.key.sign(md))
    }
    case 'ecdsa':
      return p256.sign(tbs, k.d, { format: 'der', lowS: false })
    case 'ed25519':
      return ed25519.sign(tbs, k.seed)
  }
}

/** What a certificate is signed by: the parent's subject, key id, and private key. */
export interface Issuer {
  subject: unknown
  subjectKeyId: Uint8Array | undefined
  key: PrivateKey
}

/** Reads the subject and SubjectKeyId of a PEM certificate (any key type). */
export function parseIssuer(certPem: string, key: PrivateKey): Issuer {
  const block = pemDecode(certPem)
  if (block === undefined) throw new FuncError('unable to decode certificate')
  let tbs: any
  try {
    tbs = fromDer(block.bytes).value[0]
  } catch (e) {
    throw new FuncError(
      `error parsing certificate: decodedSignerCert.Bytes: ${(e as Error).message}`,
    )
  }
  const off = tbs.value[0].tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0
  let subjectKeyId: Uint8Array | undefined
  const ext = tbs.value.find((v: any) => v.tagClass === asn1.Class.CONTEXT_SPECIFIC && v.type === 3)
  for (const e of ext?.value[0]?.value ?? []) {
    if (asn1.derToOid(e.value[0].value) === '2.5.29.14')
      subjectKeyId = fromBinary(fromDer(fromBinary(e.value[e.value.length - 1].value)).value)
  }
  return { subject: tbs.value[4 + off], subjectKeyId, key }
}

/** Sprig's base template: CN, SANs, validity, key usages; a CA when `isCA`. */
export interface CertTemplate {
  cn: string
  ips: string[]
  dns: string[]
  days: number
  isCA: boolean
}

function isPrintable(s: string): boolean {
  return /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(s)
}

/** x509.CreateCertificate: self-signed when `issuer` is null. Returns the certificate PEM. */
export function createCertificate(
  t: CertTemplate,
  signee: PrivateKey,
  issuer: Issuer | null,
  ipBytes: (ip: string) => string,
): string {
  const signer = issuer?.key ?? signee
  const cert = forge.pki.createCertificate()
  // forge needs an RSA key to lay out the TBSCertificate; the real SubjectPublicKeyInfo replaces it.
  cert.publicKey = forge.pki.setRsaPublicKey(
    new forge.jsbn.BigInteger('3'),
    new forge.jsbn.BigInteger('3'),
  )
  const serial = randomBytes(16)
  serial[0]! &= 0x7f
  cert.serialNumber = forge.util.bytesToHex(toBinary(serial)).replace(/^(00)+(?=.)/, '')
  const now = new Date(Math.floor(Date.now() / 1000) * 1000)
  cert.validity.notBefore = now
  cert.validity.notAfter = new Date(now.getTime() + t.days * 24 * 3600 * 1000)
  cert.setSubject(
    t.cn === ''
      ? []
      : [
          {
            name: 'commonName',
            value: t.cn,
            valueTagClass: isPrintable(t.cn) ? T.PRINTABLESTRING : T.UTF8,
          },
        ],
  )
  cert.setIssuer(cert.subject.attributes)
  const extensions: object[] = [
    {
      name: 'keyUsage',
      critical: true,
      digitalSignature: true,
      keyEncipherment: true,
      keyCertSign: t.isCA,
    },
    { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
    { name: 'basicConstraints', critical: true, cA: t.isCA },
  ]
  if (t.isCA)
    extensions.push({
      name: 'subjectKeyIdentifier',
      subjectKeyIdentifier: forge.util.bytesToHex(toBinary(sha1(publicKeyBytes(signee)))),
    })
  if (issuer?.subjectKeyId)
    extensions.push({
      name: 'authorityKeyIdentifier',
      keyIdentifier: toBinary(issuer.subjectKeyId),
    })
  if (t.dns.length > 0 || t.ips.length > 0)
    extensions.push({
      name: 'subjectAltName',
      altNames: [
        ...t.dns.map((value) => ({ type: 2, value })),
        ...t.ips.map((ip) => ({ type: 7, value: ipBytes(ip) })),
      ],
    })
  cert.setExtensions(extensions)
  cert.siginfo.algorithmOid = OID_SHA256_RSA
  const tbs = forge.pki.getTBSCertificate(cert)
  // [0] version, serial, signature, issuer, validity, subject, subjectPublicKeyInfo, [3] extensions
  tbs.value[2] = signatureAlgorithm(signer)
  if (issuer !== null) tbs.value[3] = issuer.subject
  tbs.value[6] = spki(signee)
  const tbsDer = derOf(tbs)
  return pemEncode(
    'CERTIFICATE',
    derOf(seq([tbs, signatureAlgorithm(signer), bits(sign(signer, tbsDer))])),
  )
}
