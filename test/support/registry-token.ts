import { generateKeyPairSync, randomUUID, sign } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import forge from 'node-forge'

/** A signing key and its self-signed certificate, for distribution's `auth.token.rootcertbundle`. */
export interface TokenIssuer {
  /** PEM certificate to trust in the registry config. */
  certPem: string
  /** Issues a JWT granting `access` to `subject`. */
  sign(claims: {
    subject: string
    audience: string
    access: TokenAccess[]
    ttlSeconds: number
  }): Promise<string>
}

/** One `access` claim entry of a registry token. */
export interface TokenAccess {
  type: string
  name: string
  actions: string[]
}

/** The `iss` of every token, as the registry config expects it. */
export const tokenIssuerName = 'slipway-test-token-issuer'

const b64url = (b: Uint8Array | string) => Buffer.from(b).toString('base64url')

/** Makes an RSA key and a self-signed certificate for it; tokens carry the certificate in `x5c`. */
export async function createTokenIssuer(): Promise<TokenIssuer> {
  // node:crypto makes the key quickly; node-forge only builds the certificate around it
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  )
  cert.serialNumber = '01'
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000)
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000)
  const subject = [{ name: 'commonName', value: 'Slipway test token issuer' }]
  cert.setSubject(subject)
  cert.setIssuer(subject)
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
  ])
  const forgeKey = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  )
  cert.sign(forgeKey, forge.md.sha256.create())
  const certDer = Buffer.from(
    forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(),
    'binary',
  ).toString('base64')
  return {
    certPem: forge.pki.certificateToPem(cert),
    async sign({ subject: sub, audience, access, ttlSeconds }) {
      const iat = Math.floor(Date.now() / 1000)
      const header = { typ: 'JWT', alg: 'RS256', x5c: [certDer] }
      const claims = {
        iss: tokenIssuerName,
        sub,
        aud: audience,
        exp: iat + ttlSeconds,
        nbf: iat - 60,
        iat,
        jti: randomUUID(),
        access,
      }
      const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`
      return `${input}.${b64url(sign('sha256', Buffer.from(input), privateKey))}`
    },
  }
}

/** Parses `repository:name:pull,push` scopes (several `scope` parameters, or space-separated). */
export function parseScopes(params: URLSearchParams): TokenAccess[] {
  const out: TokenAccess[] = []
  for (const raw of params.getAll('scope')) {
    for (const scope of raw.split(' ').filter(Boolean)) {
      const first = scope.indexOf(':')
      const last = scope.lastIndexOf(':')
      if (first < 0 || last <= first) continue
      out.push({
        type: scope.slice(0, first),
        name: scope.slice(first + 1, last),
        actions: scope
          .slice(last + 1)
          .split(',')
          .filter(Boolean),
      })
    }
  }
  return out
}

/** The user name and password of a Basic `Authorization` header. */
export function basicCredentials(
  req: IncomingMessage,
): { username: string; password: string } | undefined {
  const header = req.headers.authorization
  if (!header?.startsWith('Basic ')) return undefined
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  return colon < 0
    ? undefined
    : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}
