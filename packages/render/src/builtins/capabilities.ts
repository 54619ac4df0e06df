import { GoStruct } from '@slipway/gotemplate'
import { RenderError } from '../errors.ts'
import { parseLooseVersion } from '../dependencies/version-range.ts'
import { defaultApiVersions, defaultKubeVersion, helmVersionInfo } from './api-versions.ts'

/** `.Capabilities.KubeVersion`: prints as its version (`v1.32.0`), as Go's String method does. */
export class KubeVersion extends GoStruct {
  readonly goType = 'chartutil.KubeVersion'
  readonly Version: string
  readonly Major: string
  readonly Minor: string
  constructor(version: string, major: string, minor: string) {
    super()
    this.Version = version
    this.Major = major
    this.Minor = minor
  }
  /** Kept for charts written for Helm 2: same as Version. */
  GitVersion = (): string => this.Version
  String = (): string => this.Version
  override toString(): string {
    return this.Version
  }
  toJSON(): unknown {
    return { Version: this.Version, Major: this.Major, Minor: this.Minor }
  }
}

/** `.Capabilities.APIVersions`: a list of `group/version` strings with `Has`. */
export class VersionSet extends GoStruct {
  readonly goType = 'chartutil.VersionSet'
  /** Helm's VersionSet is a named `[]string`: reflect sees a slice. */
  readonly goKind = 'slice'
  readonly list: string[]
  constructor(list: string[]) {
    super()
    this.list = list
  }
  /** True when `group/version` (or `group/version/Kind`) is in the set. */
  Has = (apiVersion: string): boolean => this.list.includes(apiVersion)
  /** The Go slice this value is: what `range`, `len` and `index` see. */
  goValue(): string[] {
    return this.list
  }
  toJSON(): unknown {
    return this.list
  }
}

/** `.Capabilities.HelmVersion`. */
export class HelmVersion extends GoStruct {
  readonly goType = 'version.BuildInfo'
  readonly Version = helmVersionInfo.version
  readonly GitCommit = helmVersionInfo.gitCommit
  readonly GitTreeState = helmVersionInfo.gitTreeState
  readonly GoVersion = helmVersionInfo.goVersion
  toJSON(): unknown {
    return {
      version: this.Version,
      git_commit: this.GitCommit,
      git_tree_state: this.GitTreeState,
      go_version: this.GoVersion,
    }
  }
}

/** `.Capabilities`. */
export class Capabilities extends GoStruct {
  readonly goType = '*chartutil.Capabilities'
  readonly APIVersions: VersionSet
  readonly KubeVersion: KubeVersion
  readonly HelmVersion = new HelmVersion()
  constructor(apiVersions: VersionSet, kubeVersion: KubeVersion) {
    super()
    this.APIVersions = apiVersions
    this.KubeVersion = kubeVersion
  }
  toJSON(): unknown {
    return {
      APIVersions: this.APIVersions.toJSON(),
      KubeVersion: this.KubeVersion.toJSON(),
      HelmVersion: this.HelmVersion.toJSON(),
    }
  }
}

/**
 * Parses `--kube-version` as Helm does (`1.30`, `v1.30.2`): Major and Minor are the numbers,
 * Version keeps a leading `v`.
 */
export function parseKubeVersion(version: string): KubeVersion {
  const v = parseLooseVersion(version)
  if (!v) {
    throw new RenderError(
      'INVALID_KUBE_VERSION',
      `invalid kube version '${version}': Invalid Semantic Version`,
      {
        phase: 'values',
      },
    )
  }
  const [major, minor] = v.split('.')
  return new KubeVersion(`v${v}`, major as string, minor as string)
}

/** Builds `.Capabilities` from the render options. */
export function makeCapabilities(options: {
  kubeVersion?: string
  apiVersions?: string[]
  clusterApiVersions?: string[]
}): Capabilities {
  const kv = parseKubeVersion(options.kubeVersion ?? defaultKubeVersion)
  const base = options.clusterApiVersions ?? defaultApiVersions
  return new Capabilities(new VersionSet([...base, ...(options.apiVersions ?? [])]), kv)
}
