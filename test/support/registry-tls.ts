/**
 * An HTTPS front for a test registry, with a self-signed certificate made for 127.0.0.1, to
 * test TLS options (`caFile`, `insecureSkipTlsVerify`) against the real registry behind it.
 */
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { createServer } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import forge from 'node-forge'
import { freePort } from './ports.ts'

/** A running HTTPS front. */
export interface TlsFront {
  /** `127.0.0.1:PORT`. */
  host: string
  /** PEM file of the self-signed certificate, to pass as a CA file. */
  caFile: string
  stop(): Promise<void>
}

/** A self-signed certificate and key for 127.0.0.1 and localhost, in PEM. */
export function selfSignedLoopbackCert(): { cert: string; key: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  )
  cert.serialNumber = '02'
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000)
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000)
  const name = [{ name: 'commonName', value: '127.0.0.1' }]
  cert.setSubject(name)
  cert.setIssuer(name)
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 2, value: 'localhost' },
      ],
    },
  ])
  const key = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
  cert.sign(forge.pki.privateKeyFromPem(key), forge.md.sha256.create())
  return { cert: forge.pki.certificateToPem(cert), key }
}

/** Starts an HTTPS server on a free loopback port that forwards everything to `targetUrl`. */
export async function startTlsFront(targetUrl: string): Promise<TlsFront> {
  const target = new URL(targetUrl)
  const { cert, key } = selfSignedLoopbackCert()
  const caFile = join(mkdtempSync(join(tmpdir(), 'slipway-tls-')), 'ca.pem')
  writeFileSync(caFile, cert)
  const port = await freePort()
  const server = createServer({ cert, key }, (req, res) => {
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.rawHeaders)
        up.pipe(res)
      },
    )
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()))
  return {
    host: `127.0.0.1:${port}`,
    caFile,
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}
