/**
 * The parser of Go's text/template (go1.23 `text/template/parse/parse.go`): tokens to trees,
 * one per file and one per `define`/`block`, with Go's error messages.
 */
import type {
  ArgNode,
  CommandNode,
  ListNode,
  Node,
  PipeNode,
  Template,
  TemplateNode,
  TemplateSource,
  VariableNode,
} from './ast.ts'
import { isEmptyTree, nodeString } from './ast.ts'
import { TemplateParseError } from './errors.ts'
import { lex, Tok, tokenString, type Token } from './lex.ts'
import { LiteralSyntaxError, parseNumber, unquoteRune, unquoteString } from './literal.ts'

/** What the parser needs to know from its template set. */
export interface ParseOptions {
  /** True when `name` is a function (builtin or added): unknown names are parse errors. */
  hasFunction(name: string): boolean
  /** Deepest nesting of parentheses and control structures. */
  maxParseDepth: number
}

/** `{{end}}` and `{{else}}` end a list; they never reach a tree. */
interface Delimiter {
  readonly type: 'end' | 'else'
  readonly pos: number
  readonly line: number
}

type ListItem = Node | Delimiter

function delimiterString(d: ListItem): string {
  if (d.type === 'end') return '{{end}}'
  if (d.type === 'else') return '{{else}}'
  return nodeString(d as Node)
}

const OPERAND_START = new Set<Tok>([
  Tok.Bool,
  Tok.CharConstant,
  Tok.Complex,
  Tok.Dot,
  Tok.Field,
  Tok.Identifier,
  Tok.Number,
  Tok.Nil,
  Tok.RawString,
  Tok.String,
  Tok.Variable,
  Tok.LeftParen,
])

/**
 * Parses `text` as template `name`: returns the trees it defines, the file's own tree under
 * `name` (unless the file defines a non-empty template of that very name and has only blank
 * text itself, as in Go) and one per `define`/`block`. Throws {@link TemplateParseError}.
 */
export function parseTemplate(
  name: string,
  text: string,
  options: ParseOptions,
): Map<string, Template> {
  const tokens = lex(text, {
    breakOK: !options.hasFunction('break'),
    continueOK: !options.hasFunction('continue'),
  })
  const parser = new Parser(tokens, { parseName: name, text }, options)
  return parser.parseFile(name)
}

class Parser {
  private i = 0
  private hi = 0
  private vars: string[] = ['$']
  private rangeDepth = 0
  private depth = 0
  private actionLine = 0
  private readonly trees = new Map<string, Template>()

  constructor(
    private readonly tokens: Token[],
    private readonly source: TemplateSource,
    private readonly options: ParseOptions,
  ) {}

  parseFile(name: string): Map<string, Template> {
    const root = this.list(this.peek().pos)
    while (this.peek().kind !== Tok.EOF) {
      if (this.peek().kind === Tok.LeftDelim) {
        const delimIndex = this.i
        this.next()
        if (this.nextNonSpace().kind === Tok.Define) {
          this.parseDefinition()
          continue
        }
        this.i = delimIndex
      }
      const n = this.textOrAction()
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${delimiterString(n)}`)
      root.nodes.push(n as Node)
    }
    this.add(name, root)
    return this.trees
  }

  // --- tokens ---------------------------------------------------------------------------

  private tokenAt(i: number): Token {
    if (i >= this.tokens.length) i = this.tokens.length - 1
    if (i > this.hi) this.hi = i
    return this.tokens[i]!
  }

  private next(): Token {
    const t = this.tokenAt(this.i)
    if (this.i < this.tokens.length - 1) this.i++
    else this.i = this.tokens.length
    return t
  }

  private peek(): Token {
    return this.tokenAt(this.i)
  }

  private backup(): void {
    this.i--
  }

  private nextNonSpace(): Token {
    let t = this.next()
    while (t.kind === Tok.Space) t = this.next()
    return t
  }

  private peekNonSpace(): Token {
    const t = this.nextNonSpace()
    this.backup()
    return t
  }

  private expect(kind: Tok, context: string): Token {
    const t = this.nextNonSpace()
    if (t.kind !== kind) this.unexpected(t, context)
    return t
  }

  // --- errors ---------------------------------------------------------------------------

  private errorf(detail: string): never {
    const line = this.tokens[Math.min(this.hi, this.tokens.length - 1)]!.line
    throw new TemplateParseError(this.source.parseName, line, detail)
  }

  private unexpected(t: Token, context: string): never {
    if (t.kind === Tok.Error) {
      let extra = ''
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at ${this.source.parseName}:${this.actionLine}`
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length)
      }
      this.errorf(`${t.val}${extra}`)
    }
    this.errorf(`unexpected ${tokenString(t)} in ${context}`)
  }

  private enter(): void {
    if (++this.depth > this.options.maxParseDepth) this.errorf('max expression depth exceeded')
  }

  // --- trees ----------------------------------------------------------------------------

  private list(pos: number): ListNode {
    return { type: 'list', pos, nodes: [] }
  }

  /** Go's Tree.add: within one parse, a second non-empty definition of a name is an error. */
  private add(name: string, root: ListNode): void {
    const old = this.trees.get(name)
    if (!old || isEmptyTree(old.root)) {
      this.trees.set(name, { name, root, source: this.source })
      return
    }
    if (!isEmptyTree(root))
      this.errorf(`template: multiple definition of template ${JSON.stringify(name)}`)
  }

  /** Parses a nested tree (define or block body) with its own variables and range depth. */
  private subtree(name: string, context: string): void {
    const saved = { vars: this.vars, rangeDepth: this.rangeDepth }
    this.vars = ['$']
    this.rangeDepth = 0
    const [root, end] = this.itemList()
    if (end.type !== 'end') this.errorf(`unexpected ${delimiterString(end)} in ${context}`)
    this.add(name, root)
    this.vars = saved.vars
    this.rangeDepth = saved.rangeDepth
  }

  private parseDefinition(): void {
    const context = 'define clause'
    const t = this.nextNonSpace()
    if (t.kind !== Tok.String && t.kind !== Tok.RawString) this.unexpected(t, context)
    const name = this.unquote(t.val)
    this.expect(Tok.RightDelim, context)
    this.subtree(name, context)
  }

  private itemList(): [ListNode, Delimiter] {
    const list = this.list(this.peekNonSpace().pos)
    while (this.peekNonSpace().kind !== Tok.EOF) {
      const n = this.textOrAction()
      if (n.type === 'end' || n.type === 'else') return [list, n as Delimiter]
      list.nodes.push(n as Node)
    }
    this.errorf('unexpected EOF')
  }

  private textOrAction(): ListItem {
    const t = this.nextNonSpace()
    switch (t.kind) {
      case Tok.Text:
        return { type: 'text', pos: t.pos, text: t.val }
      case Tok.LeftDelim: {
        this.actionLine = t.line
        const n = this.action()
        this.actionLine = 0
        return n
      }
    }
    this.unexpected(t, 'input')
  }

  private action(): ListItem {
    const t = this.nextNonSpace()
    switch (t.kind) {
      case Tok.Block:
        return this.blockControl()
      case Tok.Break:
      case Tok.Continue:
        return this.loopControl(t)
      case Tok.Else:
        return this.elseControl()
      case Tok.End:
        return { type: 'end', pos: this.expect(Tok.RightDelim, 'end').pos, line: t.line }
      case Tok.If:
        return { type: 'if', ...this.parseControl('if') }
      case Tok.Range:
        return { type: 'range', ...this.parseControl('range') }
      case Tok.Template:
        return this.templateControl()
      case Tok.With:
        return { type: 'with', ...this.parseControl('with') }
    }
    this.backup()
    const start = this.peek()
    return {
      type: 'action',
      pos: start.pos,
      line: start.line,
      pipe: this.pipeline('command', Tok.RightDelim),
    }
  }

  private loopControl(t: Token): Node {
    const word = t.kind === Tok.Break ? 'break' : 'continue'
    const after = this.nextNonSpace()
    if (after.kind !== Tok.RightDelim) this.unexpected(after, `{{${word}}}`)
    if (this.rangeDepth === 0) this.errorf(`{{${word}}} outside {{range}}`)
    return { type: word, pos: t.pos, line: t.line }
  }

  private elseControl(): Delimiter {
    const p = this.peekNonSpace()
    // "{{else if …}}" and "{{else with …}}" leave the keyword for parseControl.
    if (p.kind === Tok.If || p.kind === Tok.With) return { type: 'else', pos: p.pos, line: p.line }
    const t = this.expect(Tok.RightDelim, 'else')
    return { type: 'else', pos: t.pos, line: t.line }
  }

  private parseControl(context: 'if' | 'with' | 'range'): {
    pos: number
    line: number
    pipe: PipeNode
    list: ListNode
    elseList: ListNode | null
  } {
    this.enter()
    const varCount = this.vars.length
    const pipe = this.pipeline(context, Tok.RightDelim)
    if (context === 'range') this.rangeDepth++
    const [list, next] = this.itemList()
    if (context === 'range') this.rangeDepth--
    let elseList: ListNode | null = null
    if (next.type === 'else') {
      if (context === 'if' && this.peek().kind === Tok.If) {
        this.next()
        elseList = this.list(next.pos)
        elseList.nodes.push({ type: 'if', ...this.parseControl('if') })
      } else if (context === 'with' && this.peek().kind === Tok.With) {
        this.next()
        elseList = this.list(next.pos)
        elseList.nodes.push({ type: 'with', ...this.parseControl('with') })
      } else {
        const [els, end] = this.itemList()
        if (end.type !== 'end') this.errorf(`expected end; found ${delimiterString(end)}`)
        elseList = els
      }
    }
    // most controls declare nothing; the length setter is a slow path in V8 even when unchanged
    if (this.vars.length !== varCount) this.vars.length = varCount
    this.depth--
    return { pos: pipe.pos, line: pipe.line, pipe, list, elseList }
  }

  private templateName(t: Token, context: string): string {
    if (t.kind !== Tok.String && t.kind !== Tok.RawString) this.unexpected(t, context)
    return this.unquote(t.val)
  }

  private templateControl(): TemplateNode {
    const context = 'template clause'
    const t = this.nextNonSpace()
    const name = this.templateName(t, context)
    let pipe: PipeNode | null = null
    if (this.nextNonSpace().kind !== Tok.RightDelim) {
      this.backup()
      pipe = this.pipeline(context, Tok.RightDelim)
    }
    return { type: 'template', pos: t.pos, line: t.line, name, pipe }
  }

  private blockControl(): TemplateNode {
    const context = 'block clause'
    const t = this.nextNonSpace()
    const name = this.templateName(t, context)
    const pipe = this.pipeline(context, Tok.RightDelim)
    this.enter()
    this.subtree(name, context)
    this.depth--
    return { type: 'template', pos: t.pos, line: t.line, name, pipe }
  }

  // --- pipelines ------------------------------------------------------------------------

  private variable(t: Token): VariableNode {
    return { type: 'variable', pos: t.pos, ident: t.val.split('.') }
  }

  private pipeline(context: string, end: Tok): PipeNode {
    const start = this.peekNonSpace()
    const pipe: PipeNode = {
      type: 'pipe',
      pos: start.pos,
      line: start.line,
      isAssign: false,
      decl: [],
      cmds: [],
    }
    decls: for (;;) {
      const v = this.peekNonSpace()
      if (v.kind !== Tok.Variable) break
      const vIndex = this.i
      this.next()
      const afterVariable = this.peek()
      const next = this.peekNonSpace()
      if (next.kind === Tok.Assign || next.kind === Tok.Declare) {
        pipe.isAssign = next.kind === Tok.Assign
        this.nextNonSpace()
        pipe.decl.push(this.variable(v))
        this.vars.push(v.val)
      } else if (next.kind === Tok.Char && next.val === ',') {
        this.nextNonSpace()
        pipe.decl.push(this.variable(v))
        this.vars.push(v.val)
        if (context === 'range' && pipe.decl.length < 2) {
          const k = this.peekNonSpace().kind
          if (k === Tok.Variable || k === Tok.RightDelim || k === Tok.RightParen) continue decls
          this.errorf('range can only initialize variables')
        }
        this.errorf(`too many declarations in ${context}`)
      } else {
        void afterVariable
        this.i = vIndex
      }
      break
    }
    for (;;) {
      const t = this.nextNonSpace()
      if (t.kind === end) {
        this.checkPipeline(pipe, context)
        return pipe
      }
      if (!OPERAND_START.has(t.kind)) this.unexpected(t, context)
      this.backup()
      pipe.cmds.push(this.command())
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`)
    for (let i = 1; i < pipe.cmds.length; i++) {
      const k = pipe.cmds[i]!.args[0]!.type
      if (k === 'bool' || k === 'dot' || k === 'nil' || k === 'number' || k === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 1}`)
      }
    }
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] }
    for (;;) {
      this.peekNonSpace()
      const operand = this.operand()
      if (operand) cmd.args.push(operand)
      const t = this.next()
      if (t.kind === Tok.Space) continue
      if (t.kind === Tok.RightDelim || t.kind === Tok.RightParen) this.backup()
      else if (t.kind !== Tok.Pipe) this.unexpected(t, 'operand')
      break
    }
    if (cmd.args.length === 0) this.errorf('empty command')
    return cmd
  }

  private operand(): ArgNode | null {
    const node = this.term()
    if (!node) return null
    if (this.peek().kind !== Tok.Field) return node
    const pos = this.peek().pos
    const fields: string[] = []
    while (this.peek().kind === Tok.Field) fields.push(this.next().val.slice(1))
    switch (node.type) {
      case 'field':
        return { type: 'field', pos, ident: [...node.ident, ...fields] }
      case 'variable':
        return { type: 'variable', pos, ident: [...node.ident, ...fields] }
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.errorf(`unexpected . after term ${JSON.stringify(nodeString(node))}`)
    }
    return { type: 'chain', pos, node, field: fields }
  }

  private term(): ArgNode | null {
    const t = this.nextNonSpace()
    switch (t.kind) {
      case Tok.Identifier:
        if (!this.options.hasFunction(t.val))
          this.errorf(`function ${JSON.stringify(t.val)} not defined`)
        return { type: 'identifier', pos: t.pos, name: t.val }
      case Tok.Dot:
        return { type: 'dot', pos: t.pos }
      case Tok.Nil:
        return { type: 'nil', pos: t.pos }
      case Tok.Variable: {
        const v = this.variable(t)
        if (!this.vars.includes(v.ident[0]!))
          this.errorf(`undefined variable ${JSON.stringify(v.ident[0])}`)
        return v
      }
      case Tok.Field:
        return { type: 'field', pos: t.pos, ident: [t.val.slice(1)] }
      case Tok.Bool:
        return { type: 'bool', pos: t.pos, value: t.val === 'true' }
      case Tok.CharConstant:
        return {
          type: 'number',
          pos: t.pos,
          text: t.val,
          value: BigInt(this.literal(() => unquoteRune(t.val))),
          overflow: false,
        }
      case Tok.Complex:
      case Tok.Number: {
        const c = this.literal(() => parseNumber(t.val))
        return { type: 'number', pos: t.pos, text: t.val, value: c.value, overflow: c.overflow }
      }
      case Tok.LeftParen: {
        this.enter()
        const p = this.pipeline('parenthesized pipeline', Tok.RightParen)
        this.depth--
        return p
      }
      case Tok.String:
      case Tok.RawString:
        return { type: 'string', pos: t.pos, quoted: t.val, text: this.unquote(t.val) }
    }
    this.backup()
    return null
  }

  private literal<T>(f: () => T): T {
    try {
      return f()
    } catch (e) {
      if (e instanceof LiteralSyntaxError) this.errorf(e.message)
      throw e
    }
  }

  private unquote(quoted: string): string {
    return this.literal(() => unquoteString(quoted))
  }
}
