// Type-checks every project of the workspace with its own tsconfig (browser-safe packages get no Node types).
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'

const projects = ['tsconfig.json', 'test/tsconfig.json']
for (const group of ['packages', 'apps']) {
  for (const name of readdirSync(group)) {
    for (const file of ['tsconfig.json', 'tsconfig.test.json']) {
      if (existsSync(`${group}/${name}/${file}`)) projects.push(`${group}/${name}/${file}`)
    }
  }
}
let failed = false
for (const project of projects) {
  try {
    execFileSync('tsc', ['-p', project, '--noEmit'], { stdio: 'inherit' })
  } catch {
    failed = true
  }
}
process.exit(failed ? 1 : 0)
