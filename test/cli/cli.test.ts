import { describe, expect, it } from 'vitest'
import { helm, slipway } from '../support/tools.ts'

describe('slipway command', () => {
  it('prints its usage and lists its commands', async () => {
    const result = await slipway(['--help'])
    expect(result.code).toBe(0)
    for (const name of ['pull', 'push', 'show', 'package', 'template', 'install', 'serve']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${name} `, 'm'))
    }
  })

  it('rejects an unknown command with a clear error', async () => {
    const result = await slipway(['frobnicate'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('unknown command "frobnicate"')
  })

  it('has the reference helm at hand', async () => {
    const result = await helm(['version', '--short'])
    expect(result.stdout).toMatch(/^v3\.17\.3/)
  })
})
