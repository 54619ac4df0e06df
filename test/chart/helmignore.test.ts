import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadChartDir, packageChart } from '@slipway/chart/node'
import { helm, run } from '../support/tools.ts'

const work = mkdtempSync(join(tmpdir(), 'slipway-helmignore-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function writeTree(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true })
    writeFileSync(join(root, name), text)
  }
}

async function entries(tgz: string): Promise<string[]> {
  const res = await run('tar', ['tzf', tgz])
  return res.stdout.split('\n').filter(Boolean).sort()
}

describe('.helmignore filters the same files as helm', () => {
  const tree = {
    'Chart.yaml': 'apiVersion: v2\nname: ign\nversion: 0.1.0\n',
    'values.yaml': 'a: 1\n',
    '.helmignore': '# rules\n*.swp\n/top.txt\ndocs/\nsub/*.md\nsecret*\n[ab].bak\n',
    'top.txt': 'x',
    'keep/top.txt': 'x',
    'a.swp': 'x',
    'deep/b.swp': 'x',
    'docs/guide.md': 'x',
    'sub/readme.md': 'x',
    'sub/deeper/readme.md': 'x',
    'secret-key.pem': 'x',
    'files/secret.txt': 'x',
    'a.bak': 'x',
    'c.bak': 'x',
    'templates/.hidden.yaml': 'x',
    'templates/cm.yaml': 'kind: ConfigMap\n',
    'README.md': 'readme\n',
  }

  it('in packaged archives and in what the loader keeps', async () => {
    const dir = join(work, 'ign')
    writeTree(dir, tree)
    const ours = await packageChart(dir, { destination: join(work, 'ours') })
    const theirs = await helm(['package', dir, '-d', join(work, 'theirs')])
    expect(theirs.code, theirs.stderr).toBe(0)
    const expected = await entries(join(work, 'theirs', 'ign-0.1.0.tgz'))
    expect(await entries(ours)).toEqual(expected)
    expect(expected).not.toContain('ign/top.txt')
    expect(expected).toContain('ign/keep/top.txt')
    const chart = await loadChartDir(dir)
    const loaded = chart.raw.map((f) => `ign/${f.name}`).sort()
    expect(loaded).toEqual(expected)
  })
})
