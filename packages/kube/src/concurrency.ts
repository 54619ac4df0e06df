/** Bounded parallel work. */

/**
 * Runs `fn` over `items` with at most `limit` calls in flight; results keep the items' order.
 * The first rejection is rethrown once the calls in flight have settled.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  let failure: { error: unknown } | undefined
  const worker = async (): Promise<void> => {
    while (next < items.length && !failure) {
      const i = next++
      try {
        results[i] = await fn(items[i] as T, i)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failure) throw failure.error
  return results
}

/** Splits a list into runs of consecutive items with the same key (objects of one kind). */
export function runsBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const out: T[][] = []
  for (const item of items) {
    const last = out[out.length - 1]
    if (last && key(last[0] as T) === key(item)) last.push(item)
    else out.push([item])
  }
  return out
}
