// What `slipway template` and the render server say to each other over a Unix socket.
//
// The client sends one request, a line of JSON. The server answers with frames, each a type
// byte, a 32-bit big-endian length and that many bytes: the command's output as it is written,
// in order, then its exit code (or, for a request it leaves to the client, `declined`).

/** What a client asks of the render server. */
export type RenderServerRequest =
  | {
      op: 'run'
      /** The command line, without node and script. */
      argv: string[]
      cwd: string
      env: Record<string, string>
    }
  | { op: 'status' }
  | { op: 'stop' }

/** Frame types. */
export const frameType = {
  stdout: 1,
  stderr: 2,
  /** The command's exit code, in decimal; the last frame of a run. */
  exit: 3,
  /** The server does not run this command: the client runs it itself. */
  declined: 4,
  /** JSON {@link RenderServerStatus}. */
  status: 5,
} as const

/** What `slipway render-server status` reports. */
export interface RenderServerStatus {
  pid: number
  socket: string
  /** Seconds since the server started. */
  uptime: number
  /** Commands run for clients. */
  served: number
  /** Charts kept loaded and parsed. */
  charts: number
  /** Resident memory, bytes. */
  rss: number
}

/**
 * Beside the socket while a server starts: the client that made it starts the server, others
 * leave it alone (unless it is older than {@link startingTimeoutMs}); the server removes it
 * once it listens.
 */
/** A chart named by address (`oci://`, `https://`): remote, which the server leaves to the client. */
export const isChartAddress = (arg: string): boolean => /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(arg)

export const startingMark = (socket: string) => `${socket}.starting`

export const startingTimeoutMs = 10_000

/** A request is one line; anything longer than this is not a request. */
export const maxRequestBytes = 1024 * 1024

const headerBytes = 5

export function encodeFrame(type: number, payload: string | Uint8Array): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload
  const head = Buffer.allocUnsafe(headerBytes)
  head[0] = type
  head.writeUInt32BE(body.length, 1)
  return Buffer.concat([head, body])
}

/** Splits a byte stream into frames, whatever the chunks' boundaries. */
export class FrameReader {
  // chunks not yet made into frames: joined only once a frame is complete, so that a frame of
  // megabytes arriving in small chunks is copied once, not once per chunk
  #chunks: Buffer[] = []
  #bytes = 0

  /** The frames completed by `chunk`. */
  push(chunk: Buffer): { type: number; payload: Buffer }[] {
    this.#chunks.push(chunk)
    this.#bytes += chunk.length
    const frames: { type: number; payload: Buffer }[] = []
    while (this.#bytes >= headerBytes) {
      const head = this.#take(headerBytes, false)
      const length = head.readUInt32BE(1)
      if (this.#bytes < headerBytes + length) break
      this.#take(headerBytes, true)
      frames.push({ type: head[0] as number, payload: this.#take(length, true) })
    }
    return frames
  }

  /** The first `n` pending bytes, removed when `consume`. */
  #take(n: number, consume: boolean): Buffer {
    if (n === 0) return Buffer.alloc(0)
    let first = this.#chunks[0] as Buffer
    if (first.length < n) {
      first = Buffer.concat(this.#chunks)
      this.#chunks = [first]
    }
    const out = first.subarray(0, n)
    if (consume) {
      if (first.length === n) this.#chunks.shift()
      else this.#chunks[0] = first.subarray(n)
      this.#bytes -= n
    }
    return out
  }

  /** Bytes of an unfinished frame. */
  get pendingBytes(): number {
    return this.#bytes
  }
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string')

/** Reads a request line; throws naming what is wrong. */
export function parseRequest(line: string): RenderServerRequest {
  let v: unknown
  try {
    v = JSON.parse(line)
  } catch (err) {
    throw new Error(`request is not JSON: ${(err as Error).message}`)
  }
  if (typeof v !== 'object' || v === null) throw new Error('request is not an object')
  const r = v as Record<string, unknown>
  if (r.op === 'status' || r.op === 'stop') return { op: r.op }
  if (r.op !== 'run')
    throw new Error(`request op ${JSON.stringify(r.op)} is not run, status or stop`)
  if (!isStringArray(r.argv)) throw new Error('request argv is not a list of strings')
  if (typeof r.cwd !== 'string' || !r.cwd.startsWith('/'))
    throw new Error('request cwd is not an absolute path')
  const env = r.env
  if (
    typeof env !== 'object' ||
    env === null ||
    !Object.values(env).every((x) => typeof x === 'string')
  )
    throw new Error('request env is not a map of strings')
  return { op: 'run', argv: r.argv, cwd: r.cwd, env: env as Record<string, string> }
}
