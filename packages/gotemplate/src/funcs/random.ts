/**
 * Sprig's random functions, from a cryptographic source as in Go (goutils.CryptoRandom*,
 * crypto/rand). Their output differs on every call, in Helm too.
 */
import type { FuncMap } from '../func.ts'
import { fn } from './args.ts'
import { base64Encode } from './base-n.ts'
import { FuncError } from './errors.ts'
import { checkStringLength, funcLimits } from './limits.ts'

interface WebCrypto {
  getRandomValues<T extends Uint8Array | Uint32Array>(a: T): T
  randomUUID?(): string
}

/** Cryptographically random bytes from the platform (Web Crypto in browsers and Node 20). */
export function randomBytes(n: number): Uint8Array {
  const c = (globalThis as unknown as { crypto?: WebCrypto }).crypto
  if (c === undefined) throw new FuncError('no cryptographic random source available')
  const out = new Uint8Array(n)
  for (let i = 0; i < n; i += 65536) c.getRandomValues(out.subarray(i, Math.min(n, i + 65536)))
  return out
}

/** A uniform random integer in [0, n). */
export function randomBelow(n: number): number {
  if (n <= 0) throw new FuncError('invalid argument to Intn')
  const limit = Math.floor(0x100000000 / n) * n
  for (;;) {
    const b = randomBytes(4)
    const v = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0
    if (v < limit) return v % n
  }
}

function randomFrom(chars: string, count: bigint): string {
  const n = Number(count)
  if (n < 0) return '' // goutils reports an error, which Sprig drops
  if (n > funcLimits.maxStringLength)
    throw new FuncError(`random string of ${n} characters exceeds the limit`, 'FUNC_LIMIT')
  let s = ''
  for (let i = 0; i < n; i++) s += chars[randomBelow(chars.length)]
  return s
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
const DIGITS = '0123456789'
let ASCII = ''
for (let c = 32; c < 127; c++) ASCII += String.fromCharCode(c)

function uuidv4(): string {
  const b = randomBytes(16)
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

function shuffle(s: string): string {
  const r = Array.from(s)
  for (let i = r.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1)
    ;[r[i], r[j]] = [r[j]!, r[i]!]
  }
  return r.join('')
}

/** Random functions. */
export const randomFuncs: FuncMap = {
  randAlphaNum: fn(['int'], (n: bigint) => randomFrom(LETTERS + DIGITS, n)),
  randAlpha: fn(['int'], (n: bigint) => randomFrom(LETTERS, n)),
  randNumeric: fn(['int'], (n: bigint) => randomFrom(DIGITS, n)),
  randAscii: fn(['int'], (n: bigint) => randomFrom(ASCII, n)),
  randInt: fn(
    ['int', 'int'],
    (min: bigint, max: bigint) => BigInt(randomBelow(Number(max - min))) + min,
  ),
  randBytes: fn(['int'], (n: bigint) => {
    checkStringLength(Number(n), 'randBytes')
    return base64Encode(randomBytes(Number(n)))
  }),
  uuidv4: fn([], uuidv4),
  shuffle: fn(['string'], shuffle),
}
