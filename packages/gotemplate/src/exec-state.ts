/**
 * State of one template execution: the data Go keeps in its `state` struct (output, variables,
 * the node being evaluated for error locations, bounds), and Go's error reporting.
 */
import type { ArgNode, CommandNode, Node, Template } from './ast.ts'
import { nodeString } from './ast.ts'
import { TemplateExecError, TemplateLimitError, type ExecLocation } from './errors.ts'
import type { FuncMap } from './func.ts'
import type { TemplateLimits } from './limits.ts'

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
export const NO_FINAL: unique symbol = Symbol('no final argument')

/** A variable in scope: `$`, `$x`. */
export interface Variable {
  name: string
  value: unknown
  /** The value came out of a list or map element (static type `interface {}` in Go). */
  iface: boolean
}

/**
 * True for the engine's own stack exhaustion. Kept free of regular expressions: near the stack
 * limit even compiling one fails ("Invalid regular expression: Stack overflow").
 */
export function isStackOverflow(e: unknown): boolean {
  if (!(e instanceof Error) || typeof e.message !== 'string') return false
  return (
    (e instanceof RangeError && e.message.includes('call stack')) ||
    e.message.includes('tack overflow')
  )
}

/** Output, variables, error location and bounds of one execution. */
export abstract class ExecState {
  protected out = ''
  protected vars: Variable[] = []
  protected node: Node | ArgNode | CommandNode | null = null
  /** Dot came out of a list or map element (Go's static type `interface {}`). */
  protected dotIface = false

  constructor(
    protected readonly ctx: ExecContext,
    protected tmpl: Template,
    protected depth: number,
    /** Shared with executions nested in this one. */
    readonly budget: ExecBudget,
  ) {}

  // --- errors and bounds ------------------------------------------------------------------

  protected location(): ExecLocation {
    const n = this.node
    return {
      templateName: this.tmpl.name,
      source: n ? this.tmpl.source : null,
      pos: n ? n.pos : 0,
      nodeText: n ? nodeString(n) : '',
    }
  }

  protected errorf(
    detail: string,
    options: { cause?: unknown; functionName?: string } = {},
  ): never {
    throw new TemplateExecError(this.location(), detail, options)
  }

  protected limit(limit: keyof TemplateLimits, detail: string): never {
    throw new TemplateLimitError(limit, this.ctx.limits[limit], detail, this.location())
  }

  protected step(): void {
    if (++this.budget.steps > this.ctx.limits.maxSteps) {
      this.limit('maxSteps', `execution exceeded ${this.ctx.limits.maxSteps} steps`)
    }
  }

  protected write(s: string): void {
    this.out += s
    if (this.out.length > this.ctx.limits.maxOutputSize) {
      this.limit('maxOutputSize', `output exceeded ${this.ctx.limits.maxOutputSize} characters`)
    }
  }

  // --- variables --------------------------------------------------------------------------

  protected setVar(name: string, value: unknown): void {
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

  protected setTopVar(n: number, value: unknown, iface: boolean): void {
    const v = this.vars[this.vars.length - n]!
    v.value = value
    v.iface = iface
  }

  protected variable(name: string): Variable {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]!
      if (v.name === name) return v
    }
    this.errorf(`undefined variable: ${name}`)
  }
}
