import { describe, expect, it } from 'vitest'
import { lex, Tok, tokenString } from './lex.ts'

const opts = { breakOK: true, continueOK: true }

function kinds(text: string): string[] {
  return lex(text, opts).map((t) => `${Tok[t.kind]}:${t.val}`)
}

describe('lex', () => {
  it('splits text and actions, trimming around trim markers', () => {
    expect(kinds('a  {{- .x -}}  \n b')).toEqual([
      'Text:a',
      'LeftDelim:{{',
      'Field:.x',
      'RightDelim:}}',
      'Text:b',
      'EOF:',
    ])
  })

  it('reads {{-3}} as a number, not a trim marker', () => {
    expect(kinds('{{-3}}')).toEqual(['LeftDelim:{{', 'Number:-3', 'RightDelim:}}', 'EOF:'])
  })

  it('drops comments, trimmed or not', () => {
    expect(kinds('a {{- /* x\ny */ -}} b{{/* z */}}c')).toEqual([
      'Text:a',
      'Text:b',
      'Text:c',
      'EOF:',
    ])
  })

  it('lexes every operand kind', () => {
    expect(
      kinds('{{ $x := .a.b | f 1.5 "s" `r` \'c\' true nil . ( $ ) }}').filter(
        (k) => !k.startsWith('Space'),
      ),
    ).toEqual([
      'LeftDelim:{{',
      'Variable:$x',
      'Declare::=',
      'Field:.a',
      'Field:.b',
      'Pipe:|',
      'Identifier:f',
      'Number:1.5',
      'String:"s"',
      'RawString:`r`',
      "CharConstant:'c'",
      'Bool:true',
      'Nil:nil',
      'Dot:.',
      'LeftParen:(',
      'Variable:$',
      'RightParen:)',
      'RightDelim:}}',
      'EOF:',
    ])
  })

  it('lexes keywords, and break/continue as identifiers when they are functions', () => {
    expect(
      kinds('{{ if }}{{ break }}').filter((k) => k.startsWith('If') || k.startsWith('Break')),
    ).toEqual(['If:if', 'Break:break'])
    const asFunc = lex('{{ break }}', { breakOK: false, continueOK: true }).map((t) => Tok[t.kind])
    expect(asFunc).toContain('Identifier')
  })

  it('counts lines, including inside actions and trimmed text', () => {
    const toks = lex('a\n\n{{- \n .x }}\nb', opts)
    expect(toks.map((t) => [Tok[t.kind], t.line])).toEqual([
      ['Text', 1],
      ['LeftDelim', 3],
      ['Space', 3],
      ['Field', 4],
      ['Space', 4],
      ['RightDelim', 4],
      ['Text', 4],
      ['EOF', 5],
    ])
  })

  it("ends with an error token carrying Go's message", () => {
    const last = (text: string) => lex(text, opts).at(-1)!
    expect(last('{{ .x ').val).toBe('unclosed action')
    expect(last('{{ "x }}').val).toBe('unterminated quoted string')
    expect(last('{{ 3x }}').val).toBe('bad number syntax: "3x"')
    expect(last('{{ € }}').val).toBe("unrecognized character in action: U+20AC '€'")
    expect(last('{{ .a }}{{ ) }}').val).toBe('unexpected right paren')
  })

  it('quotes tokens as Go does in messages', () => {
    const [t] = lex('abcdefghijklmnop', opts)
    expect(tokenString(t!)).toBe('"abcdefghij"...')
    expect(tokenString(lex('{{ if', opts)[2]!)).toBe('<if>')
  })
})
