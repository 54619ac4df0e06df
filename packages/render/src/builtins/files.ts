import { GoStruct, goStringOf } from '@slipway/gotemplate'
import type { ChartFile } from '@slipway/chart'
import { compileGlob } from './glob.ts'
import { decodeUtf8, toBase64 } from '../text.ts'

/** Encodes a value as Helm's toYAML (used by AsConfig and AsSecrets). */
export type ToYaml = (value: unknown) => string

function baseName(p: string): string {
  const i = p.lastIndexOf('/')
  return i < 0 ? p : p.slice(i + 1)
}

/**
 * `.Files`: the chart's non-template files by path, with Helm's methods. Keys are kept in path
 * order, which is the order Go's sorted map printing and YAML encoding use anyway.
 */
export class Files extends GoStruct {
  readonly goType = 'engine.files'
  /** Helm's `files` is a named map type: reflect sees a map. */
  readonly goKind = 'map'
  readonly #files: Map<string, Uint8Array>
  readonly #toYaml: ToYaml

  constructor(files: Iterable<[string, Uint8Array]>, toYaml: ToYaml) {
    super()
    this.#files = new Map(files)
    this.#toYaml = toYaml
  }

  /** Builds `.Files` from a chart's files. */
  static of(files: ChartFile[], toYaml: ToYaml): Files {
    return new Files(
      files.map((f) => [f.name, f.data] as [string, Uint8Array]),
      toYaml,
    )
  }

  /** The file's bytes, empty when absent. */
  GetBytes = (name: string): Uint8Array => this.#files.get(name) ?? new Uint8Array()

  /** The file as Go's string of its bytes (binary files too), `""` when absent. */
  Get = (name: string): string => goStringOf(this.GetBytes(name))

  /** The files matching a gobwas glob (`**` crosses directories); a bad pattern means `**`. */
  Glob = (pattern: string): Files => {
    const re = compileGlob(pattern) ?? /^.*$/s
    return new Files(
      [...this.#files].filter(([name]) => re.test(name)),
      this.#toYaml,
    )
  }

  /** The file's lines, without a trailing newline's empty last line. */
  Lines = (name: string): string[] => {
    const data = this.#files.get(name)
    if (!data) return []
    let s = goStringOf(data)
    if (s.endsWith('\n')) s = s.slice(0, -1)
    return s.split('\n')
  }

  /** YAML map of base name → content, for a ConfigMap's `data`. */
  AsConfig = (): string => {
    const m: Record<string, string> = {}
    for (const [k, v] of this.#files) m[baseName(k)] = decodeUtf8(v)
    return this.#toYaml(m)
  }

  /** YAML map of base name → base64 content, for a Secret's `data`. */
  AsSecrets = (): string => {
    const m: Record<string, string> = {}
    for (const [k, v] of this.#files) m[baseName(k)] = toBase64(v)
    return this.#toYaml(m)
  }

  /** The files as a Go map of path → bytes (what `range` and `len` see). */
  entries(): Array<[string, Uint8Array]> {
    return [...this.#files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  }

  /**
   * The Go map this value is (`map[string][]byte`): what `range`, `len`, `index`, `if` and
   * `empty` see, as they see Helm's `files`.
   */
  goValue(): Record<string, Uint8Array> {
    const out: Record<string, Uint8Array> = {}
    for (const [k, v] of this.entries()) out[k] = v
    return out
  }

  get size(): number {
    return this.#files.size
  }

  toJSON(): unknown {
    const out: Record<string, string> = {}
    for (const [k, v] of this.entries()) out[k] = toBase64(v)
    return out
  }
}
