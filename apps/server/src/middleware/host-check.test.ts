import { describe, expect, it } from 'vitest'
import { hostName } from './host-check.ts'

describe('hostName', () => {
  it.each([
    ['127.0.0.1:3000', '127.0.0.1'],
    ['LOCALHOST:3000', 'localhost'],
    ['[::1]:3000', '::1'],
    ['slipway.example.com', 'slipway.example.com'],
    ['10.1.2.3', '10.1.2.3'],
  ])('%s → %s', (header, name) => {
    expect(hostName(header)).toBe(name)
  })
})
