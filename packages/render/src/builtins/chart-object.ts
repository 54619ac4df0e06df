import { GoStruct, withGoType } from '@slipway/gotemplate'
import type { ChartDependency, ChartMaintainer, ChartMetadata } from '@slipway/chart'

/** A maintainer as `.Chart.Maintainers` exposes it (Go field names). */
export class Maintainer extends GoStruct {
  readonly goType = '*chart.Maintainer'
  readonly Name: string
  readonly Email: string
  readonly URL: string
  constructor(m: ChartMaintainer) {
    super()
    this.Name = m.name ?? ''
    this.Email = m.email ?? ''
    this.URL = m.url ?? ''
  }
  toJSON(): unknown {
    return omitEmpty({ name: this.Name, email: this.Email, url: this.URL })
  }
}

/** A dependency as `.Chart.Dependencies` exposes it (Go field names). */
export class Dependency extends GoStruct {
  readonly goType = '*chart.Dependency'
  readonly Name: string
  readonly Version: string
  readonly Repository: string
  readonly Condition: string
  readonly Tags: string[]
  readonly Enabled: boolean
  readonly ImportValues: unknown[]
  readonly Alias: string
  constructor(d: ChartDependency) {
    super()
    this.Name = d.name
    this.Version = d.version ?? ''
    this.Repository = d.repository ?? ''
    this.Condition = d.condition ?? ''
    this.Tags = d.tags ?? []
    this.Enabled = d.enabled ?? false
    this.ImportValues = d['import-values'] ?? []
    this.Alias = d.alias ?? ''
  }
  toJSON(): unknown {
    return omitEmpty({
      name: this.Name,
      version: this.Version,
      repository: this.Repository,
      condition: this.Condition,
      tags: this.Tags,
      enabled: this.Enabled,
      'import-values': this.ImportValues,
      alias: this.Alias,
    })
  }
}

/**
 * `.Chart`: Chart.yaml with Go field names (`.Chart.Name`, `.Chart.AppVersion`) plus `IsRoot`.
 * `toJson .Chart` uses Chart.yaml's names and omits empty fields, as Helm 3 does.
 */
export class ChartObject extends GoStruct {
  readonly goType = 'struct { *chart.Metadata; IsRoot bool }'
  readonly Name: string
  readonly Home: string
  readonly Sources: string[]
  readonly Version: string
  readonly Description: string
  readonly Keywords: string[]
  readonly Maintainers: Maintainer[]
  readonly Icon: string
  readonly APIVersion: string
  readonly Condition: string
  readonly Tags: string
  readonly AppVersion: string
  readonly Deprecated: boolean
  readonly Annotations: Record<string, string>
  readonly KubeVersion: string
  readonly Dependencies: Dependency[]
  readonly Type: string
  readonly IsRoot: boolean

  constructor(m: ChartMetadata & { condition?: string; tags?: string }, isRoot: boolean) {
    super()
    this.Name = m.name
    this.Home = m.home ?? ''
    // Go's nil slices and maps print as [] and map[] and have length 0: empty values behave alike
    this.Sources = m.sources ?? []
    this.Version = m.version
    this.Description = m.description ?? ''
    this.Keywords = m.keywords ?? []
    this.Maintainers = m.maintainers ? m.maintainers.map((x) => new Maintainer(x)) : []
    this.Icon = m.icon ?? ''
    this.APIVersion = m.apiVersion
    this.Condition = m.condition ?? ''
    this.Tags = m.tags ?? ''
    this.AppVersion = m.appVersion ?? ''
    this.Deprecated = m.deprecated ?? false
    // metadata.annotations is a map[string]string: a missing key reads as ""
    this.Annotations = withGoType({ ...m.annotations }, 'map[string]string')
    this.KubeVersion = m.kubeVersion ?? ''
    this.Dependencies = m.dependencies ? m.dependencies.map((d) => new Dependency(d)) : []
    this.Type = m.type ?? ''
    this.IsRoot = isRoot
  }

  toJSON(): unknown {
    return {
      ...(omitEmpty({
        name: this.Name,
        home: this.Home,
        sources: this.Sources,
        version: this.Version,
        description: this.Description,
        keywords: this.Keywords,
        maintainers: this.Maintainers,
        icon: this.Icon,
        apiVersion: this.APIVersion,
        condition: this.Condition,
        tags: this.Tags,
        appVersion: this.AppVersion,
        deprecated: this.Deprecated,
        annotations: this.Annotations,
        kubeVersion: this.KubeVersion,
        dependencies: this.Dependencies,
        type: this.Type,
      }) as object),
      IsRoot: this.IsRoot,
    }
  }
}

function omitEmpty(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) {
    if (v === '' || v === false || v === null || v === undefined) continue
    if (Array.isArray(v) && v.length === 0) continue
    if (
      typeof v === 'object' &&
      !Array.isArray(v) &&
      !(v instanceof GoStruct) &&
      Object.keys(v).length === 0
    )
      continue
    out[k] = v
  }
  return out
}
