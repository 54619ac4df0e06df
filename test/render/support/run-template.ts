import { Writable } from 'node:stream'
import { runCli } from '../../../apps/cli/src/cli.ts'
import { helm, type RunResult } from '../../support/tools.ts'

class Capture extends Writable {
  text = ''
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString()
    cb()
  }
}

/** Runs `slipway template ARGS` in this process (the real command, without a process start). */
export async function slipwayTemplate(args: string[], cwd: string): Promise<RunResult> {
  const stdout = new Capture()
  const stderr = new Capture()
  const code = await runCli(['template', ...args], { stdout, stderr, cwd, env: process.env })
  return { code, stdout: stdout.text, stderr: stderr.text }
}

/** Runs the reference `helm template ARGS`. */
export function helmTemplate(args: string[], cwd: string): Promise<RunResult> {
  return helm(['template', ...args], { cwd })
}

/** The `Error: ...` part of a stderr, without Go log lines printed before it. */
export function errorText(stderr: string): string {
  const i = stderr.indexOf('Error: ')
  return i < 0 ? stderr : stderr.slice(i)
}
