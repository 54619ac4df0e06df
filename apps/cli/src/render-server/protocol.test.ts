import { describe, expect, it } from 'vitest'
import { renderCommands } from '../commands/table.ts'
import { encodeFrame, FrameReader, frameType, parseRequest } from './protocol.ts'
import { servesCommand } from './server.ts'

describe('render server frames', () => {
  it('come out whole and in order, however the bytes are cut', () => {
    const big = 'x'.repeat(70_000)
    const bytes = Buffer.concat([
      encodeFrame(frameType.stdout, 'héllo\n'),
      encodeFrame(frameType.stderr, ''),
      encodeFrame(frameType.stdout, big),
      encodeFrame(frameType.exit, '3'),
    ])
    for (const size of [1, 4, 5, 6, 1000, bytes.length]) {
      const reader = new FrameReader()
      const frames: [number, string][] = []
      for (let i = 0; i < bytes.length; i += size) {
        for (const f of reader.push(bytes.subarray(i, i + size)))
          frames.push([f.type, f.payload.toString()])
      }
      expect(frames, `chunks of ${size}`).toEqual([
        [frameType.stdout, 'héllo\n'],
        [frameType.stderr, ''],
        [frameType.stdout, big],
        [frameType.exit, '3'],
      ])
      expect(reader.pendingBytes).toBe(0)
    }
  })
})

describe('render server requests', () => {
  it('are read, or refused naming what is wrong', () => {
    expect(parseRequest('{"op":"status"}')).toEqual({ op: 'status' })
    const run = { op: 'run', argv: ['template', 'x', '.'], cwd: '/tmp', env: { A: 'b' } }
    expect(parseRequest(JSON.stringify(run))).toEqual(run)
    for (const [line, message] of [
      ['{', /^request is not JSON/],
      ['[]', /^request op undefined is not run, status or stop$/],
      ['{"op":"exec"}', /^request op "exec" is not run, status or stop$/],
      ['{"op":"run","argv":[1],"cwd":"/","env":{}}', /^request argv is not a list of strings$/],
      ['{"op":"run","argv":[],"cwd":"tmp","env":{}}', /^request cwd is not an absolute path$/],
      ['{"op":"run","argv":[],"cwd":"/","env":{"A":1}}', /^request env is not a map of strings$/],
    ] as const) {
      expect(() => parseRequest(line), line).toThrow(message)
    }
  })
})

describe('what the render server runs', () => {
  const table = { commands: renderCommands, aliases: {} }
  const env: Record<string, string> = process.env.TZ === undefined ? {} : { TZ: process.env.TZ }

  it('is template of a local chart, in the server’s time zone', async () => {
    expect(
      await servesCommand(table, ['template', 'rel', './chart', '--set', 'a=https://x'], env),
    ).toBe(true)
    expect(await servesCommand(table, ['template', '/abs/chart.tgz', '-f', 'v.yaml'], env)).toBe(
      true,
    )
    expect(await servesCommand(table, ['template', 'rel', 'oci://r.example/c'], env)).toBe(false)
    expect(await servesCommand(table, ['template', 'https://r.example/c-1.0.0.tgz'], env)).toBe(
      false,
    )
    expect(
      await servesCommand(table, ['template', 'rel', 'nginx', '--repo', 'https://r'], env),
    ).toBe(false)
    expect(await servesCommand(table, ['template', 'rel', 'nginx', '--repo=https://r'], env)).toBe(
      false,
    )
    expect(await servesCommand(table, ['show', 'values', './chart'], env)).toBe(false)
    expect(await servesCommand(table, ['template', 'rel', './chart'], { TZ: 'Nowhere/Else' })).toBe(
      false,
    )
  })
})
