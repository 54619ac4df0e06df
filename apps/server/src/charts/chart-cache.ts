import type { ChartQuery } from '@slipway/api'
import type { LoadedChart } from './chart-view.ts'
import type { ChartLoader } from './loader.ts'
import { HttpError } from '../errors.ts'

/** How many loaded charts the server keeps in memory for Save and preview. */
export const MAX_CACHED_CHARTS = 16

/**
 * Charts loaded recently, by digest, so Save deploys exactly the chart the form was drawn from
 * without pulling it again.
 */
export class ChartCache {
  readonly #byDigest = new Map<string, LoadedChart>()
  readonly #loader: ChartLoader

  constructor(loader: ChartLoader) {
    this.#loader = loader
  }

  /** Remembers a loaded chart (the oldest is forgotten past {@link MAX_CACHED_CHARTS}). */
  remember(loaded: LoadedChart): void {
    if (!loaded.digest) return
    this.#byDigest.delete(loaded.digest)
    this.#byDigest.set(loaded.digest, loaded)
    while (this.#byDigest.size > MAX_CACHED_CHARTS) {
      const oldest = this.#byDigest.keys().next().value
      if (oldest === undefined) break
      this.#byDigest.delete(oldest)
    }
  }

  /** The chart for a request: from memory by digest, else loaded again (and checked against the digest). */
  async get(query: ChartQuery & { digest?: string }, signal: AbortSignal): Promise<LoadedChart> {
    const cached = query.digest ? this.#byDigest.get(query.digest) : undefined
    if (cached) return cached
    const loaded = await this.#loader.load(query, signal)
    if (query.digest && loaded.digest && loaded.digest !== query.digest) {
      throw new HttpError(
        'CONFLICT',
        409,
        `${query.path} ${query.version ?? ''} changed in the registry since the form was loaded (digest ${loaded.digest}, expected ${query.digest}): load it again`,
        { field: 'version' },
      )
    }
    this.remember(loaded)
    return loaded
  }
}
