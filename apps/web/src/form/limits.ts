/** Deepest schema nesting the form mapping follows (guards against cyclic `$ref`s). */
export const MAX_SCHEMA_DEPTH = 32

/** Strings with a default longer than this, or containing a newline, get a text area. */
export const LONG_TEXT_LENGTH = 120
