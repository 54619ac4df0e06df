import type { Template } from './ast.ts'

interface Entry {
  text: string
  context: string
  trees: ReadonlyMap<string, Template>
}

/**
 * Files parsed before, by name: parsing again the same text under the same name, with the
 * same function names and limits, gives back the trees of last time (they are never changed
 * after parsing). For long-lived processes that load a chart again after one file changed:
 * only that file is parsed again. Bounded by the characters of the texts it holds; past the
 * bound it starts over.
 */
export class ParseCache {
  readonly #entries = new Map<string, Entry>()
  #chars = 0

  constructor(readonly maxChars = 8 * 1024 * 1024) {}

  /** The trees parsed last from `text` under `name` in the same `context`, if any. */
  get(name: string, text: string, context: string): ReadonlyMap<string, Template> | undefined {
    const entry = this.#entries.get(name)
    return entry && entry.text === text && entry.context === context ? entry.trees : undefined
  }

  set(name: string, text: string, context: string, trees: ReadonlyMap<string, Template>): void {
    const old = this.#entries.get(name)
    if (old) this.#chars -= old.text.length
    if (this.#chars + text.length > this.maxChars) {
      this.#entries.clear()
      this.#chars = 0
      if (text.length > this.maxChars) return
    }
    this.#entries.set(name, { text, context, trees })
    this.#chars += text.length
  }
}
