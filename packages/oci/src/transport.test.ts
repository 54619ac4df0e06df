import { createServer, type Server } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { nextLink } from './client.ts'
import { OciError } from './errors.ts'
import { Transport, type TransportOptions } from './transport.ts'

let server: Server | undefined
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())))

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler)
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()))
  const address = server.address()
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
}

const options: TransportOptions = {
  timeoutMs: 5000,
  retries: 2,
  maxRetryAfterMs: 50,
  maxRedirects: 2,
  userAgent: 'slipway-test',
}
const req = (url: string, maxBytes = 1000) =>
  ({ method: 'GET', url, maxBytes, reference: 'r/x:1', what: 'manifest' }) as const

describe('Transport', () => {
  it('retries 429 honouring Retry-After within its cap', async () => {
    let calls = 0
    const url = await serve((_req, res) => {
      calls++
      if (calls === 1) res.writeHead(429, { 'Retry-After': '3600' }).end()
      else res.writeHead(200).end('ok')
    })
    const res = await new Transport(options).send(req(url))
    expect(res.status).toBe(200)
    expect(Buffer.from(res.body).toString()).toBe('ok')
    expect(calls).toBe(2)
  })

  it('returns the last 5xx after the bounded retries', async () => {
    let calls = 0
    const url = await serve((_req, res) => {
      calls++
      res.writeHead(503).end()
    })
    expect((await new Transport(options).send(req(url))).status).toBe(503)
    expect(calls).toBe(3)
  })

  it('stops reading a body over the limit', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200)
      res.end(Buffer.alloc(5000))
    })
    const err = await new Transport(options).send(req(url)).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(OciError)
    expect((err as OciError).code).toBe('TOO_LARGE')
    expect((err as OciError).message).toContain('1000-byte limit')
  })

  it('bounds redirects', async () => {
    const url = await serve((r, res) => res.writeHead(302, { Location: `${r.url}x` }).end())
    const err = await new Transport(options)
      .send({ ...req(url), followRedirects: true })
      .catch((e: unknown) => e)
    expect((err as OciError).message).toContain('too many redirects')
  })
})

describe('nextLink', () => {
  it('finds rel="next"', () => {
    expect(nextLink('</v2/a/tags/list?n=2&last=b>; rel="next"')).toBe('/v2/a/tags/list?n=2&last=b')
    expect(nextLink('<https://x/prev>; rel="prev", <https://x/next>; rel=next')).toBe(
      'https://x/next',
    )
    expect(nextLink(null)).toBeUndefined()
  })
})
