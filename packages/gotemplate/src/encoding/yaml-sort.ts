/**
 * go-yaml's map key order ("natural" order, keyList.Less in sorter.go): letters compare by
 * code point, a non-letter sorts before a letter, and digit runs compare as numbers, so
 * `item9` < `item10` and `-y` < `_x` < `1` < `B` < `a`.
 */

const LETTER = /^\p{L}$/u
const DIGIT = /^\p{Nd}$/u

const isLetter = (c: string): boolean => LETTER.test(c)
const isDigit = (c: string): boolean => DIGIT.test(c)

/**
 * Whether string key `a` sorts before `b` in go-yaml's order. go-yaml v3 (`v3`) differs in
 * one case: right after equal digits, a letter sorts before a non-letter.
 */
export function naturalLess(a: string, b: string, v3 = false): boolean {
  const ar = Array.from(a)
  const br = Array.from(b)
  let digits = false
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i]!
    const y = br[i]!
    if (x === y) {
      digits = isDigit(x)
      continue
    }
    const al = isLetter(x)
    const bl = isLetter(y)
    if (al && bl) return x.codePointAt(0)! < y.codePointAt(0)!
    if (al || bl) return v3 && digits ? al : bl
    let an = 0n
    let bn = 0n
    if (x === '0' || y === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1n
          bn = 1n
          break
        }
      }
    }
    let ai = i
    let bi = i
    // Go accumulates in an int64 and wraps on overflow.
    for (; ai < ar.length && isDigit(ar[ai]!); ai++)
      an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai]!.codePointAt(0)! - 48))
    for (; bi < br.length && isDigit(br[bi]!); bi++)
      bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi]!.codePointAt(0)! - 48))
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return x.codePointAt(0)! < y.codePointAt(0)!
  }
  return ar.length < br.length
}

/** Sorts keys into go-yaml's natural order (v2's, or v3's with `v3`). */
export function naturalSort(keys: string[], v3 = false): string[] {
  return keys.sort((a, b) => (naturalLess(a, b, v3) ? -1 : naturalLess(b, a, v3) ? 1 : 0))
}
