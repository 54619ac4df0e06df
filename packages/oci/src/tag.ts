/**
 * The OCI tag for a chart version. OCI tags cannot hold `+`, so Helm writes build metadata
 * with `_` instead (`1.0.0+build.1` → `1.0.0_build.1`).
 */
export function versionToTag(version: string): string {
  return version.replaceAll('+', '_')
}

/** The chart version a tag stands for: the inverse of {@link versionToTag}. */
export function tagToVersion(tag: string): string {
  return tag.replaceAll('_', '+')
}
