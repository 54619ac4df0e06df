import { createPrivateKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { formatValue } from '../fmt.ts'
import { Certificate, cryptoFuncs as f } from './crypto.ts'
import { pemDecode } from './pem.ts'

describe('crypto functions', () => {
  it('derivePassword is deterministic (value from helm v3.17.3)', () => {
    expect(f.derivePassword!(1n, 'long', 'password', 'user', 'example.com')).toBe('ZedaFaxcZaso9*')
    expect(f.derivePassword!(1n, 'nope', 'a', 'b', 'c')).toBe('cannot find password template nope')
  })

  it("decrypts what encryptAES wrote, and Helm's ciphertext", () => {
    const c = f.encryptAES!('secretkey', 'hello world') as string
    expect(f.decryptAES!('secretkey', c)).toBe('hello world')
    expect(f.decryptAES!('k', 'lIq9ODENmNBUcZVeJVSsWuFgb7iDdiAefUptx/SpZJU=')).toBe('plain')
    expect(f.encryptAES!('k', '')).toBe('')
  })

  it('writes bcrypt $2a$10$ hashes and refuses colons in htpasswd users', () => {
    expect(f.htpasswd!('user', 'pass')).toMatch(/^user:\$2a\$10\$[./A-Za-z0-9]{53}$/)
    expect(f.htpasswd!('us:er', 'pass')).toBe('invalid username: us:er')
  })

  it('generates CA-signed certificates as PEM in a sprig.certificate', () => {
    const ca = f.genCA!('my-ca', 365n) as Certificate
    expect(ca).toBeInstanceOf(Certificate)
    expect(pemDecode(ca.Cert)?.type).toBe('CERTIFICATE')
    expect(pemDecode(ca.Key)?.type).toBe('RSA PRIVATE KEY')
    const signed = f.genSignedCert!('svc', ['10.0.0.1'], ['a.example'], 30n, ca) as Certificate
    expect(signed.Cert).toMatch(
      /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{64}\n)+[A-Za-z0-9+/=]*\n?-----END CERTIFICATE-----\n$/,
    )
    expect(formatValue(signed).startsWith('{-----BEGIN CERTIFICATE-----')).toBe(true)
    expect(() => f.genSignedCert!('svc', ['not-an-ip'], null, 30n, ca)).toThrow(
      'error parsing ip: not-an-ip',
    )
    const rebuilt = f.buildCustomCert!(btoa(signed.Cert), btoa(signed.Key)) as Certificate
    expect(rebuilt.Cert).toBe(signed.Cert)
  })

  it('reads PEM in linear time', () => {
    const hostile = '-----BEGIN X-----\n' + 'a\n'.repeat(50_000)
    expect(pemDecode(hostile)).toBeUndefined()
  })

  it("writes ECDSA and ed25519 keys in Go's PEM types", () => {
    expect(pemDecode(f.genPrivateKey!('ecdsa') as string)?.type).toBe('EC PRIVATE KEY')
    expect(pemDecode(f.genPrivateKey!('ed25519') as string)?.bytes.length).toBe(48)
    expect(f.genPrivateKey!('nope')).toBe('Unknown type nope')
  })

  it('generates DSA L2048N256 keys', () => {
    const pem = f.genPrivateKey!('dsa') as string
    expect(pemDecode(pem)?.type).toBe('DSA PRIVATE KEY')
    expect(createPrivateKey(pem).asymmetricKeyDetails).toEqual({
      modulusLength: 2048,
      divisorLength: 256,
    })
  })
})
