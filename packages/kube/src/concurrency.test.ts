import { describe, expect, it } from 'vitest'
import { mapLimit, runsBy } from './concurrency.ts'

describe('bounded parallel work', () => {
  it('keeps order, bounds the calls in flight and rethrows the first failure', async () => {
    let inFlight = 0
    let most = 0
    const out = await mapLimit([5, 1, 3, 2, 4], 2, async (n) => {
      inFlight++
      most = Math.max(most, inFlight)
      await new Promise((r) => setTimeout(r, n))
      inFlight--
      return n * 10
    })
    expect(out).toEqual([50, 10, 30, 20, 40])
    expect(most).toBe(2)
    await expect(
      mapLimit([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('two')
        return n
      }),
    ).rejects.toThrow('two')
  })

  it('splits a list into runs of one key', () => {
    expect(runsBy(['a', 'a', 'b', 'a'], (x) => x)).toEqual([['a', 'a'], ['b'], ['a']])
  })
})
