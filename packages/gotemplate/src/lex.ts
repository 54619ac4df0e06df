/**
 * The lexer of Go's text/template (go1.23 `text/template/parse/lex.go`), producing every token
 * of a template in one pass. Positions are UTF-16 offsets into the source text; error messages
 * turn them into Go's byte columns late (see errors.ts).
 */

/** Token kinds, in Go's order (keywords last, so `kind > Tok.Keyword` tests for a keyword). */
export enum Tok {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  Keyword,
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

/** One lexed token: kind, source text, UTF-16 offset and 1-based line. */
export interface Token {
  kind: Tok
  val: string
  pos: number
  line: number
}

/** Lexer switches decided by the parser (Go: `break`/`continue` are functions if defined as such). */
export interface LexOptions {
  breakOK: boolean
  continueOK: boolean
}

const KEYWORDS: Record<string, Tok> = {
  '.': Tok.Dot,
  block: Tok.Block,
  break: Tok.Break,
  continue: Tok.Continue,
  define: Tok.Define,
  else: Tok.Else,
  end: Tok.End,
  if: Tok.If,
  range: Tok.Range,
  nil: Tok.Nil,
  template: Tok.Template,
  with: Tok.With,
}

const LEFT = '{{'
const RIGHT = '}}'
const C_RBRACE = 125
const C_DASH = 45

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10
}

const nonAsciiAlnum = /[\p{L}\p{Nd}]/u
const ASCII_ALNUM_RUN = /[A-Za-z0-9_]*/y

function isAlnumCode(c: number, text: string, i: number): boolean {
  if (c < 128) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95
  }
  if (Number.isNaN(c)) return false
  const ch = String.fromCodePoint(text.codePointAt(i)!)
  return nonAsciiAlnum.test(ch)
}

/** Go's `%#U` of a rune: `U+0023 '#'`. */
function runeDescription(text: string, i: number): string {
  const cp = text.codePointAt(i)
  if (cp === undefined) return 'U+FFFFFFFF'
  const hex = cp.toString(16).toUpperCase().padStart(4, '0')
  return `U+${hex} '${String.fromCodePoint(cp)}'`
}

/** Lexes a whole template. The last token is EOF or an Error token (whose `val` is the message). */
export function lex(text: string, options: LexOptions): Token[] {
  return new Lexer(text, options).run()
}

class Lexer {
  private readonly tokens: Token[] = []
  private pos = 0
  private start = 0
  private line = 1
  private startLine = 1
  private parenDepth = 0

  constructor(
    private readonly text: string,
    private readonly options: LexOptions,
  ) {}

  run(): Token[] {
    const text = this.text
    while (true) {
      // Text up to the next action.
      const x = text.indexOf(LEFT, this.pos)
      if (x < 0) {
        this.pos = text.length
        if (this.pos > this.start) this.emit(Tok.Text)
        this.emit(Tok.EOF)
        return this.tokens
      }
      if (x > this.pos) {
        this.pos = x
        const trim = this.hasLeftTrimMarker(x + 2) ? this.rightTrimLength(this.start, x) : 0
        this.pos = x - trim
        if (this.pos > this.start) this.emit(Tok.Text)
        this.pos = x
        this.ignore()
      }
      if (!this.lexLeftDelim()) return this.tokens
    }
  }

  private emit(kind: Tok): void {
    this.tokens.push({
      kind,
      val: this.text.slice(this.start, this.pos),
      pos: this.start,
      line: this.startLine,
    })
    this.advanceLines()
  }

  /** Counts the newlines of the consumed span and starts the next token. */
  private advanceLines(): void {
    const text = this.text
    // indexOf rather than a loop over characters: text tokens are most of a template's bytes
    for (
      let i = text.indexOf('\n', this.start);
      i >= 0 && i < this.pos;
      i = text.indexOf('\n', i + 1)
    )
      this.line++
    this.start = this.pos
    this.startLine = this.line
  }

  private ignore(): void {
    this.advanceLines()
  }

  private error(message: string): false {
    this.tokens.push({ kind: Tok.Error, val: message, pos: this.start, line: this.startLine })
    return false
  }

  private hasLeftTrimMarker(i: number): boolean {
    return this.text.charCodeAt(i) === C_DASH && isSpaceCode(this.text.charCodeAt(i + 1))
  }

  private hasRightTrimMarker(i: number): boolean {
    return isSpaceCode(this.text.charCodeAt(i)) && this.text.charCodeAt(i + 1) === C_DASH
  }

  private rightTrimLength(from: number, to: number): number {
    let i = to
    while (i > from && isSpaceCode(this.text.charCodeAt(i - 1))) i--
    return to - i
  }

  private leftTrimLength(from: number): number {
    let i = from
    while (i < this.text.length && isSpaceCode(this.text.charCodeAt(i))) i++
    return i - from
  }

  private startsWithRight(i: number): boolean {
    return this.text.charCodeAt(i) === C_RBRACE && this.text.charCodeAt(i + 1) === C_RBRACE
  }

  /** At a right delimiter: 0 no, 1 plain `}}`, 2 with a trim marker ` -}}`. */
  private atRightDelim(): 0 | 1 | 2 {
    if (this.hasRightTrimMarker(this.pos) && this.startsWithRight(this.pos + 2)) return 2
    if (this.startsWithRight(this.pos)) return 1
    return 0
  }

  /** Lexes from a left delimiter through its action; false once an error or EOF was emitted. */
  private lexLeftDelim(): boolean {
    this.pos += LEFT.length
    const trim = this.hasLeftTrimMarker(this.pos)
    const after = trim ? 2 : 0
    if (this.text.startsWith('/*', this.pos + after)) {
      this.pos += after
      this.ignore()
      return this.lexComment()
    }
    this.emit(Tok.LeftDelim)
    this.pos += after
    this.ignore()
    this.parenDepth = 0
    return this.lexInsideAction()
  }

  private lexComment(): boolean {
    this.pos += 2
    const x = this.text.indexOf('*/', this.pos)
    if (x < 0) return this.error('unclosed comment')
    this.pos = x + 2
    const delim = this.atRightDelim()
    if (delim === 0) return this.error('comment ends before closing delimiter')
    const trim = delim === 2
    if (trim) this.pos += 2
    this.pos += RIGHT.length
    if (trim) this.pos += this.leftTrimLength(this.pos)
    this.ignore()
    return true
  }

  private lexRightDelim(trim: boolean): void {
    if (trim) {
      this.pos += 2
      this.ignore()
    }
    this.pos += RIGHT.length
    this.emit(Tok.RightDelim)
    if (trim) {
      this.pos += this.leftTrimLength(this.pos)
      this.ignore()
    }
  }

  private lexInsideAction(): boolean {
    const text = this.text
    while (true) {
      const delim = this.atRightDelim()
      if (delim !== 0) {
        if (this.parenDepth === 0) {
          this.lexRightDelim(delim === 2)
          return true
        }
        return this.error('unclosed left paren')
      }
      if (this.pos >= text.length) return this.error('unclosed action')
      const c = text.charCodeAt(this.pos)
      if (isSpaceCode(c)) {
        let n = 0
        while (isSpaceCode(text.charCodeAt(this.pos))) {
          this.pos++
          n++
        }
        // A space followed by "-}}" belongs to the closing delimiter.
        if (this.hasRightTrimMarker(this.pos - 1) && this.startsWithRight(this.pos + 1)) {
          this.pos--
          if (n === 1) continue
        }
        this.emit(Tok.Space)
        continue
      }
      this.pos++
      switch (c) {
        case 61: // =
          this.emit(Tok.Assign)
          continue
        case 58: // :
          if (text.charCodeAt(this.pos) !== 61) {
            if (this.pos < text.length) this.pos++
            return this.error('expected :=')
          }
          this.pos++
          this.emit(Tok.Declare)
          continue
        case 124: // |
          this.emit(Tok.Pipe)
          continue
        case 34: // "
          if (!this.lexQuote(34, 'unterminated quoted string')) return false
          this.emit(Tok.String)
          continue
        case 96: {
          // `
          const end = text.indexOf('`', this.pos)
          if (end < 0) return this.error('unterminated raw quoted string')
          this.pos = end + 1
          this.emit(Tok.RawString)
          continue
        }
        case 36: // $
          if (!this.lexFieldOrVariable(Tok.Variable)) return false
          continue
        case 39: // '
          if (!this.lexQuote(39, 'unterminated character constant')) return false
          this.emit(Tok.CharConstant)
          continue
        case 40: // (
          this.parenDepth++
          this.emit(Tok.LeftParen)
          continue
        case 41: // )
          this.parenDepth--
          if (this.parenDepth < 0) return this.error('unexpected right paren')
          this.emit(Tok.RightParen)
          continue
        case 46: {
          // .
          const n = text.charCodeAt(this.pos)
          if (!(n >= 48 && n <= 57)) {
            if (!this.lexFieldOrVariable(Tok.Field)) return false
            continue
          }
          this.pos--
          if (!this.lexNumber()) return false
          continue
        }
      }
      if (c === 43 || c === C_DASH || (c >= 48 && c <= 57)) {
        this.pos--
        if (!this.lexNumber()) return false
        continue
      }
      if (isAlnumCode(c, text, this.pos - 1)) {
        this.pos--
        if (!this.lexIdentifier()) return false
        continue
      }
      if (c < 128 && c >= 32 && c !== 127) {
        this.emit(Tok.Char)
        continue
      }
      this.pos--
      const desc = runeDescription(text, this.pos)
      this.pos += c >= 0xd800 && c <= 0xdbff ? 2 : 1
      return this.error(`unrecognized character in action: ${desc}`)
    }
  }

  private lexQuote(quote: number, unterminated: string): boolean {
    const text = this.text
    while (true) {
      const c = text.charCodeAt(this.pos++)
      if (c === 92) {
        const n = text.charCodeAt(this.pos)
        if (this.pos < text.length && n !== 10) {
          this.pos++
          continue
        }
        return this.error(unterminated)
      }
      if (Number.isNaN(c) || c === 10) return this.error(unterminated)
      if (c === quote) return true
    }
  }

  private atTerminator(): boolean {
    const c = this.text.charCodeAt(this.pos)
    if (Number.isNaN(c) || isSpaceCode(c)) return true
    switch (c) {
      case 46:
      case 44:
      case 124:
      case 58:
      case 41:
      case 40:
        return true
    }
    return this.startsWithRight(this.pos)
  }

  private skipAlnum(): void {
    const text = this.text
    // the ASCII run by the regex engine, then character by character past it (letters of
    // other scripts)
    ASCII_ALNUM_RUN.lastIndex = this.pos
    ASCII_ALNUM_RUN.test(text)
    this.pos = ASCII_ALNUM_RUN.lastIndex
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos)
      if (!isAlnumCode(c, text, this.pos)) break
      this.pos += c >= 0xd800 && c <= 0xdbff ? 2 : 1
    }
  }

  private badCharacter(): false {
    return this.error(`bad character ${runeDescription(this.text, this.pos)}`)
  }

  /** After `$` or `.`: a variable or field name, or `$`/`.` alone. */
  private lexFieldOrVariable(kind: Tok.Field | Tok.Variable): boolean {
    if (this.atTerminator()) {
      this.emit(kind === Tok.Variable ? Tok.Variable : Tok.Dot)
      return true
    }
    this.skipAlnum()
    if (!this.atTerminator()) return this.badCharacter()
    this.emit(kind)
    return true
  }

  private lexIdentifier(): boolean {
    this.skipAlnum()
    if (!this.atTerminator()) return this.badCharacter()
    const word = this.text.slice(this.start, this.pos)
    const key = Object.prototype.hasOwnProperty.call(KEYWORDS, word) ? KEYWORDS[word]! : undefined
    if (key !== undefined && key > Tok.Keyword) {
      if (
        (key === Tok.Break && !this.options.breakOK) ||
        (key === Tok.Continue && !this.options.continueOK)
      ) {
        this.emit(Tok.Identifier)
      } else {
        this.emit(key)
      }
    } else if (word === 'true' || word === 'false') {
      this.emit(Tok.Bool)
    } else {
      this.emit(Tok.Identifier)
    }
    return true
  }

  private accept(chars: string): boolean {
    const ch = this.text[this.pos]
    if (ch !== undefined && chars.includes(ch)) {
      this.pos++
      return true
    }
    return false
  }

  private acceptRun(chars: string): void {
    while (this.accept(chars));
  }

  private scanNumber(): boolean {
    this.accept('+-')
    let digits = '0123456789_'
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_'
      else if (this.accept('oO')) digits = '01234567_'
      else if (this.accept('bB')) digits = '01_'
    }
    this.acceptRun(digits)
    if (this.accept('.')) this.acceptRun(digits)
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-')
      this.acceptRun('0123456789_')
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-')
      this.acceptRun('0123456789_')
    }
    this.accept('i')
    if (
      this.pos < this.text.length &&
      isAlnumCode(this.text.charCodeAt(this.pos), this.text, this.pos)
    ) {
      this.pos++
      return false
    }
    return true
  }

  private lexNumber(): boolean {
    if (!this.scanNumber()) {
      return this.error(
        `bad number syntax: ${JSON.stringify(this.text.slice(this.start, this.pos))}`,
      )
    }
    const sign = this.text.charCodeAt(this.pos)
    if (sign === 43 || sign === C_DASH) {
      // A complex constant such as 1+2i.
      if (!this.scanNumber() || this.text[this.pos - 1] !== 'i') {
        return this.error(
          `bad number syntax: ${JSON.stringify(this.text.slice(this.start, this.pos))}`,
        )
      }
      this.emit(Tok.Complex)
      return true
    }
    this.emit(Tok.Number)
    return true
  }
}

/** Go's item.String(), as parse errors quote tokens. */
export function tokenString(t: Token): string {
  if (t.kind === Tok.EOF) return 'EOF'
  if (t.kind === Tok.Error) return t.val
  if (t.kind > Tok.Keyword) return `<${t.val}>`
  if (t.val.length > 10) return `${goQuote(t.val.slice(0, 10))}...`
  return goQuote(t.val)
}

function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '"' || ch === '\\') out += '\\' + ch
    else if (c === 10) out += '\\n'
    else if (c === 9) out += '\\t'
    else if (c === 13) out += '\\r'
    else if (c < 32 || c === 127) out += '\\x' + c.toString(16).padStart(2, '0')
    else out += ch
  }
  return out + '"'
}
