import type { Chart, ChartFile } from '../types.ts'

interface Entry {
  files: readonly ChartFile[]
  chart: Chart
  bytes: number
}

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && Buffer.compare(a, b) === 0

function sameFiles(a: readonly ChartFile[], b: readonly ChartFile[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as ChartFile
    const y = b[i] as ChartFile
    if (x.name !== y.name || !sameBytes(x.data, y.data)) return false
  }
  return true
}

/**
 * Charts a long-lived process loaded before, by where they came from. Loading again from the
 * same place files that are byte for byte the ones of last time gives back the same `Chart`
 * object, so that what renderers keep per chart (parsed templates) is used again: a chart
 * never changes after load. The files are still read every time, so an edit is never missed.
 * The least recently used places are forgotten first, beyond `maxEntries` charts or `maxBytes`
 * of their files (what a renderer keeps per chart grows with them).
 */
export class LoadedChartCache {
  readonly #entries = new Map<string, Entry>()
  #bytes = 0

  constructor(
    readonly maxEntries = 8,
    readonly maxBytes = 16 * 1024 * 1024,
  ) {}

  /** How many charts it holds. */
  get size(): number {
    return this.#entries.size
  }

  /** The chart loaded last from `place`, if it was loaded from exactly these files. */
  get(place: string, files: readonly ChartFile[]): Chart | undefined {
    const entry = this.#entries.get(place)
    if (!entry || !sameFiles(entry.files, files)) return undefined
    this.#entries.delete(place)
    this.#entries.set(place, entry)
    return entry.chart
  }

  /** Keeps `chart`, loaded from `files` found at `place`. */
  set(place: string, files: readonly ChartFile[], chart: Chart): void {
    this.#forget(place)
    const bytes = files.reduce((n, f) => n + f.data.length, 0)
    if (bytes > this.maxBytes) return
    this.#entries.set(place, { files, chart, bytes })
    this.#bytes += bytes
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break
      this.#forget(key)
    }
  }

  #forget(place: string): void {
    const entry = this.#entries.get(place)
    if (!entry) return
    this.#entries.delete(place)
    this.#bytes -= entry.bytes
  }
}
