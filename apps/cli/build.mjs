// Bundles the CLI with everything it imports into one CommonJS file, dist/slipway.cjs, and
// writes V8's code cache for it, dist/slipway.cache: bin/slipway.js compiles the bundle with
// that cache, so a start skips parsing and compiling megabytes of JavaScript (no module resolution
// across node_modules, no TypeScript loader either).
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { build } from 'esbuild'

rmSync('dist', { recursive: true, force: true })

const result = await build({
  entryPoints: { slipway: 'src/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // no comments or layout: less to read and compile on every start (the source map maps back)
  minifyWhitespace: true,
  minifySyntax: true,
  // the loader reads the bundle as Latin-1, much faster than UTF-8 for megabytes
  charset: 'ascii',
  // licence notices of the bundled packages go beside the bundle, in slipway.cjs.LEGAL.txt
  legalComments: 'external',
  logLevel: 'warning',
  metafile: true,
  // the ES module sources read import.meta.url; in the bundle it is the bundle's own URL
  define: { 'import.meta.url': '__slipwayBundleUrl' },
  banner: { js: "const __slipwayBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // optional native speed-ups of some dependencies: absent is fine
  external: ['bufferutil', 'utf-8-validate', 'fsevents', 'cpu-features'],
})

const code = readFileSync('dist/slipway.cjs')
const wide = code.findIndex((byte) => byte > 0x7f)
if (wide >= 0) throw new Error(`dist/slipway.cjs: non-ASCII byte at offset ${wide}`)

// The cache holds the functions a typical command compiles: render the training chart once.
execFileSync(
  process.execPath,
  ['bin/slipway.js', 'template', 'training', 'code-cache/chart', '--set', 'ingress.enabled=true'],
  {
    env: { ...process.env, SLIPWAY_WRITE_CODE_CACHE: '1', SLIPWAY_FROM_SOURCE: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
)

if (process.env.SLIPWAY_BUNDLE_REPORT) {
  const { analyzeMetafile } = await import('esbuild')
  console.log(await analyzeMetafile(result.metafile))
}
