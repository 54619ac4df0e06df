import type { Reporter, TestModule } from 'vitest/node'

/** Prints the plain closing line `N passed, N failed` that CI reads, after vitest's own summary. */
export default class SummaryReporter implements Reporter {
  private line = ''

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const mod of modules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
        else skipped++
      }
      // a file that failed to load has no tests but must still count as a failure
      if (mod.state() === 'failed' && mod.children.size === 0) failed++
    }
    this.line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
    // the default reporter writes its summary on the same event; print ours once it has
    process.once('beforeExit', () => process.stdout.write(`\n${this.line}\n`))
  }
}
