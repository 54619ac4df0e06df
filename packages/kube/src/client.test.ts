import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KubeClient } from './client.ts'
import { isKubeError } from './errors.ts'

describe('connecting', () => {
  it('says how to connect a cluster when none answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-client-'))
    const file = join(dir, 'config')
    writeFileSync(
      file,
      'apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "http://127.0.0.1:1"}\nusers:\n- name: u\n  user: {}\ncontexts:\n- name: x\n  context: {cluster: c, user: u, namespace: apps}\ncurrent-context: x\n',
    )
    const err = await KubeClient.connect({ kubeconfig: file }).catch((e: unknown) => e)
    expect(isKubeError(err, 'NO_CLUSTER')).toBe(true)
    expect((err as Error).message).toContain('http://127.0.0.1:1 is not reachable')
    expect((err as Error).message).toContain('set KUBECONFIG (or --kubeconfig)')
    const offline = await KubeClient.connect({ kubeconfig: file, skipCheck: true })
    expect(offline.defaultNamespace).toBe('apps')
  })

  it('rejects a context the kubeconfig does not have', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-client-'))
    const file = join(dir, 'config')
    writeFileSync(file, 'apiVersion: v1\nkind: Config\nclusters: []\nusers: []\ncontexts: []\n')
    const err = await KubeClient.connect({ kubeconfig: file, context: 'prod' }).catch(
      (e: unknown) => e,
    )
    expect(isKubeError(err, 'NO_CLUSTER')).toBe(true)
    expect((err as Error).message).toBe('context "prod" does not exist in the kubeconfig')
  })
})
