/** Bounds of Helm's --set parser (pkg/strvals), kept at Helm's values. */

/** Largest list index `a[i]=x` may name (Helm's MaxIndex, 64 Ki). */
export const MAX_INDEX = 65536

/** Deepest `a.b.c…` nesting a key may have (Helm's MaxNestedNameLevel). */
export const MAX_NESTED_NAME_LEVEL = 30

/**
 * Deepest `a[0][0]…` list nesting an expression may have. Helm sets no bound here; this one
 * keeps the parser's recursion within the JavaScript stack.
 */
export const MAX_NESTED_LIST_LEVEL = 1000
