import type { RequestHandler } from 'express'
import { isIP } from 'node:net'

/** The host name of a Host header (`example.com:3000` → `example.com`, `[::1]:3000` → `::1`). */
export function hostName(header: string): string {
  const value = header.trim().toLowerCase()
  if (value.startsWith('[')) return value.slice(1, value.indexOf(']'))
  const colon = value.lastIndexOf(':')
  return colon >= 0 && value.indexOf(':') === colon ? value.slice(0, colon) : value
}

/**
 * Answers 403 to requests whose Host is a name other than `localhost` or an allowed host.
 * The dashboard has no login, so a web page that rebinds its own DNS name to 127.0.0.1 must not
 * reach it; such requests always carry that name. IP addresses (port-forward, kubelet probes)
 * and `localhost` pass.
 */
export function hostCheck(allowedHosts: readonly string[]): RequestHandler {
  const allowed = new Set(['localhost', ...allowedHosts.map((h) => h.toLowerCase())])
  return (req, res, next) => {
    const name = hostName(req.headers.host ?? '')
    if (name === '' || isIP(name) !== 0 || allowed.has(name) || name.endsWith('.localhost')) {
      next()
      return
    }
    res.status(403).json({
      code: 'FORBIDDEN',
      message: `Host "${name}" is not allowed. To serve Slipway under that name, start it with SLIPWAY_ALLOWED_HOSTS=${name}.`,
    })
  }
}
