import { createPrivateKey, X509Certificate } from 'node:crypto'
import { compareSync } from 'bcryptjs'
import forge from 'node-forge'
import { sprigFuncs } from '@slipway/gotemplate'
import { beforeAll, describe, expect, it } from 'vitest'
import { helmProbe } from './probe.ts'

const f = (name: string, ...args: unknown[]) => sprigFuncs[name]!(...args)

/** What must match between Helm's and Slipway's certificates: everything but key, serial, dates. */
function shape(pem: string) {
  const c = forge.pki.certificateFromPem(pem)
  const x = new X509Certificate(pem)
  return {
    version: c.version,
    signature: forge.pki.oids[c.siginfo.algorithmOid],
    subject: c.subject.attributes.map((a) => `${a.shortName}=${a.value}`),
    issuer: c.issuer.attributes.map((a) => `${a.shortName}=${a.value}`),
    bits: (c.publicKey as forge.pki.rsa.PublicKey).n.bitLength(),
    days: (c.validity.notAfter.getTime() - c.validity.notBefore.getTime()) / 86400000,
    extensions: c.extensions.map((e) => ({
      name: e.name,
      critical: e.critical ?? false,
      ...(e.name === 'keyUsage'
        ? { ds: e.digitalSignature, ke: e.keyEncipherment, cs: e.keyCertSign }
        : {}),
      ...(e.name === 'basicConstraints' ? { ca: e.cA ?? false } : {}),
    })),
    san: x.subjectAltName ?? null,
    serialPositive: /^[0-7]/.test(c.serialNumber),
  }
}

/** Key type, names, validity, signature algorithm and extensions (OID, critical) of any certificate. */
function anyShape(pem: string) {
  const x = new X509Certificate(pem)
  const der = forge.util.decode64(pem.replace(/-----[^-]+-----|\s/g, ''))
  const cert = forge.asn1.fromDer(der)
  const tbs = cert.value[0] as forge.asn1.Asn1
  const ext = (tbs.value as forge.asn1.Asn1[]).find(
    (v) => v.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && v.type === 3,
  )
  const exts =
    ((ext?.value[0] as forge.asn1.Asn1 | undefined)?.value as forge.asn1.Asn1[] | undefined) ?? []
  return {
    subject: x.subject,
    issuer: x.issuer,
    ca: x.ca,
    keyType: x.publicKey.asymmetricKeyType,
    san: x.subjectAltName ?? null,
    days: (Date.parse(x.validTo) - Date.parse(x.validFrom)) / 86400000,
    signature: forge.asn1.derToOid(
      ((cert.value[1] as forge.asn1.Asn1).value as forge.asn1.Asn1[])[0]!.value as string,
    ),
    extensions: exts.map((e) => {
      const parts = e.value as forge.asn1.Asn1[]
      return [forge.asn1.derToOid(parts[0]!.value as string), parts.length === 3]
    }),
  }
}

const exprs = [
  '$ca.Cert',
  '$signed.Cert',
  '$self.Cert',
  'typeOf $ca',
  'derivePassword 1 "long" "password" "user" "example.com"',
  'derivePassword 3 "maximum" "pw" "ü" "site"',
  'derivePassword 1 "nope" "a" "b" "c"',
  'encryptAES "k" "plain text"',
  'htpasswd "user" "pass"',
  'htpasswd "us:er" "pass"',
  'genPrivateKey "nope"',
  'genPrivateKey "ecdsa"',
  'genPrivateKey "ed25519"',
  '$ecca.Cert',
  '$edleaf.Cert',
]
const setup =
  '{{- $ca := genCA "my-ca" 365 }}{{- $signed := genSignedCert "svc" (list "10.0.0.1" "::1") (list "a.example" "b") 30 $ca }}' +
  '{{- $self := genSelfSignedCert "self" nil (list "x") 10 }}' +
  '{{- $ecca := genCAWithKey "ec-ca" 10 (genPrivateKey "ecdsa") }}' +
  '{{- $edleaf := genSignedCertWithKey "leaf" nil (list "x") 5 $ecca (genPrivateKey "ed25519") }}'

describe('Sprig crypto functions against helm template', () => {
  let out: string[] = []
  beforeAll(async () => {
    const r = await helmProbe(
      exprs.map((e, i) => (i === 0 ? setup : '') + `{{ ${e} }}`),
      '',
    )
    out = r
  })

  it("genCA, genSignedCert and genSelfSignedCert build certificates shaped like Helm's", () => {
    const ca = f('genCA', 'my-ca', 365n) as { Cert: string; Key: string }
    const signed = f('genSignedCert', 'svc', ['10.0.0.1', '::1'], ['a.example', 'b'], 30n, ca) as {
      Cert: string
      Key: string
    }
    const self = f('genSelfSignedCert', 'self', null, ['x'], 10n) as { Cert: string; Key: string }
    expect(shape(ca.Cert)).toEqual(shape(out[0]!))
    expect(shape(signed.Cert)).toEqual(shape(out[1]!))
    expect(shape(self.Cert)).toEqual(shape(out[2]!))
    expect(new X509Certificate(signed.Cert).verify(new X509Certificate(ca.Cert).publicKey)).toBe(
      true,
    )
    expect(ca.Key).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/)
    expect(createPrivateKey(signed.Key).asymmetricKeyDetails?.modulusLength).toBe(2048)
    expect(f('typeOf', ca)).toBe(out[3])
  })

  it('signs with ECDSA and Ed25519 keys as Helm does (genCAWithKey, genSignedCertWithKey)', () => {
    const ecca = f('genCAWithKey', 'ec-ca', 10n, f('genPrivateKey', 'ecdsa')) as {
      Cert: string
      Key: string
    }
    const leaf = f(
      'genSignedCertWithKey',
      'leaf',
      null,
      ['x'],
      5n,
      ecca,
      f('genPrivateKey', 'ed25519'),
    ) as { Cert: string; Key: string }
    expect(anyShape(ecca.Cert)).toEqual(anyShape(out[13]!))
    expect(anyShape(leaf.Cert)).toEqual(anyShape(out[14]!))
    expect(new X509Certificate(leaf.Cert).verify(new X509Certificate(ecca.Cert).publicKey)).toBe(
      true,
    )
    expect(new X509Certificate(ecca.Cert).verify(new X509Certificate(ecca.Cert).publicKey)).toBe(
      true,
    )
    // and an RSA leaf under the EC CA, an EC leaf under an RSA CA
    const rsaCa = f('genCA', 'rsa-ca', 1n) as { Cert: string; Key: string }
    const ecLeaf = f(
      'genSignedCertWithKey',
      'l',
      null,
      null,
      1n,
      rsaCa,
      f('genPrivateKey', 'ecdsa'),
    ) as { Cert: string }
    expect(new X509Certificate(ecLeaf.Cert).verify(new X509Certificate(rsaCa.Cert).publicKey)).toBe(
      true,
    )
    expect(anyShape((f('genCA', 'my-ca', 365n) as { Cert: string }).Cert)).toEqual(
      anyShape(out[0]!),
    )
  })

  it('derivePassword is the Master Password algorithm, byte for byte', () => {
    expect(f('derivePassword', 1n, 'long', 'password', 'user', 'example.com')).toBe(out[4])
    expect(f('derivePassword', 3n, 'maximum', 'pw', 'ü', 'site')).toBe(out[5])
    expect(f('derivePassword', 1n, 'nope', 'a', 'b', 'c')).toBe(out[6])
  })

  it("decryptAES reads what Helm's encryptAES wrote", () => {
    expect(f('decryptAES', 'k', out[7])).toBe('plain text')
  })

  it('htpasswd writes bcrypt $2a$10$ hashes as Helm does', () => {
    const ours = f('htpasswd', 'user', 'pass') as string
    expect(ours).toMatch(/^user:\$2a\$10\$[./A-Za-z0-9]{53}$/)
    expect(out[8]).toMatch(/^user:\$2a\$10\$[./A-Za-z0-9]{53}$/)
    expect(compareSync('pass', ours.slice(5))).toBe(true)
    expect(compareSync('pass', out[8]!.slice(5))).toBe(true)
    expect(f('htpasswd', 'us:er', 'pass')).toBe(out[9])
  })

  it('genPrivateKey writes the PEM types Helm writes', () => {
    expect(f('genPrivateKey', 'nope')).toBe(out[10])
    const ec = f('genPrivateKey', 'ecdsa') as string
    const ed = f('genPrivateKey', 'ed25519') as string
    expect(ec.split('\n')[0]).toBe(out[11]!.split('\n')[0])
    expect(ed.split('\n')[0]).toBe(out[12]!.split('\n')[0])
    expect(createPrivateKey(ec).asymmetricKeyDetails).toEqual(
      createPrivateKey(out[11]!).asymmetricKeyDetails,
    )
    expect(createPrivateKey(ed).asymmetricKeyType).toBe('ed25519')
    expect(ec.length).toBe(out[11]!.length)
    expect(ed.length).toBe(out[12]!.length)
  })
})
