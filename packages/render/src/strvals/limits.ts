/** Bounds of Helm's --set parser (pkg/strvals), kept at Helm's values. */

/** Largest list index `a[i]=x` may name (Helm's MaxIndex, 64 Ki). */
export const MAX_INDEX = 65536

/** Deepest `a.b.c…` nesting a key may have (Helm's MaxNestedNameLevel). */
export const MAX_NESTED_NAME_LEVEL = 30
