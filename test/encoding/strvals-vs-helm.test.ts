import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SetFlags } from '../../packages/render/src/strvals/index.ts'
import { helmForFlags, oursForFlags, PROBE_TEMPLATE } from './strvals-probe.ts'

let dir: string
let fileA: string

const helmValues = (flags: SetFlags) => helmForFlags(join(dir, 'chart'), flags)
const ours = oursForFlags

describe('--set parsing against helm template', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-strvals-'))
    mkdirSync(join(dir, 'chart', 'templates'), { recursive: true })
    writeFileSync(join(dir, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: probe\nversion: 0.1.0\n')
    writeFileSync(join(dir, 'chart', 'templates', 'probe.yaml'), PROBE_TEMPLATE)
    fileA = join(dir, 'a.txt')
    writeFileSync(fileA, 'line one\nline, two=3\n')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('builds the same values, with the same Go types, for many flags at once', async () => {
    const flags: SetFlags = {
      set: [
        'a.b.c=1,a.b.d=true,a.e=FALSE,a.f=Null',
        'n0=0,n1=-0,n2=007,n3=+5,n4=1.5,n5=1e3,n6=1_0,n7=-12,n8=9223372036854775807,n9=9223372036854775808,n10=0x1F',
        'l1={a,1,true},l2={},l3={x\\,y,z}',
        'i[0]=x,i[2]=z,j[1].b=1,j[0]=first,k[0][1]=2,k[1][0].m=yes',
        'esc\\.dot=1,esc\\,comma=2,esc\\=eq=3,back=c\\\\d',
        'empty=,e2=',
        'u.ü=ß,sp=a b c',
        'over=1,over=2,deep.x=1,deep.y=2',
        '.dropped=1',
        'last=x,',
      ],
      setString: ['s1=1,s2=true,s3=null,s4={1,2},s5[1]=07'],
      setJson: [
        'j1={"a":[1,2.5,{"b":null}]},j2=[1,"x"],j3=true,j4=12, j5="s",j6=',
        'jl[1]={"q":1}',
      ],
      setLiteral: ['lit.x=a,b=c\\d{e}', 'litl[1]=v,w'],
    }
    flags.setFile = [`f1=${fileA},f2=${fileA}`]
    const want = await helmValues(flags)
    expect('error' in want ? want.error : '').toBe('')
    expect(ours(flags)).toEqual(want)
  })

  const errorCases: SetFlags[] = [
    { set: ['a=1,b'] },
    { set: ['a,b=1'] },
    { set: ['a.b=1,a[0]=2'] },
    { set: ['a=x,a.b=1'] },
    { set: ['a=null,a[0]=1'] },
    { set: ['a[70000]=1'] },
    { set: ['a[-1]=1'] },
    { set: ['a[x]=1'] },
    { set: ['a[1'] },
    { set: ['a[0]x=1'] },
    { set: ['a..b=1'] },
    { set: ['a={1,2'] },
    { set: [Array.from({ length: 32 }, (_, i) => `k${i}`).join('.') + '=1'] },
    { setString: ['a'] },
    { setJson: ['a=[1,2'] },
    { setJson: ['{"a":1}'] },
    { setFile: [`a=${'/nonexistent/slipway-file'}`] },
  ]
  it.each(errorCases)('rejects %j as helm does', async (flags) => {
    const want = await helmValues(flags)
    expect('error' in want).toBe(true)
    expect(ours(flags)).toEqual(want)
  })
})
