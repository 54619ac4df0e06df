// Bundles the CLI with everything it imports into CommonJS files: dist/slipway.cjs (every
// command), dist/slipway-render.cjs (the chart commands that need no cluster, a third of the
// size) and dist/render-client.cjs (what hands `template` to a render server), and writes V8's code cache for each, dist/NAME.cache: bin/slipway.js compiles the bundle
// with its cache, so a start skips parsing and compiling megabytes of JavaScript (no module
// resolution across node_modules, no TypeScript loader either).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'

rmSync('dist', { recursive: true, force: true })

const result = await build({
  entryPoints: {
    slipway: 'src/main.ts',
    'slipway-render': 'src/main-render.ts',
    // what bin/slipway.js loads first for `template`: hands the command to the render server
    'render-client': 'src/render-server/client.ts',
  },
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

for (const name of ['slipway', 'slipway-render']) {
  const code = readFileSync(`dist/${name}.cjs`)
  const wide = code.findIndex((byte) => byte > 0x7f)
  if (wide >= 0) throw new Error(`dist/${name}.cjs: non-ASCII byte at offset ${wide}`)
}

// A cache holds the functions a run compiles: render the training chart once with the smaller
// bundle, and package it with the whole one (bin/slipway.js picks the bundle by command).
const scratch = mkdtempSync(join(tmpdir(), 'slipway-build-'))
for (const args of [
  ['template', 'training', 'code-cache/chart', '--set', 'ingress.enabled=true'],
  ['package', 'code-cache/chart', '-d', scratch],
]) {
  execFileSync(process.execPath, ['bin/slipway.js', ...args], {
    env: {
      ...process.env,
      SLIPWAY_WRITE_CODE_CACHE: '1',
      SLIPWAY_FROM_SOURCE: '',
      // the cache is of this process's run, not a server's
      SLIPWAY_RENDER_SERVER: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
rmSync(scratch, { recursive: true, force: true })

if (process.env.SLIPWAY_BUNDLE_REPORT) {
  const { analyzeMetafile } = await import('esbuild')
  console.log(await analyzeMetafile(result.metafile))
}
