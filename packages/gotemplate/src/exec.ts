/**
 * The executor of Go's text/template (go1.23 `text/template/exec.go`): walks a parsed tree
 * with a data value and writes the output.
 *
 * Nil has two shapes here, as in Go's reflect: `null` is a nil found inside data (a map value,
 * a list element, a missing key under missingkey=zero) and `undefined` is "no value" (the
 * result of a pipeline that produced nil, or nil data). A field on `null` is Go's
 * "nil pointer evaluating interface {}.x" error; a field on `undefined` is again no value.
 */
import type { ListNode, Node, RangeNode, Template, TemplateNode } from './ast.ts'
import { nodeString } from './ast.ts'
import { Evaluator } from './eval.ts'
import type { ExecBudget, ExecContext } from './exec-state.ts'
import { compareGoStrings, formatValue, goTypeName } from './fmt.ts'
import { GoStruct, isGoMap, isTrue, underlyingValue } from './value.ts'

export {
  isStackOverflow,
  type ExecBudget,
  type ExecContext,
  type MissingKeyMode,
} from './exec-state.ts'

/** Control flow out of a list: Go panics with walkBreak / walkContinue. */
const enum Flow {
  Normal = 0,
  Break = 1,
  Continue = 2,
}

/** One execution of one template (re-entrant executions each get their own). */
export class Executor extends Evaluator {
  constructor(ctx: ExecContext, tmpl: Template, depth: number, budget: ExecBudget) {
    super(ctx, tmpl, depth, budget)
  }

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
          r =
            node.type === 'with'
              ? this.walkWithDot(val, false, node.list)
              : this.walk(dot, node.list)
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
    else if (typeof v === 'function')
      this.errorf(`can't print ${nodeString(node)} of type ${goTypeName(v)}`)
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
        if (
          this.rangeIteration(r, mark, BigInt(i), elem === undefined ? null : elem, true) ===
          Flow.Break
        )
          break
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
        if (this.rangeIteration(r, mark, k, elem === undefined ? null : elem, true) === Flow.Break)
          break
      }
    } else if (val !== undefined && val !== null) {
      this.errorf(`range can't iterate over ${formatValue(piped)}`)
    }
    if (!ran && r.elseList) this.walk(dot, r.elseList)
    this.vars.length = mark0
  }

  /** One pass of a range body, with Go's rules for setting `$i, $v`. */
  private rangeIteration(
    r: RangeNode,
    mark: number,
    index: unknown,
    elem: unknown,
    iface: boolean,
  ): Flow {
    if (++this.budget.rangeIterations > this.ctx.limits.maxRangeIterations) {
      this.limit(
        'maxRangeIterations',
        `range iterations exceeded ${this.ctx.limits.maxRangeIterations}`,
      )
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
      this.limit(
        'maxTemplateDepth',
        `exceeded maximum template depth (${this.ctx.limits.maxTemplateDepth})`,
      )
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
}
