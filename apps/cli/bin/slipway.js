#!/usr/bin/env node
// Runs the bundled CLI when it has been built (fast start), otherwise the TypeScript sources.
// SLIPWAY_FROM_SOURCE=1 forces the sources, so tests never run a stale bundle.
import { existsSync } from 'node:fs'

const bundle = new URL('../dist/slipway.mjs', import.meta.url)
if (existsSync(bundle) && !process.env.SLIPWAY_FROM_SOURCE) {
  await import(bundle.href)
} else {
  const { tsImport } = await import('tsx/esm/api')
  await tsImport('../src/main.ts', import.meta.url)
}
