/**
 * Content for test registries: packaged charts (made by the reference `helm package`) and
 * non-chart artifacts pushed with raw distribution API calls.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { helm } from './tools.ts'

/** A packaged chart: its `.tgz` path and bytes. */
export interface PackagedChart {
  path: string
  bytes: Uint8Array
  name: string
  version: string
}

/** Packages `chartDir` with the reference helm into a fresh temp directory. */
export async function helmPackage(
  chartDir: string,
  extraArgs: string[] = [],
): Promise<PackagedChart> {
  const out = mkdtempSync(join(tmpdir(), 'slipway-pkg-'))
  const result = await helm(['package', chartDir, '-d', out, ...extraArgs])
  if (result.code !== 0) throw new Error(`helm package ${chartDir} failed: ${result.stderr}`)
  const path = /saved it to: (.+\.tgz)/.exec(result.stdout)?.[1]?.trim()
  if (!path) throw new Error(`helm package printed no archive path: ${result.stdout}`)
  const base = path.slice(path.lastIndexOf('/') + 1, -'.tgz'.length)
  const dash = base.search(/-\d/)
  return {
    path,
    bytes: readFileSync(path),
    name: base.slice(0, dash),
    version: base.slice(dash + 1),
  }
}

/** Writes a minimal chart (one ConfigMap) to a temp directory and packages it with helm. */
export async function makeChart(
  name: string,
  version: string,
  chartYamlExtra = '',
): Promise<PackagedChart & { dir: string }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'slipway-chart-')), name)
  mkdirSync(join(dir, 'templates'), { recursive: true })
  writeFileSync(
    join(dir, 'Chart.yaml'),
    `apiVersion: v2\nname: ${name}\nversion: ${version}\ndescription: Test chart ${name}\n${chartYamlExtra}`,
  )
  writeFileSync(join(dir, 'values.yaml'), 'greeting: hello\n')
  writeFileSync(
    join(dir, 'templates', 'configmap.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  greeting: {{ .Values.greeting | quote }}\n',
  )
  return { ...(await helmPackage(dir)), dir }
}

const sha256 = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`

/** Uploads one blob to an open (no auth) registry, monolithically. */
export async function pushRawBlob(
  registryUrl: string,
  repository: string,
  bytes: Uint8Array,
): Promise<string> {
  const digest = sha256(bytes)
  const start = await fetch(`${registryUrl}/v2/${repository}/blobs/uploads/`, { method: 'POST' })
  await start.arrayBuffer()
  if (start.status !== 202) throw new Error(`blob upload start: ${start.status}`)
  const location = new URL(start.headers.get('location')!, registryUrl)
  location.searchParams.set('digest', digest)
  const put = await fetch(location, {
    method: 'PUT',
    body: bytes,
    headers: { 'Content-Type': 'application/octet-stream' },
  })
  await put.arrayBuffer()
  if (put.status !== 201) throw new Error(`blob upload: ${put.status}`)
  return digest
}

/** Pushes raw manifest bytes under a tag to an open registry; returns the manifest digest. */
export async function pushRawManifest(
  registryUrl: string,
  repository: string,
  tag: string,
  manifest: Uint8Array,
  mediaType = 'application/vnd.oci.image.manifest.v1+json',
): Promise<string> {
  const res = await fetch(`${registryUrl}/v2/${repository}/manifests/${tag}`, {
    method: 'PUT',
    body: manifest,
    headers: { 'Content-Type': mediaType },
  })
  const text = await res.text()
  if (res.status !== 201) throw new Error(`manifest push: ${res.status} ${text}`)
  return sha256(manifest)
}

/** Pushes a small OCI container image (config + one layer) to an open registry. */
export async function pushContainerImage(
  registryUrl: string,
  repository: string,
  tag: string,
): Promise<string> {
  const config = new TextEncoder().encode(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [] },
      config: {},
    }),
  )
  const layer = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0])
  const configDigest = await pushRawBlob(registryUrl, repository, config)
  const layerDigest = await pushRawBlob(registryUrl, repository, layer)
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: configDigest,
      size: config.byteLength,
    },
    layers: [
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: layerDigest,
        size: layer.byteLength,
      },
    ],
  }
  return pushRawManifest(
    registryUrl,
    repository,
    tag,
    new TextEncoder().encode(JSON.stringify(manifest)),
  )
}
