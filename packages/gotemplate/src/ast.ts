/**
 * Parse tree of a Go template (go1.23 `text/template/parse/node.go`). Every node keeps its
 * UTF-16 offset (`pos`) into the source; control nodes also keep their line.
 */

/** The source a tree was parsed from: Go's `ParseName` and text, for error locations. */
export interface TemplateSource {
  readonly parseName: string
  readonly text: string
}

/** A parsed template: a named tree (a file, or one `define`/`block`). */
export interface Template {
  readonly name: string
  readonly root: ListNode
  readonly source: TemplateSource
}

/** Statement nodes (in a list). */
export type Node =
  | ListNode
  | TextNode
  | ActionNode
  | IfNode
  | WithNode
  | RangeNode
  | TemplateNode
  | BreakNode
  | ContinueNode

/** Operand nodes (in a command). */
export type ArgNode =
  | FieldNode
  | VariableNode
  | ChainNode
  | IdentifierNode
  | DotNode
  | NilNode
  | BoolNode
  | NumberNode
  | StringNode
  | PipeNode

/** A sequence of nodes. */
export interface ListNode {
  readonly type: 'list'
  readonly pos: number
  readonly nodes: Node[]
}

/** Plain text, written as is. */
export interface TextNode {
  readonly type: 'text'
  readonly pos: number
  readonly text: string
}

/** `{{ pipeline }}`. */
export interface ActionNode {
  readonly type: 'action'
  readonly pos: number
  readonly line: number
  readonly pipe: PipeNode
}

/** `{{ if }}`, `{{ with }}`, `{{ range }}` share this shape. */
interface BranchNode {
  readonly pos: number
  readonly line: number
  readonly pipe: PipeNode
  readonly list: ListNode
  readonly elseList: ListNode | null
}

/** `{{ if pipeline }} … {{ else }} … {{ end }}`. */
export interface IfNode extends BranchNode {
  readonly type: 'if'
}

/** `{{ with pipeline }} … {{ else }} … {{ end }}`. */
export interface WithNode extends BranchNode {
  readonly type: 'with'
}

/** `{{ range pipeline }} … {{ else }} … {{ end }}`. */
export interface RangeNode extends BranchNode {
  readonly type: 'range'
}

/** `{{ template "name" pipeline }}` (also what a `block` leaves in place). */
export interface TemplateNode {
  readonly type: 'template'
  readonly pos: number
  readonly line: number
  readonly name: string
  readonly pipe: PipeNode | null
}

/** `{{ break }}`. */
export interface BreakNode {
  readonly type: 'break'
  readonly pos: number
  readonly line: number
}

/** `{{ continue }}`. */
export interface ContinueNode {
  readonly type: 'continue'
  readonly pos: number
  readonly line: number
}

/** A pipeline with its optional variable declarations (`$x := a | b`). */
export interface PipeNode {
  readonly type: 'pipe'
  readonly pos: number
  readonly line: number
  isAssign: boolean
  readonly decl: VariableNode[]
  readonly cmds: CommandNode[]
}

/** One command of a pipeline: a function, method or operand with its arguments. */
export interface CommandNode {
  readonly type: 'command'
  readonly pos: number
  readonly args: ArgNode[]
}

/** `.A.B`: `ident` is `['A', 'B']`. */
export interface FieldNode {
  readonly type: 'field'
  readonly pos: number
  readonly ident: string[]
}

/** `$x.A.B`: `ident` is `['$x', 'A', 'B']`. */
export interface VariableNode {
  readonly type: 'variable'
  readonly pos: number
  readonly ident: string[]
}

/** `(pipeline).A.B`, or a field chain on any other term. */
export interface ChainNode {
  readonly type: 'chain'
  readonly pos: number
  readonly node: ArgNode
  readonly field: string[]
}

/** A function name. */
export interface IdentifierNode {
  readonly type: 'identifier'
  readonly pos: number
  readonly name: string
}

/** `.` */
export interface DotNode {
  readonly type: 'dot'
  readonly pos: number
}

/** `nil` */
export interface NilNode {
  readonly type: 'nil'
  readonly pos: number
}

/** `true` / `false` */
export interface BoolNode {
  readonly type: 'bool'
  readonly pos: number
  readonly value: boolean
}

/**
 * A number or character constant, already typed as Go's exec would (`idealConstant`):
 * `int` (bigint) unless it is written as a float (`.`, exponent) and is not hex or a rune.
 * `overflow` marks constants that fit no int64 (an execution error, as in Go).
 */
export interface NumberNode {
  readonly type: 'number'
  readonly pos: number
  readonly text: string
  readonly value: bigint | number
  readonly overflow: boolean
}

/** A string constant: `quoted` as written, `text` unquoted. */
export interface StringNode {
  readonly type: 'string'
  readonly pos: number
  readonly quoted: string
  readonly text: string
}

/** Go's `String()` of a node: the text shown in exec errors (`at <.Values.x>`). */
export function nodeString(n: Node | ArgNode | CommandNode): string {
  switch (n.type) {
    case 'list':
      return n.nodes.map(nodeString).join('')
    case 'text':
      return n.text
    case 'action':
      return `{{${nodeString(n.pipe)}}}`
    case 'if':
    case 'with':
    case 'range': {
      let s = `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}`
      if (n.elseList) s += `{{else}}${nodeString(n.elseList)}`
      return s + '{{end}}'
    }
    case 'template':
      return n.pipe
        ? `{{template ${JSON.stringify(n.name)} ${nodeString(n.pipe)}}}`
        : `{{template ${JSON.stringify(n.name)}}}`
    case 'break':
      return '{{break}}'
    case 'continue':
      return '{{continue}}'
    case 'pipe': {
      let s = ''
      if (n.decl.length > 0) {
        s = n.decl.map(nodeString).join(', ') + (n.isAssign ? ' = ' : ' := ')
      }
      return s + n.cmds.map(nodeString).join(' | ')
    }
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ')
    case 'field':
      return '.' + n.ident.join('.')
    case 'variable':
      return n.ident.join('.')
    case 'chain': {
      const inner = n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)
      return inner + '.' + n.field.join('.')
    }
    case 'identifier':
      return n.name
    case 'dot':
      return '.'
    case 'nil':
      return 'nil'
    case 'bool':
      return n.value ? 'true' : 'false'
    case 'number':
      return n.text
    case 'string':
      return n.quoted
  }
}

/** Go's `parse.IsEmptyTree`: only whitespace text (and comments). */
export function isEmptyTree(n: Node): boolean {
  switch (n.type) {
    case 'list':
      return n.nodes.every(isEmptyTree)
    case 'text':
      return n.text.trim().length === 0
    default:
      return false
  }
}
