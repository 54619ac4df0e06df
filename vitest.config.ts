import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // tests start real servers (registry, API double, Chromium): keep the 2-core machine unsaturated
    maxWorkers: 2,
    // the bundled `slipway template` would leave a render server running; its own test turns it on
    env: { SLIPWAY_RENDER_SERVER: '0' },
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
})
