/**
 * Bounds on the encoders and decoders, so hostile values files and template data stay cheap.
 */

/**
 * go-yaml v2's alias guard: past 100 alias expansions and 1000 decoded nodes, the share of
 * nodes reached through aliases may not exceed this ratio (0.99 falling to 0.10 between
 * 400 000 and 4 000 000 nodes). Billion-laughs documents fail with "excessive aliasing".
 */
export const ALIAS_RATIO_RANGE_LOW = 400_000
/** Upper end of go-yaml v2's alias ratio range (see {@link ALIAS_RATIO_RANGE_LOW}). */
export const ALIAS_RATIO_RANGE_HIGH = 4_000_000

/** Hard cap on nodes produced while decoding one YAML document (aliases included). */
export const MAX_DECODED_NODES = 10_000_000

/**
 * Deepest nesting (maps and lists) the encoders follow; past it a value is taken for a cycle
 * (a map that `set` put inside itself). Real values are far shallower; the bound keeps the
 * recursion well within the JavaScript stack.
 */
export const MAX_ENCODE_DEPTH = 500

/**
 * Deepest nesting of collections a YAML text may have (checked on the token tree before the
 * document is built, so deep input can neither exhaust the stack nor slow the parser).
 * Helm's go-yaml v3 stops at 10 000; values files seldom pass 20.
 */
export const MAX_YAML_DEPTH = 500
