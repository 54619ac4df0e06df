/** Helm's config blob media type: Chart.yaml as JSON. */
export const HelmConfigMediaType = 'application/vnd.cncf.helm.config.v1+json'
/** Helm's chart archive layer media type. */
export const HelmChartContentMediaType = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip'
/** Helm's provenance layer media type. */
export const HelmProvenanceMediaType = 'application/vnd.cncf.helm.chart.provenance.v1.prov'
/** The chart layer media type of charts pushed by Helm before 3.7; still accepted on pull. */
export const LegacyChartLayerMediaType = 'application/tar+gzip'

/** OCI image manifest. */
export const OciManifestMediaType = 'application/vnd.oci.image.manifest.v1+json'
/** OCI image index. */
export const OciIndexMediaType = 'application/vnd.oci.image.index.v1+json'
/** Docker image manifest, schema 2. */
export const DockerManifestMediaType = 'application/vnd.docker.distribution.manifest.v2+json'
/** Docker manifest list. */
export const DockerManifestListMediaType =
  'application/vnd.docker.distribution.manifest.list.v2+json'

/** The Accept header sent for manifests: what a chart is, and what we can name when it is not. */
export const manifestAccept = [
  OciManifestMediaType,
  OciIndexMediaType,
  DockerManifestMediaType,
  DockerManifestListMediaType,
].join(', ')
