/**
 * A set of named templates sharing functions, as Go's `*template.Template` with its associated
 * templates: what Helm builds from every template file of a chart.
 */
import type { Template } from './ast.ts'
import { isEmptyTree } from './ast.ts'
import { isBuiltin } from './builtins.ts'
import { TemplateLimitError, TemplateNotFoundError } from './errors.ts'
import {
  Executor,
  isStackOverflow,
  type ExecBudget,
  type ExecContext,
  type MissingKeyMode,
} from './exec.ts'
import type { FuncMap } from './func.ts'
import { resolveLimits, type TemplateLimits } from './limits.ts'
import { parseTemplate } from './parse.ts'
import type { ParseCache } from './parse-cache.ts'

/** Options of a {@link TemplateSet}. */
export interface TemplateSetOptions {
  /** Functions available to templates, over Go's builtins (same-named ones replace builtins). */
  funcs?: FuncMap
  /** Overrides of the default bounds (limits.ts). */
  limits?: Partial<TemplateLimits>
  /**
   * Missing map keys: `zero` (Helm: no value, printed `<no value>`, and a field of it is a nil
   * pointer error), `error` (Helm's `--strict`: "map has no entry for key"), `default` (Go's
   * default: no value, and fields of it stay no value). Default `zero`.
   */
  missingKey?: MissingKeyMode
  /** The set's own name, used in "no template … associated with template NAME". Default `gotpl` (Helm's). */
  name?: string
  /** Files parsed by earlier sets (not by this set's clones: `tpl` texts come and go). */
  parseCache?: ParseCache
}

/** State shared by a set and its clones: the execution in progress, so that functions calling back into `execute` nest inside it. */
interface Runtime {
  active: Executor | null
}

/**
 * Parsed templates by name, with their functions.
 *
 * @example
 * const set = new TemplateSet({ funcs: { upper: (s: string) => s.toUpperCase() } })
 * set.parse('a.yaml', '{{ define "x" }}X{{ end }}name: {{ .name | upper }} {{ template "x" }}')
 * set.execute('a.yaml', { name: 'web' }) // "name: WEB X"
 */
export class TemplateSet {
  private funcs: FuncMap
  private readonly templates: Map<string, Template>
  private readonly limits: TemplateLimits
  private readonly missingKey: MissingKeyMode
  private readonly setName: string
  private readonly runtime: Runtime
  private ctx: ExecContext | undefined
  private parseCache: ParseCache | undefined
  // what a parse depends on besides its text: the function names and the depth bound
  private parseContext: { funcs: FuncMap; key: string } | undefined

  constructor(options: TemplateSetOptions = {}) {
    this.parseCache = options.parseCache
    this.funcs = { ...options.funcs }
    this.templates = new Map()
    this.limits = resolveLimits(options.limits)
    this.missingKey = options.missingKey ?? 'zero'
    this.setName = options.name ?? 'gotpl'
    this.runtime = { active: null }
  }

  /** Adds functions (before `parse`, as Go's `Funcs`); later additions replace same-named ones. */
  addFuncs(funcs: FuncMap): void {
    this.funcs = { ...this.funcs, ...funcs }
  }

  /**
   * Parses `text` as template `name`, adding it and its `define`s/`block`s to the set. A define
   * replaces an earlier template of the same name, unless it is empty (Go's rule). Throws
   * `TemplateParseError` (e.g. `template: NAME:3: function "x" not defined`).
   */
  parse(name: string, text: string): void {
    if (text.length > this.limits.maxSourceSize) {
      throw new TemplateLimitError(
        'maxSourceSize',
        this.limits.maxSourceSize,
        `${name}: template source exceeds ${this.limits.maxSourceSize} characters`,
        null,
      )
    }
    const funcs = this.funcs
    const cache = this.parseCache
    let context = ''
    if (cache) {
      if (this.parseContext?.funcs !== funcs) {
        const key = `${this.limits.maxParseDepth}:${Object.keys(funcs).sort().join(',')}`
        this.parseContext = { funcs, key }
      }
      context = this.parseContext.key
    }
    let trees = cache?.get(name, text, context)
    if (!trees) {
      trees = parseTemplate(name, text, {
        hasFunction: (f) => Object.prototype.hasOwnProperty.call(funcs, f) || isBuiltin(f),
        maxParseDepth: this.limits.maxParseDepth,
      })
      cache?.set(name, text, context, trees)
    }
    for (const [tname, tree] of trees) {
      if (this.templates.has(tname) && isEmptyTree(tree.root)) continue
      this.templates.set(tname, tree)
    }
  }

  /** True when a template of that name (file or define) exists. */
  has(name: string): boolean {
    return this.templates.has(name)
  }

  /** Names of all templates, sorted. */
  names(): string[] {
    return [...this.templates.keys()].sort()
  }

  /** The parsed tree of a template, for tools that inspect templates. */
  get(name: string): Template | undefined {
    return this.templates.get(name)
  }

  /**
   * A copy for Helm's `tpl`: same templates and functions; templates parsed into the copy do
   * not appear here. Executions of the copy nest in this set's depth and budget.
   */
  clone(): TemplateSet {
    const c = Object.create(TemplateSet.prototype) as TemplateSet
    const fields = c as unknown as {
      funcs: FuncMap
      templates: Map<string, Template>
      limits: TemplateLimits
      missingKey: MissingKeyMode
      setName: string
      runtime: Runtime
      ctx: ExecContext | undefined
      parseCache: ParseCache | undefined
      parseContext: undefined
    }
    fields.funcs = this.funcs
    fields.templates = new Map(this.templates)
    fields.limits = this.limits
    fields.missingKey = this.missingKey
    fields.setName = this.setName
    fields.runtime = this.runtime
    fields.ctx = undefined
    fields.parseCache = undefined
    fields.parseContext = undefined
    return c
  }

  /** The execution context, made once per set and function map. */
  private context(): ExecContext {
    if (this.ctx?.funcs !== this.funcs) {
      const templates = this.templates
      this.ctx = {
        funcs: this.funcs,
        limits: this.limits,
        missingKey: this.missingKey,
        lookup: (n) => templates.get(n),
      }
    }
    return this.ctx
  }

  /**
   * Executes template `name` with `data` as `.` and `$`, returning the output. Functions may
   * call `execute` again (Helm's `include`): such a nested call counts one level of
   * `maxTemplateDepth` and shares the step and range budgets of the outer call. Throws
   * `TemplateExecError`, `TemplateNotFoundError` or `TemplateLimitError`.
   */
  execute(name: string, data: unknown): string {
    const tmpl = this.templates.get(name)
    if (!tmpl) throw new TemplateNotFoundError(name, this.setName)
    const parent = this.runtime.active
    const depth = parent ? parent.currentDepth + 1 : 0
    if (depth >= this.limits.maxTemplateDepth) {
      throw new TemplateLimitError(
        'maxTemplateDepth',
        this.limits.maxTemplateDepth,
        `${name}: exceeded maximum template depth (${this.limits.maxTemplateDepth})`,
        null,
      )
    }
    const budget: ExecBudget = parent ? parent.budget : { steps: 0, rangeIterations: 0 }
    const executor = new Executor(this.context(), tmpl, depth, budget)
    this.runtime.active = executor
    try {
      return executor.run(data)
    } catch (e) {
      if (!parent && isStackOverflow(e)) {
        throw new TemplateLimitError(
          'maxTemplateDepth',
          this.limits.maxTemplateDepth,
          `${name}: template calls nested too deeply for the JavaScript stack`,
          null,
        )
      }
      throw e
    } finally {
      this.runtime.active = parent
    }
  }
}
