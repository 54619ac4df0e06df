#!/usr/bin/env node
// Starts the `slipway` command (bin/slipway runs this file): the built bundle when there is one,
// otherwise the TypeScript sources (SLIPWAY_FROM_SOURCE=1 forces the sources, so tests never run
// a stale bundle).
//
// The build makes two bundles: slipway-render.cjs holds only what the chart commands below need,
// a third of the code of slipway.cjs, which holds every command. Each is compiled with the V8
// code cache written at build time: without it, every start would parse and compile megabytes
// of JavaScript again (tens of milliseconds). A cache V8 rejects (from another Node version) only
// costs that time back. SLIPWAY_DEBUG_CODE_CACHE=1 tells which bundle ran and how.
'use strict'
const fs = require('node:fs')
const path = require('node:path')

/** Commands the smaller bundle serves; it must be built with exactly these (see build.mjs). */
const renderCommands = ['template', 'show', 'render-server']

if (process.env.SLIPWAY_EXTRA_CA_CERTS) trustExtraCaCerts(process.env.SLIPWAY_EXTRA_CA_CERTS)

const dist = path.join(__dirname, '..', 'dist')
const name = renderCommands.includes(process.argv[2]) ? 'slipway-render' : 'slipway'
const bundle = path.join(dist, `${name}.cjs`)

if (!process.env.SLIPWAY_FROM_SOURCE && fs.existsSync(bundle)) {
  // `template` goes to the render server when one runs (see src/render-server/client.ts)
  const command = process.argv[2]
  if (command === 'template' || command === 'render-server') {
    const { main } = require(path.join(dist, 'render-client.cjs'))
    main({ argv: process.argv.slice(2), dist, script: __filename, runInProcess: runBundle })
  } else {
    runBundle()
  }
} else {
  import('tsx/esm/api').then(({ tsImport }) => tsImport('../src/main.ts', __filename))
}

function runBundle() {
  const vm = require('node:vm')
  const { createRequire, wrap } = require('node:module')
  const cacheFile = path.join(dist, `${name}.cache`)
  let cachedData
  try {
    cachedData = fs.readFileSync(cacheFile)
  } catch {
    // not built with a cache: compile from source
  }
  // the build checks that the bundle is ASCII, where Latin-1 and UTF-8 agree
  const script = new vm.Script(wrap(fs.readFileSync(bundle, 'latin1')), {
    filename: bundle,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  })
  if (process.env.SLIPWAY_DEBUG_CODE_CACHE) {
    const state = cachedData ? (script.cachedDataRejected ? 'rejected' : 'accepted') : 'absent'
    process.stderr.write(`slipway: ${name}.cjs, code cache ${state}\n`)
  }
  if (process.env.SLIPWAY_WRITE_CODE_CACHE) {
    // after the run, so that the functions it compiled are in the cache too
    process.once('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()))
  }
  const module = { exports: {} }
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dist)
}

/**
 * What Node does with NODE_EXTRA_CA_CERTS, which bin/slipway moved aside so that Node starts
 * without building the root store: every TLS context made without a CA of its own trusts Node's
 * root certificates plus those in the file. The file is read when the first context is made.
 */
function trustExtraCaCerts(file) {
  delete process.env.SLIPWAY_EXTRA_CA_CERTS
  process.env.NODE_EXTRA_CA_CERTS = file
  const tls = require('node:tls')
  const createSecureContext = tls.createSecureContext
  let ca
  const trusted = () => {
    if (ca === undefined) {
      ca = [...tls.rootCertificates]
      try {
        ca.push(fs.readFileSync(file, 'latin1'))
      } catch (err) {
        // Node's own words when it cannot read the file
        process.emitWarning(`Ignoring extra certs from \`${file}\`, load failed: ${err.message}`)
      }
    }
    return ca
  }
  // https, undici and tls.connect all make their contexts through this property
  tls.createSecureContext = function (options) {
    if (options && options.ca != null) return createSecureContext(options)
    return createSecureContext({ ...options, ca: trusted() })
  }
}
