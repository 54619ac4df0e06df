/**
 * libyaml's scalar analysis as go-yaml carries it: which styles (plain, quoted, block) can
 * carry a text, and the character classes the writers share.
 */

/** Which scalar styles can carry a text (libyaml's scalar_data flags). */
export interface ScalarAnalysis {
  multiline: boolean
  flowPlainAllowed: boolean
  blockPlainAllowed: boolean
  singleQuotedAllowed: boolean
  blockAllowed: boolean
}

/** libyaml's is_break: the line breaks YAML 1.1 knows. */
export const isBreak = (c: string | undefined): boolean =>
  c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029'
/** libyaml's is_space. */
export const isSpace = (c: string | undefined): boolean => c === ' '
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t'
const isBlankz = (c: string | undefined): boolean =>
  isBlank(c) || isBreak(c) || c === undefined || c === '\0'

/** libyaml's is_printable (go-yaml v2 treats characters beyond U+FFFF as unprintable). */
export function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  )
}

/** Text every style can carry unchanged: starts with a letter or digit, no indicators or blanks. */
const SIMPLE_TEXT = /^[A-Za-z0-9][A-Za-z0-9_.\/=+-]*$/

/** yaml_emitter_analyze_scalar: which styles can carry this text. */
export function analyzeScalar(value: string, tabsInBlocks = false): ScalarAnalysis {
  if (SIMPLE_TEXT.test(value)) {
    return {
      multiline: false,
      flowPlainAllowed: true,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: true,
    }
  }
  if (value.length === 0) {
    return {
      multiline: false,
      flowPlainAllowed: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    }
  }
  const chars = Array.from(value)
  let blockIndicators = false
  let flowIndicators = false
  let lineBreaks = false
  let specialCharacters = false
  let tabCharacters = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  let previousSpace = false
  let previousBreak = false
  if (value.startsWith('---') || value.startsWith('...')) {
    blockIndicators = true
    flowIndicators = true
  }
  let precededByWhitespace = true
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1])
    if (i === 0) {
      switch (c) {
        case '#':
        case ',':
        case '[':
        case ']':
        case '{':
        case '}':
        case '&':
        case '*':
        case '!':
        case '|':
        case '>':
        case "'":
        case '"':
        case '%':
        case '@':
        case '`':
          flowIndicators = true
          blockIndicators = true
          break
        case '?':
        case ':':
          flowIndicators = true
          if (followedByWhitespace) blockIndicators = true
          break
        case '-':
          if (followedByWhitespace) {
            flowIndicators = true
            blockIndicators = true
          }
          break
      }
    } else {
      switch (c) {
        case ',':
        case '?':
        case '[':
        case ']':
        case '{':
        case '}':
          flowIndicators = true
          break
        case ':':
          flowIndicators = true
          if (followedByWhitespace) blockIndicators = true
          break
        case '#':
          if (precededByWhitespace) {
            flowIndicators = true
            blockIndicators = true
          }
          break
      }
    }
    if (tabsInBlocks && c === '\t') tabCharacters = true
    else if (!isPrintable(c)) specialCharacters = true
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true
      if (i === chars.length - 1) trailingSpace = true
      if (previousBreak) breakSpace = true
      previousSpace = true
      previousBreak = false
    } else if (isBreak(c)) {
      lineBreaks = true
      if (i === 0) leadingBreak = true
      if (i === chars.length - 1) trailingBreak = true
      if (previousSpace) spaceBreak = true
      previousSpace = false
      previousBreak = true
    } else {
      previousSpace = false
      previousBreak = false
    }
    precededByWhitespace = isBlankz(c)
  }
  const a: ScalarAnalysis = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  }
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlainAllowed = false
    a.blockPlainAllowed = false
  }
  if (trailingSpace) a.blockAllowed = false
  if (breakSpace) {
    a.flowPlainAllowed = false
    a.blockPlainAllowed = false
    a.singleQuotedAllowed = false
  }
  if (tabCharacters) {
    a.flowPlainAllowed = false
    a.blockPlainAllowed = false
    a.singleQuotedAllowed = false
  }
  if (spaceBreak || specialCharacters) {
    a.flowPlainAllowed = false
    a.blockPlainAllowed = false
    a.singleQuotedAllowed = false
    a.blockAllowed = false
  }
  if (lineBreaks) {
    a.flowPlainAllowed = false
    a.blockPlainAllowed = false
  }
  if (flowIndicators) a.flowPlainAllowed = false
  if (blockIndicators) a.blockPlainAllowed = false
  return a
}
