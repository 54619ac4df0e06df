/**
 * DSA key generation for `genPrivateKey "dsa"` (Go: dsa.GenerateParameters with L2048N256,
 * then dsa.GenerateKey), written as Go's "DSA PRIVATE KEY" ASN.1 sequence.
 */
import { randomBytes } from './random.ts'

function randomBits(bits: number): bigint {
  const bytes = randomBytes(Math.ceil(bits / 8))
  let n = 0n
  for (const b of bytes) n = (n << 8n) | BigInt(b)
  return n & ((1n << BigInt(bits)) - 1n)
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n
  base %= mod
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod
    base = (base * base) % mod
    exp >>= 1n
  }
  return result
}

// the first 300 odd primes, found on first use rather than on every start
let smallPrimeList: bigint[] | undefined
function smallPrimes(): bigint[] {
  if (smallPrimeList) return smallPrimeList
  const found: bigint[] = []
  for (let n = 3; found.length < 300; n += 2) {
    if (found.every((p) => BigInt(n) % p !== 0n)) found.push(BigInt(n))
  }
  return (smallPrimeList = found)
}

/** Trial division by small primes, then Miller-Rabin with random bases. */
export function isProbablePrime(n: bigint, rounds = 20): boolean {
  if (n < 2n) return false
  for (const p of smallPrimes()) {
    if (n === p) return true
    if (n % p === 0n) return false
  }
  let d = n - 1n
  let s = 0
  while ((d & 1n) === 0n) {
    d >>= 1n
    s++
  }
  const bits = n.toString(2).length
  for (let i = 0; i < rounds; i++) {
    const a = 2n + (randomBits(bits) % (n - 3n))
    let x = modPow(a, d, n)
    if (x === 1n || x === n - 1n) continue
    let composite = true
    for (let r = 1; r < s; r++) {
      x = (x * x) % n
      if (x === n - 1n) {
        composite = false
        break
      }
    }
    if (composite) return false
  }
  return true
}

/** A fresh DSA key: p (2048 bits), q (256 bits), g, y, x. */
export function generateDsaKey(): { p: bigint; q: bigint; g: bigint; y: bigint; x: bigint } {
  const L = 2048
  const N = 256
  for (;;) {
    const q = randomBits(N) | (1n << BigInt(N - 1)) | 1n
    if (!isProbablePrime(q)) continue
    const twoQ = 2n * q
    for (let i = 0; i < 4 * L; i++) {
      const X = randomBits(L) | (1n << BigInt(L - 1))
      const p = X - (X % twoQ) + 1n
      if (p < 1n << BigInt(L - 1)) continue
      if (!isProbablePrime(p, 8)) continue
      const e = (p - 1n) / q
      let g = 1n
      for (let h = 2n; g === 1n; h++) g = modPow(h, e, p)
      let x = 0n
      while (x === 0n || x >= q) x = randomBits(N)
      return { p, q, g, y: modPow(g, x, p), x }
    }
  }
}
