import { Writable } from 'node:stream'
import { runCli } from '../../apps/cli/src/cli.ts'

/** Runs the slipway CLI in this process (no start-up cost), capturing its output. */
export async function slipwayInProcess(
  args: string[],
  cwd = process.cwd(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _enc, done) {
        append(chunk.toString())
        done()
      },
    })
  const code = await runCli(args, {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    cwd,
    env: process.env,
  })
  return { code, stdout, stderr }
}
