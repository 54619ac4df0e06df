/**
 * Builds tar archives byte by byte, so tests can make the hostile entries that well-behaved
 * tar writers refuse to produce (`../` names, absolute paths, links, lying sizes).
 */
import { createGzip } from 'node:zlib'

/** One entry of a raw tar. */
export interface RawEntry {
  name: string
  /** '0' file (default), '1' hard link, '2' symlink, '3' char device, '5' directory, '6' FIFO. */
  type?: '0' | '1' | '2' | '3' | '5' | '6'
  data?: Uint8Array | string
  linkname?: string
  /** Declared size when it must differ from the data (defaults to the data's length). */
  size?: number
}

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0'
}

/** The 512-byte ustar header of `entry`. */
export function tarHeader(entry: RawEntry, size: number): Buffer {
  const h = Buffer.alloc(512)
  h.write(entry.name, 0, 100, 'utf8')
  h.write(octal(entry.type === '5' ? 0o755 : 0o644, 8), 100)
  h.write(octal(0, 8), 108)
  h.write(octal(0, 8), 116)
  h.write(octal(size, 12), 124)
  h.write(octal(1_700_000_000, 12), 136)
  h.write('        ', 148)
  h.write(entry.type ?? '0', 156)
  h.write(entry.linkname ?? '', 157, 100, 'utf8')
  h.write('ustar\0', 257)
  h.write('00', 263)
  let sum = 0
  for (const b of h) sum += b
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
  return h
}

const pad = (n: number) => Buffer.alloc((512 - (n % 512)) % 512)

/** An uncompressed tar of `entries`. */
export function rawTar(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = []
  for (const e of entries) {
    const data =
      typeof e.data === 'string' ? Buffer.from(e.data) : Buffer.from(e.data ?? new Uint8Array())
    parts.push(tarHeader(e, e.size ?? data.length), data, pad(data.length))
  }
  parts.push(Buffer.alloc(1024))
  return Buffer.concat(parts)
}

/** Gzips a stream of chunks produced lazily, so that huge decompressed sizes cost little memory. */
export async function gzipChunks(chunks: Iterable<Buffer>): Promise<Uint8Array> {
  const gz = createGzip({ level: 9 })
  const out: Buffer[] = []
  gz.on('data', (c: Buffer) => out.push(c))
  const done = new Promise<void>((resolve, reject) => {
    gz.on('end', () => resolve())
    gz.on('error', reject)
  })
  for (const chunk of chunks) {
    if (!gz.write(chunk)) await new Promise<void>((resolve) => gz.once('drain', () => resolve()))
  }
  gz.end()
  await done
  return new Uint8Array(Buffer.concat(out))
}

/** A gzipped tar of `entries`. */
export function rawTgz(entries: RawEntry[]): Promise<Uint8Array> {
  return gzipChunks([rawTar(entries)])
}

/** A minimal valid chart's entries under `dir/`. */
export function minimalChart(dir = 'evil'): RawEntry[] {
  return [
    { name: `${dir}/Chart.yaml`, data: `apiVersion: v2\nname: ${dir}\nversion: 0.1.0\n` },
    { name: `${dir}/values.yaml`, data: 'a: 1\n' },
  ]
}
