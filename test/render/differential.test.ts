import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../support/tools.ts'
import { compareOutputs } from './support/documents.ts'
import { errorText, helmTemplate, slipwayTemplate } from './support/run-template.ts'

const fixtures = join(repoRoot, 'test', 'fixtures', 'render')

interface Case {
  fixture: string
  args: string[]
  /** How errors are compared: exactly, as a set of lines (schema errors come in random order), or by ending. */
  errors?: 'exact' | 'lines' | 'suffix'
}

// One helm run per case: each case is a chart and a set of values/flags
const cases: Case[] = [
  { fixture: 'basics', args: ['r', '.'] },
  { fixture: 'basics', args: ['rel-2', '.', '-f', 'values.ci.yaml', '-n', 'prod-ns'] },
  {
    fixture: 'basics',
    args: [
      'r',
      '.',
      '--include-crds',
      '--api-versions',
      'monitoring.coreos.com/v1',
      '--kube-version',
      '1.29.4',
    ],
  },
  {
    fixture: 'basics',
    args: ['r', '.', '--show-only', 'templates/service.yaml', '--show-only', 'templates/sub/*'],
  },
  { fixture: 'basics', args: ['r', '.', '--skip-tests', '--is-upgrade'] },
  { fixture: 'basics', args: ['r', '.', '--show-only', 'templates/nope.yaml'] },
  {
    fixture: 'basics',
    args: [
      'r',
      '.',
      '-f',
      'values.ci.yaml',
      '--set',
      'replicaCount=7,image.tag=1.0,nested.c.list[1]=9,labels=null,ratio=2.5',
      '--set-string',
      'port=9090',
      '--set-json',
      'env=[{"name":"X","value":"y"}]',
      '--set-file',
      'multiline=files/set-file.txt',
      '--set-literal',
      'tplValue={{ .Release.Namespace }},x',
    ],
  },
  { fixture: 'basics', args: ['r', '.', '--set', 'justakey'] },
  { fixture: 'basics', args: ['r', '.', '--kube-version', '1.19.0'] },
  { fixture: 'extras', args: ['x', '.'] },
  { fixture: 'umbrella', args: ['rel', '.'] },
  { fixture: 'umbrella', args: ['rel', '.', '-f', 'values-alt.yaml'] },
  { fixture: 'umbrella', args: ['rel', '.', '--include-crds', '-n', 'other'] },
  { fixture: 'failures', args: ['r', '.'] },
  { fixture: 'failures', args: ['r', '.', '-f', 'modes/schema-ok.yaml'] },
  { fixture: 'failures', args: ['r', '.', '-f', 'modes/required.yaml'] },
  { fixture: 'failures', args: ['r', '.', '-f', 'modes/fail.yaml'] },
  { fixture: 'failures', args: ['r', '.', '-f', 'modes/tplfail.yaml'] },
  { fixture: 'failures', args: ['r', '.', '-f', 'modes/nil.yaml'] },
  { fixture: 'failures', args: ['r', '.', '-f', 'modes/badyaml.yaml'] },
  { fixture: 'failures', args: ['r', '.', '-f', 'modes/scalar.yaml'] },
  { fixture: 'failures', args: ['r', '.', '-f', 'modes/loop.yaml'], errors: 'suffix' },
  { fixture: 'failures', args: ['r', '.', '-f', 'modes/schema.yaml'], errors: 'lines' },
  { fixture: 'failures', args: ['r', '.', '--kube-version', '1.24.0'] },
  { fixture: 'failures', args: ['r', '.', '-f', 'modes/formats-bad.yaml'], errors: 'lines' },
  { fixture: 'failures', args: ['r', '.', '-f', 'modes/formats-ok.yaml'] },
  { fixture: 'failures', args: ['r', '.', '-f', 'modes/schema.yaml', '--skip-schema-validation'] },
  // the chart the CLI's build renders to train its code cache (a password given: no random one)
  {
    fixture: '../../../apps/cli/code-cache/chart',
    args: ['training', '.', '--set', 'ingress.enabled=true,auth.password=s3cret', '--include-crds'],
  },
]

function sortedLines(s: string): string[] {
  return s.split('\n').sort()
}

describe('slipway template matches helm template', () => {
  for (const c of cases) {
    it(`${c.fixture}: ${c.args.join(' ')}`, async () => {
      const cwd = join(fixtures, c.fixture)
      const [want, got] = await Promise.all([
        helmTemplate(c.args, cwd),
        slipwayTemplate(c.args, cwd),
      ])
      if (want.code === 0) {
        expect(got.code, `slipway failed where helm succeeded: ${got.stderr}`).toBe(0)
        const diff = compareOutputs(want.stdout, got.stdout)
        expect(diff, diff ?? '').toBeNull()
      } else {
        expect(got.code, `helm failed with ${want.stderr.slice(0, 500)}`).not.toBe(0)
        const w = errorText(want.stderr).trimEnd()
        const g = errorText(got.stderr).trimEnd()
        if (c.errors === 'lines') expect(sortedLines(g)).toEqual(sortedLines(w))
        else if (c.errors === 'suffix') expect(g.slice(-120)).toBe(w.slice(-120))
        else expect(g).toBe(w)
      }
    })
  }
})
