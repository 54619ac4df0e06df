import { HttpError } from './errors.ts'

/** Runs `work` with an abort signal that fires after `ms`; a late result becomes a 504. */
export async function withTimeout<T>(
  ms: number,
  what: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(
        new HttpError(
          'TIMEOUT',
          504,
          `${what} took longer than ${Math.round(ms / 1000)} s; the registry may be slow or unreachable`,
        ),
      )
    }, ms)
  })
  try {
    return await Promise.race([work(controller.signal), timeout])
  } finally {
    clearTimeout(timer)
  }
}
