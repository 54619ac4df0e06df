#!/usr/bin/env node
// Starts the `slipway` command: the built bundle when there is one, otherwise the TypeScript
// sources (SLIPWAY_FROM_SOURCE=1 forces the sources, so tests never run a stale bundle).
//
// The bundle is compiled with the V8 code cache written at build time: without it, every start
// would parse and compile the whole bundle again (tens of milliseconds). A cache V8 rejects (from
// another Node version) only costs that time back. SLIPWAY_DEBUG_CODE_CACHE=1 tells which it was.
'use strict'
const fs = require('node:fs')
const path = require('node:path')

const dist = path.join(__dirname, '..', 'dist')
const bundle = path.join(dist, 'slipway.cjs')
const cacheFile = path.join(dist, 'slipway.cache')

if (!process.env.SLIPWAY_FROM_SOURCE && fs.existsSync(bundle)) {
  runBundle()
} else {
  import('tsx/esm/api').then(({ tsImport }) => tsImport('../src/main.ts', __filename))
}

function runBundle() {
  const vm = require('node:vm')
  const { createRequire, wrap } = require('node:module')
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
    process.stderr.write(`slipway: code cache ${state}\n`)
  }
  if (process.env.SLIPWAY_WRITE_CODE_CACHE) {
    // after the run, so that the functions it compiled are in the cache too
    process.once('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()))
  }
  const module = { exports: {} }
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dist)
}
