// Bundles the CLI (and the server it embeds) into dist/ so `slipway` starts without a TS loader.
// Workspace packages are TypeScript sources and get bundled; third-party packages stay external.
import { build } from 'esbuild'

await build({
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
  plugins: [
    {
      name: 'externalize-third-party',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@slipway/') ? undefined : { path: args.path, external: true },
        )
      },
    },
  ],
})
