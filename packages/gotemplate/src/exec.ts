/**
 * The executor of Go's text/template (go1.23 `text/template/exec.go`): walks a parsed tree
 * with a data value and writes the output.
 *
 * Nil has two shapes here, as in Go's reflect: `null` is a nil found inside data (a map value,
 * a list element, a missing key under missingkey=zero) and `undefined` is "no value" (the
 * result of a pipeline that produced nil, or nil data). A field on `null` is Go's
 * "nil pointer evaluating interface {}.x" error; a field on `undefined` is again no value.
 */
import type {
  ArgNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  RangeNode,
  Template,
  TemplateNode,
  VariableNode,
} from './ast.ts'
import { nodeString } from './ast.ts'
import { BUILTINS, type Builtin } from './builtins.ts'
import { TemplateExecError, TemplateLimitError, type ExecLocation } from './errors.ts'
import { compareGoStrings, formatValue, goTypeName } from './fmt.ts'
import { signatureOf, type FuncMap, type GoParam, type TemplateFunc } from './func.ts'
import type { TemplateLimits } from './limits.ts'
import { GoStruct, isGoMap, isTrue, underlyingValue, type GoMap } from './value.ts'

/** How a missing map key evaluates (Go's `missingkey` option). */
export type MissingKeyMode = 'zero' | 'error' | 'default'

/** Counters shared by one top-level execution and every execution nested in it. */
export interface ExecBudget {
  steps: number
  rangeIterations: number
}

/** What an execution needs from its template set. */
export interface ExecContext {
  readonly funcs: FuncMap
  readonly limits: TemplateLimits
  readonly missingKey: MissingKeyMode
  lookup(name: string): Template | undefined
}

/** No value passed down a pipeline yet (Go's `missingVal`). */
const NO_FINAL: unique symbol = Symbol('no final argument')
type Final = unknown

/** Control flow out of a list: Go panics with walkBreak / walkContinue. */
const enum Flow {
  Normal = 0,
  Break = 1,
  Continue = 2,
}

interface Variable {
  name: string
  value: unknown
  /** The value came out of a list or map element (static type `interface {}` in Go). */
  iface: boolean
}

const hasOwn = Object.prototype.hasOwnProperty

/**
 * True for the engine's own stack exhaustion. Kept free of regular expressions: near the stack
 * limit even compiling one fails ("Invalid regular expression: Stack overflow").
 */
export function isStackOverflow(e: unknown): boolean {
  if (!(e instanceof Error) || typeof e.message !== 'string') return false
  return (e instanceof RangeError && e.message.includes('call stack')) || e.message.includes('tack overflow')
}

/** Members of a GoStruct that describe it to the engine and are not Go fields or methods. */
const HIDDEN_FIELDS = new Set(['goType', 'goKind', 'goValue', 'toJSON', 'constructor'])

function methodOf(receiver: GoStruct, name: string): TemplateFunc | undefined {
  if (HIDDEN_FIELDS.has(name) || name in Object.prototype) return undefined
  const v = (receiver as unknown as Record<string, unknown>)[name]
  return typeof v === 'function' ? (v as TemplateFunc) : undefined
}

/** Go's names of the parameter types, as its messages print them. */
const GO_PARAM_NAMES: Record<GoParam, string> = {
  any: 'interface {}',
  string: 'string',
  int: 'int',
  int64: 'int64',
  bool: 'bool',
  float64: 'float64',
  map: 'map[string]interface {}',
  list: '[]interface {}',
  strings: '[]string',
}

function canBeNil(t: GoParam): boolean {
  return t === 'any' || t === 'map' || t === 'list' || t === 'strings'
}

function assignable(v: unknown, t: GoParam): boolean {
  switch (t) {
    case 'any':
      return true
    case 'string':
      return typeof v === 'string'
    case 'int':
    case 'int64':
      return typeof v === 'bigint'
    case 'bool':
      return typeof v === 'boolean'
    case 'float64':
      return typeof v === 'number'
    case 'map':
      return isGoMap(v)
    case 'list':
      return Array.isArray(v)
    case 'strings':
      return Array.isArray(v) && v.every((x) => typeof x === 'string')
  }
}

const MIN_INT64 = -(2 ** 63)

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** One execution of one template (re-entrant executions each get their own). */
export class Executor {
  private out = ''
  private vars: Variable[] = []
  private node: Node | ArgNode | CommandNode | null = null
  private dotIface = false
  private lastIface = false

  constructor(
    private readonly ctx: ExecContext,
    private tmpl: Template,
    private depth: number,
    /** Shared with executions nested in this one. */
    readonly budget: ExecBudget,
  ) {}

  /** Template-call nesting at this moment (nested `execute` calls start one deeper). */
  get currentDepth(): number {
    return this.depth
  }

  /** Executes the template with `data` as dot and `$`; returns the output. */
  run(data: unknown): string {
    const dot = data === null ? undefined : data
    this.vars = [{ name: '$', value: dot, iface: false }]
    this.walk(dot, this.tmpl.root)
    return this.out
  }

  // --- errors and bounds ------------------------------------------------------------------

  private location(): ExecLocation {
    const n = this.node
    return {
      templateName: this.tmpl.name,
      source: n ? this.tmpl.source : null,
      pos: n ? n.pos : 0,
      nodeText: n ? nodeString(n) : '',
    }
  }

  private errorf(detail: string, options: { cause?: unknown; functionName?: string } = {}): never {
    throw new TemplateExecError(this.location(), detail, options)
  }

  private limit(limit: keyof TemplateLimits, detail: string): never {
    throw new TemplateLimitError(limit, this.ctx.limits[limit], detail, this.location())
  }

  private step(): void {
    if (++this.budget.steps > this.ctx.limits.maxSteps) {
      this.limit('maxSteps', `execution exceeded ${this.ctx.limits.maxSteps} steps`)
    }
  }

  private write(s: string): void {
    this.out += s
    if (this.out.length > this.ctx.limits.maxOutputSize) {
      this.limit('maxOutputSize', `output exceeded ${this.ctx.limits.maxOutputSize} characters`)
    }
  }

  // --- statements -------------------------------------------------------------------------

  private walk(dot: unknown, node: Node): Flow {
    this.step()
    switch (node.type) {
      case 'text':
        this.write(node.text)
        return Flow.Normal
      case 'action': {
        this.node = node
        const v = this.evalPipeline(dot, node.pipe)
        if (node.pipe.decl.length === 0) this.printValue(node, v)
        return Flow.Normal
      }
      case 'list': {
        const nodes = node.nodes
        for (let i = 0; i < nodes.length; i++) {
          const r = this.walk(dot, nodes[i]!)
          if (r !== Flow.Normal) return r
        }
        return Flow.Normal
      }
      case 'if':
      case 'with': {
        this.node = node
        const mark = this.vars.length
        const val = this.evalPipeline(dot, node.pipe)
        let r = Flow.Normal
        if (isTrue(val)) {
          r = node.type === 'with' ? this.walkWithDot(val, false, node.list) : this.walk(dot, node.list)
        } else if (node.elseList) {
          r = this.walk(dot, node.elseList)
        }
        this.vars.length = mark
        return r
      }
      case 'range':
        this.walkRange(dot, node)
        return Flow.Normal
      case 'template':
        this.walkTemplate(dot, node)
        return Flow.Normal
      case 'break':
        return Flow.Break
      case 'continue':
        return Flow.Continue
    }
  }

  private walkWithDot(dot: unknown, iface: boolean, list: ListNode): Flow {
    const saved = this.dotIface
    this.dotIface = iface
    const r = this.walk(dot, list)
    this.dotIface = saved
    return r
  }

  private printValue(node: Node, v: unknown): void {
    this.node = node
    if (typeof v === 'string') this.write(v)
    else if (v === undefined || v === null) this.write('<no value>')
    else if (typeof v === 'function') this.errorf(`can't print ${nodeString(node)} of type ${goTypeName(v)}`)
    else this.write(formatValue(v))
  }

  private walkRange(dot: unknown, r: RangeNode): void {
    this.node = r
    const mark0 = this.vars.length
    const piped = this.evalPipeline(dot, r.pipe)
    // A named slice or map type (Helm's Files, VersionSet) ranges as its underlying value.
    const val = piped instanceof GoStruct ? underlyingValue(piped) : piped
    const mark = this.vars.length
    let ran = false
    if (Array.isArray(val)) {
      ran = val.length > 0
      for (let i = 0; i < val.length; i++) {
        const elem = val[i]
        if (this.rangeIteration(r, mark, BigInt(i), elem === undefined ? null : elem, true) === Flow.Break) break
      }
    } else if (val instanceof Uint8Array) {
      ran = val.length > 0
      for (let i = 0; i < val.length; i++) {
        if (this.rangeIteration(r, mark, BigInt(i), BigInt(val[i]!), false) === Flow.Break) break
      }
    } else if (isGoMap(val)) {
      const m = val
      const keys = Object.keys(m).sort(compareGoStrings)
      ran = keys.length > 0
      for (const k of keys) {
        const elem = m[k]
        if (this.rangeIteration(r, mark, k, elem === undefined ? null : elem, true) === Flow.Break) break
      }
    } else if (val !== undefined && val !== null) {
      this.errorf(`range can't iterate over ${formatValue(piped)}`)
    }
    if (!ran && r.elseList) this.walk(dot, r.elseList)
    this.vars.length = mark0
  }

  /** One pass of a range body, with Go's rules for setting `$i, $v`. */
  private rangeIteration(r: RangeNode, mark: number, index: unknown, elem: unknown, iface: boolean): Flow {
    if (++this.budget.rangeIterations > this.ctx.limits.maxRangeIterations) {
      this.limit('maxRangeIterations', `range iterations exceeded ${this.ctx.limits.maxRangeIterations}`)
    }
    const decl = r.pipe.decl
    if (decl.length > 0) {
      if (r.pipe.isAssign) this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : elem)
      else this.setTopVar(1, elem, iface)
    }
    if (decl.length > 1) {
      if (r.pipe.isAssign) this.setVar(decl[1]!.ident[0]!, elem)
      else this.setTopVar(2, index, false)
    }
    const flow = this.walkWithDot(elem, iface, r.list)
    this.vars.length = mark
    return flow
  }

  private walkTemplate(dot: unknown, t: TemplateNode): void {
    this.node = t
    const tmpl = this.ctx.lookup(t.name)
    if (!tmpl) this.errorf(`template ${JSON.stringify(t.name)} not defined`)
    if (this.depth >= this.ctx.limits.maxTemplateDepth) {
      this.limit('maxTemplateDepth', `exceeded maximum template depth (${this.ctx.limits.maxTemplateDepth})`)
    }
    const newDot = t.pipe ? this.evalPipeline(dot, t.pipe) : undefined
    const savedTmpl = this.tmpl
    const savedVars = this.vars
    const savedDotIface = this.dotIface
    this.tmpl = tmpl
    this.vars = [{ name: '$', value: newDot, iface: false }]
    this.depth++
    this.dotIface = false
    this.walk(newDot, tmpl.root)
    this.tmpl = savedTmpl
    this.vars = savedVars
    this.depth--
    this.dotIface = savedDotIface
  }

  // --- variables --------------------------------------------------------------------------

  private setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]!
      if (v.name === name) {
        v.value = value
        v.iface = false
        return
      }
    }
    this.errorf(`undefined variable: ${name}`)
  }

  private setTopVar(n: number, value: unknown, iface: boolean): void {
    const v = this.vars[this.vars.length - n]!
    v.value = value
    v.iface = iface
  }

  private variable(name: string): Variable {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]!
      if (v.name === name) return v
    }
    this.errorf(`undefined variable: ${name}`)
  }

  // --- pipelines and commands -------------------------------------------------------------

  private evalPipeline(dot: unknown, pipe: PipeNode): unknown {
    this.node = pipe
    let value: unknown = NO_FINAL
    const cmds = pipe.cmds
    for (let i = 0; i < cmds.length; i++) {
      value = this.evalCommand(dot, cmds[i]!, value)
      // Go digs a nil interface down to "no value".
      if (value === null) value = undefined
    }
    const decl = pipe.decl
    for (let i = 0; i < decl.length; i++) {
      const name = decl[i]!.ident[0]!
      if (pipe.isAssign) this.setVar(name, value)
      else this.vars.push({ name, value, iface: false })
    }
    return value
  }

  private notAFunction(args: ArgNode[] | null, final: Final): void {
    if ((args !== null && args.length > 1) || final !== NO_FINAL) {
      this.errorf(`can't give argument to non-function ${nodeString(args![0]!)}`)
    }
  }

  private evalCommand(dot: unknown, cmd: CommandNode, final: Final): unknown {
    this.step()
    const first = cmd.args[0]!
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final)
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final)
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final)
      case 'pipe':
        this.notAFunction(cmd.args, final)
        return this.evalPipeline(dot, first)
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final)
    }
    this.node = first
    this.notAFunction(cmd.args, final)
    switch (first.type) {
      case 'bool':
        return first.value
      case 'dot':
        return dot
      case 'nil':
        this.errorf('nil is not a command')
      // falls through (errorf never returns)
      case 'number':
        return this.constant(first)
      case 'string':
        return first.text
    }
  }

  private constant(n: NumberNode): bigint | number {
    this.node = n
    if (n.overflow) this.errorf(`${n.text} overflows int`)
    return n.value
  }

  private evalFieldNode(dot: unknown, field: FieldNode, args: ArgNode[] | null, final: Final): unknown {
    this.node = field
    return this.evalFieldChain(dot, dot, this.dotIface, field, field.ident, 0, args, final)
  }

  private evalChainNode(dot: unknown, chain: ChainNode, args: ArgNode[] | null, final: Final): unknown {
    this.node = chain
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`)
    let receiver = this.evalArg(dot, chain.node, true)
    if (chain.node.type === 'pipe' && receiver === null) receiver = undefined
    return this.evalFieldChain(dot, receiver, false, chain, chain.field, 0, args, final)
  }

  private evalVariableNode(dot: unknown, node: VariableNode, args: ArgNode[] | null, final: Final): unknown {
    this.node = node
    const v = this.variable(node.ident[0]!)
    if (node.ident.length === 1) {
      this.notAFunction(args, final)
      return v.value
    }
    return this.evalFieldChain(dot, v.value, v.iface, node, node.ident, 1, args, final)
  }

  private evalFieldChain(
    dot: unknown,
    receiver: unknown,
    iface: boolean,
    node: FieldNode | ChainNode | VariableNode,
    ident: string[],
    start: number,
    args: ArgNode[] | null,
    final: Final,
  ): unknown {
    const n = ident.length
    for (let i = start; i < n - 1; i++) {
      receiver = this.evalField(dot, ident[i]!, node, null, NO_FINAL, receiver, iface)
      iface = this.lastIface
    }
    return this.evalField(dot, ident[n - 1]!, node, args, final, receiver, iface)
  }

  private evalField(
    dot: unknown,
    name: string,
    node: FieldNode | ChainNode | VariableNode,
    args: ArgNode[] | null,
    final: Final,
    receiver: unknown,
    iface: boolean,
  ): unknown {
    if (receiver === undefined) {
      if (this.ctx.missingKey === 'error') this.errorf(`nil data; no entry for key ${JSON.stringify(name)}`)
      this.lastIface = false
      return undefined
    }
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${name}`)
    const hasArgs = (args !== null && args.length > 1) || final !== NO_FINAL
    if (receiver instanceof GoStruct) {
      const method = methodOf(receiver, name)
      if (method) return this.evalCall(dot, method, receiver, null, node, name, args, final)
      if (hasOwn.call(receiver, name) && !HIDDEN_FIELDS.has(name)) {
        if (hasArgs) this.errorf(`${name} has arguments but cannot be invoked as function`)
        this.lastIface = false
        const v = (receiver as unknown as Record<string, unknown>)[name]
        return v === undefined ? null : v
      }
      const u = underlyingValue(receiver)
      if (u !== receiver && isGoMap(u)) return this.mapField(u, name, hasArgs)
    } else if (isGoMap(receiver)) {
      return this.mapField(receiver, name, hasArgs)
    }
    this.errorf(`can't evaluate field ${name} in type ${iface ? 'interface {}' : goTypeName(receiver)}`)
  }

  /** `.name` on a map: the key's value, or what missingkey says for a missing key. */
  private mapField(receiver: GoMap, name: string, hasArgs: boolean): unknown {
    if (hasArgs) this.errorf(`${name} is not a method but has arguments`)
    this.lastIface = true
    if (hasOwn.call(receiver, name)) {
      const v = receiver[name]
      return v === undefined ? null : v
    }
    switch (this.ctx.missingKey) {
      case 'error':
        this.errorf(`map has no entry for key ${JSON.stringify(name)}`)
      // falls through (errorf never returns)
      case 'default':
        return undefined
      default:
        return null
    }
  }

  // --- functions --------------------------------------------------------------------------

  private evalFunction(
    dot: unknown,
    node: IdentifierNode,
    cmd: CommandNode | IdentifierNode,
    args: ArgNode[] | null,
    final: Final,
  ): unknown {
    this.node = node
    const name = node.name
    const funcs = this.ctx.funcs
    if (hasOwn.call(funcs, name)) return this.evalCall(dot, funcs[name]!, undefined, null, cmd, name, args, final)
    const builtin = BUILTINS[name]
    if (!builtin) this.errorf(`${JSON.stringify(name)} is not a defined function`)
    return this.evalCall(dot, builtin.fn, undefined, builtin, cmd, name, args, final)
  }

  private evalCall(
    dot: unknown,
    fn: TemplateFunc,
    receiver: unknown,
    builtin: Builtin | null,
    node: Node | ArgNode | CommandNode,
    name: string,
    args: ArgNode[] | null,
    final: Final,
  ): unknown {
    const argc = args === null ? 0 : args.length - 1
    const numIn = argc + (final !== NO_FINAL ? 1 : 0)
    const raw = builtin !== null && builtin.raw
    if (builtin) {
      if (builtin.variadic) {
        if (numIn < builtin.fixed) this.errorf(`wrong number of args for ${name}: want at least ${builtin.fixed} got ${argc}`)
      } else if (numIn !== builtin.fixed) {
        this.errorf(`wrong number of args for ${name}: want ${builtin.fixed} got ${numIn}`)
      }
      if (name === 'and' || name === 'or') {
        // Short-circuit: the first falsy (and) or truthy (or) operand, else the last.
        let v: unknown
        for (let i = 1; i <= argc; i++) {
          v = this.evalArg(dot, args![i]!, true)
          if (isTrue(v) === (name === 'or')) return v
        }
        return final !== NO_FINAL ? final : v
      }
    }
    const argv: unknown[] = new Array(numIn)
    const sig = builtin ? undefined : signatureOf(fn)
    if (sig) {
      // Go's reflect checks: arity, then each argument against its parameter type.
      const fixed = sig.params.length
      if (sig.variadic !== undefined) {
        if (numIn < fixed) this.errorf(`wrong number of args for ${name}: want at least ${fixed} got ${argc}`)
      } else if (numIn !== fixed) {
        this.errorf(`wrong number of args for ${name}: want ${fixed} got ${numIn}`)
      }
      for (let i = 0; i < argc; i++) {
        argv[i] = this.evalTypedArg(dot, args![i + 1]!, i < fixed ? sig.params[i]! : sig.variadic!)
      }
      if (final !== NO_FINAL) {
        argv[numIn - 1] = this.validateType(final, numIn - 1 < fixed ? sig.params[numIn - 1]! : sig.variadic!)
      }
    } else {
      for (let i = 0; i < argc; i++) argv[i] = this.evalArg(dot, args![i + 1]!, raw)
      if (final !== NO_FINAL) argv[numIn - 1] = raw || final !== undefined ? final : null
      // Go passes the callee's text to `call` for its messages.
      if (builtin && name === 'call') argv.unshift(argc > 0 ? nodeString(args![1]!) : '')
    }
    let result: unknown
    try {
      result = fn.apply(receiver, argv)
    } catch (e) {
      if (e instanceof TemplateLimitError || isStackOverflow(e)) throw e
      this.node = node
      this.errorf(`error calling ${name}: ${messageOf(e)}`, { cause: e, functionName: name })
    }
    return result === undefined ? null : result
  }

  /** Go's validateType: a value passed to a parameter of type `t`. */
  private validateType(v: unknown, t: GoParam): unknown {
    if (t === 'any') return v === undefined ? null : v
    if (v === undefined) {
      if (canBeNil(t)) return null
      this.errorf(`invalid value; expected ${GO_PARAM_NAMES[t]}`)
    }
    if (v === null) this.errorf(`wrong type for value; expected ${GO_PARAM_NAMES[t]}; got interface {}`)
    if (!assignable(v, t)) this.errorf(`wrong type for value; expected ${GO_PARAM_NAMES[t]}; got ${goTypeName(v)}`)
    return v
  }

  /** An argument for a parameter of type `t`: literals are converted as Go's evalArg does. */
  private evalTypedArg(dot: unknown, n: ArgNode, t: GoParam): unknown {
    this.node = n
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, t)
      case 'nil':
        if (canBeNil(t)) return null
        this.errorf(`cannot assign nil to ${GO_PARAM_NAMES[t]}`)
      // falls through (errorf never returns)
      case 'field':
      case 'variable':
      case 'pipe':
      case 'identifier':
      case 'chain':
        return this.validateType(this.evalArg(dot, n, true), t)
    }
    switch (t) {
      case 'any':
        return this.evalArg(dot, n, false)
      case 'bool':
        if (n.type === 'bool') return n.value
        this.errorf(`expected bool; found ${nodeString(n)}`)
      // falls through (errorf never returns)
      case 'string':
        if (n.type === 'string') return n.text
        this.errorf(`expected string; found ${nodeString(n)}`)
      // falls through (errorf never returns)
      case 'int':
      case 'int64':
        if (n.type === 'number' && !n.overflow) {
          if (typeof n.value === 'bigint') return n.value
          if (Number.isInteger(n.value) && n.value >= MIN_INT64 && n.value < 2 ** 63) return BigInt(n.value)
        }
        this.errorf(`expected integer; found ${nodeString(n)}`)
      // falls through (errorf never returns)
      case 'float64':
        if (n.type === 'number') return n.overflow ? Number(n.text.replaceAll('_', '')) : Number(n.value)
        this.errorf(`expected float; found ${nodeString(n)}`)
      // falls through (errorf never returns)
      default:
        this.errorf(`can't handle ${nodeString(n)} for arg of type ${GO_PARAM_NAMES[t]}`)
    }
  }

  /** An argument: `raw` keeps Go's invalid (`undefined`) apart from nil (`null`). */
  private evalArg(dot: unknown, n: ArgNode, raw: boolean): unknown {
    this.node = n
    let v: unknown
    switch (n.type) {
      case 'dot':
        v = dot
        break
      case 'nil':
        return null
      case 'field':
        v = this.evalFieldNode(dot, n, null, NO_FINAL)
        break
      case 'variable':
        v = this.evalVariableNode(dot, n, null, NO_FINAL)
        break
      case 'pipe':
        v = this.evalPipeline(dot, n)
        break
      case 'identifier':
        v = this.evalFunction(dot, n, n, null, NO_FINAL)
        break
      case 'chain':
        v = this.evalChainNode(dot, n, null, NO_FINAL)
        break
      case 'bool':
        return n.value
      case 'number':
        return this.constant(n)
      case 'string':
        return n.text
    }
    return raw || v !== undefined ? v : null
  }
}
