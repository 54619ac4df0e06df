// Bundles the CLI with everything it imports into dist/, so `slipway` starts fast (one file per
// command, no module resolution across node_modules) and runs without a TypeScript loader.
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

rmSync('dist', { recursive: true, force: true })

const result = await build({
  entryPoints: { slipway: 'src/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
  // CommonJS dependencies call require(); give the ESM bundle one
  banner: {
    js: "import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);",
  },
  // optional native speed-ups of some dependencies: absent is fine
  external: ['bufferutil', 'utf-8-validate', 'fsevents', 'cpu-features'],
})

if (process.env.SLIPWAY_BUNDLE_REPORT) {
  const { analyzeMetafile } = await import('esbuild')
  console.log(await analyzeMetafile(result.metafile))
}
