/**
 * Evaluation of pipelines, commands, fields and function calls (go1.23 `exec.go` evalPipeline,
 * evalCommand, evalField, evalCall, evalArg, validateType).
 */
import type {
  ArgNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  Node,
  NumberNode,
  PipeNode,
  VariableNode,
} from './ast.ts'
import { nodeString } from './ast.ts'
import { BUILTINS, type Builtin } from './builtins.ts'
import { ExecState, isStackOverflow, NO_FINAL } from './exec-state.ts'
import { TemplateLimitError } from './errors.ts'
import { goTypeName } from './fmt.ts'
import { missingMapValue } from './funcs/fmt-type.ts'
import { signatureOf, type GoParam, type TemplateFunc } from './func.ts'
import { assignable, canBeNil, GO_PARAM_NAMES, MIN_INT64 } from './params.ts'
import { GoStruct, isGoMap, isTrue, underlyingValue, type GoMap } from './value.ts'

type Final = unknown

const hasOwn = Object.prototype.hasOwnProperty

/** Members of a GoStruct that describe it to the engine and are not Go fields or methods. */
const HIDDEN_FIELDS = new Set(['goType', 'goKind', 'goValue', 'toJSON', 'constructor'])

function methodOf(receiver: GoStruct, name: string): TemplateFunc | undefined {
  if (HIDDEN_FIELDS.has(name) || name in Object.prototype) return undefined
  const v = (receiver as unknown as Record<string, unknown>)[name]
  return typeof v === 'function' ? (v as TemplateFunc) : undefined
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** Evaluates the operands of actions; the statements are walked by the Executor. */
export abstract class Evaluator extends ExecState {
  private lastIface = false

  // --- pipelines and commands -------------------------------------------------------------

  protected evalPipeline(dot: unknown, pipe: PipeNode): unknown {
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

  protected notAFunction(args: ArgNode[] | null, final: Final): void {
    if ((args !== null && args.length > 1) || final !== NO_FINAL) {
      this.errorf(`can't give argument to non-function ${nodeString(args![0]!)}`)
    }
  }

  protected evalCommand(dot: unknown, cmd: CommandNode, final: Final): unknown {
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

  protected constant(n: NumberNode): bigint | number {
    this.node = n
    if (n.overflow) this.errorf(`${n.text} overflows int`)
    return n.value
  }

  protected evalFieldNode(
    dot: unknown,
    field: FieldNode,
    args: ArgNode[] | null,
    final: Final,
  ): unknown {
    this.node = field
    return this.evalFieldChain(dot, dot, this.dotIface, field, field.ident, 0, args, final)
  }

  protected evalChainNode(
    dot: unknown,
    chain: ChainNode,
    args: ArgNode[] | null,
    final: Final,
  ): unknown {
    this.node = chain
    if (chain.node.type === 'nil')
      this.errorf(`indirection through explicit nil in ${nodeString(chain)}`)
    let receiver = this.evalArg(dot, chain.node, true)
    if (chain.node.type === 'pipe' && receiver === null) receiver = undefined
    return this.evalFieldChain(dot, receiver, false, chain, chain.field, 0, args, final)
  }

  protected evalVariableNode(
    dot: unknown,
    node: VariableNode,
    args: ArgNode[] | null,
    final: Final,
  ): unknown {
    this.node = node
    const v = this.variable(node.ident[0]!)
    if (node.ident.length === 1) {
      this.notAFunction(args, final)
      return v.value
    }
    return this.evalFieldChain(dot, v.value, v.iface, node, node.ident, 1, args, final)
  }

  protected evalFieldChain(
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

  protected evalField(
    dot: unknown,
    name: string,
    node: FieldNode | ChainNode | VariableNode,
    args: ArgNode[] | null,
    final: Final,
    receiver: unknown,
    iface: boolean,
  ): unknown {
    if (receiver === undefined) {
      if (this.ctx.missingKey === 'error')
        this.errorf(`nil data; no entry for key ${JSON.stringify(name)}`)
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
    this.errorf(
      `can't evaluate field ${name} in type ${iface ? 'interface {}' : goTypeName(receiver)}`,
    )
  }

  /** `.name` on a map: the key's value, or what missingkey says for a missing key. */
  protected mapField(receiver: GoMap, name: string, hasArgs: boolean): unknown {
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
        return missingMapValue(receiver)
    }
  }

  // --- functions --------------------------------------------------------------------------

  protected evalFunction(
    dot: unknown,
    node: IdentifierNode,
    cmd: CommandNode | IdentifierNode,
    args: ArgNode[] | null,
    final: Final,
  ): unknown {
    this.node = node
    const name = node.name
    const funcs = this.ctx.funcs
    if (hasOwn.call(funcs, name))
      return this.evalCall(dot, funcs[name]!, undefined, null, cmd, name, args, final)
    const builtin = BUILTINS[name]
    if (!builtin) this.errorf(`${JSON.stringify(name)} is not a defined function`)
    return this.evalCall(dot, builtin.fn, undefined, builtin, cmd, name, args, final)
  }

  protected evalCall(
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
        if (numIn < builtin.fixed)
          this.errorf(
            `wrong number of args for ${name}: want at least ${builtin.fixed} got ${argc}`,
          )
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
        if (numIn < fixed)
          this.errorf(`wrong number of args for ${name}: want at least ${fixed} got ${argc}`)
      } else if (numIn !== fixed) {
        this.errorf(`wrong number of args for ${name}: want ${fixed} got ${numIn}`)
      }
      for (let i = 0; i < argc; i++) {
        argv[i] = this.evalTypedArg(dot, args![i + 1]!, i < fixed ? sig.params[i]! : sig.variadic!)
      }
      if (final !== NO_FINAL) {
        argv[numIn - 1] = this.validateType(
          final,
          numIn - 1 < fixed ? sig.params[numIn - 1]! : sig.variadic!,
        )
      }
    } else {
      for (let i = 0; i < argc; i++) argv[i] = this.evalArg(dot, args![i + 1]!, raw)
      if (final !== NO_FINAL) argv[numIn - 1] = raw || final !== undefined ? final : null
      // Go passes the callee's text to `call` for its messages.
      if (builtin && name === 'call') argv.unshift(argc > 0 ? nodeString(args![1]!) : '')
    }
    let result: unknown
    try {
      // the arguments are checked against the signature above: skip the function's own checks
      result = (sig?.unchecked ?? fn).apply(receiver, argv)
    } catch (e) {
      if (e instanceof TemplateLimitError || isStackOverflow(e)) throw e
      this.node = node
      this.errorf(`error calling ${name}: ${messageOf(e)}`, { cause: e, functionName: name })
    }
    return result === undefined ? null : result
  }

  /** Go's validateType: a value passed to a parameter of type `t`. */
  protected validateType(v: unknown, t: GoParam): unknown {
    if (t === 'any') return v === undefined ? null : v
    if (v === undefined) {
      if (canBeNil(t)) return null
      this.errorf(`invalid value; expected ${GO_PARAM_NAMES[t]}`)
    }
    if (v === null)
      this.errorf(`wrong type for value; expected ${GO_PARAM_NAMES[t]}; got interface {}`)
    if (!assignable(v, t))
      this.errorf(`wrong type for value; expected ${GO_PARAM_NAMES[t]}; got ${goTypeName(v)}`)
    return v
  }

  /** An argument for a parameter of type `t`: literals are converted as Go's evalArg does. */
  protected evalTypedArg(dot: unknown, n: ArgNode, t: GoParam): unknown {
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
          if (Number.isInteger(n.value) && n.value >= MIN_INT64 && n.value < 2 ** 63)
            return BigInt(n.value)
        }
        this.errorf(`expected integer; found ${nodeString(n)}`)
      // falls through (errorf never returns)
      case 'float64':
        if (n.type === 'number')
          return n.overflow ? Number(n.text.replaceAll('_', '')) : Number(n.value)
        this.errorf(`expected float; found ${nodeString(n)}`)
      // falls through (errorf never returns)
      default:
        this.errorf(`can't handle ${nodeString(n)} for arg of type ${GO_PARAM_NAMES[t]}`)
    }
  }

  /** An argument: `raw` keeps Go's invalid (`undefined`) apart from nil (`null`). */
  protected evalArg(dot: unknown, n: ArgNode, raw: boolean): unknown {
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
