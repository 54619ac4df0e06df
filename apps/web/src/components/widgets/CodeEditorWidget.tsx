import type { WidgetProps } from '@rjsf/utils'
import { useEffect, useRef } from 'react'
import type { EditorView } from '@codemirror/view'

/**
 * A code editor for fields with Cyclops' `fileExtension` (yaml, json, anything else as plain
 * text). CodeMirror loads on first use; until then, and if it fails, a text area edits the value.
 */
export function CodeEditorWidget(props: WidgetProps) {
  const { id, value, readonly, disabled, onChange, options, label } = props
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const latest = useRef(onChange)
  latest.current = onChange
  const language = typeof options.language === 'string' ? options.language : ''
  const text = typeof value === 'string' ? value : value == null ? '' : String(value)

  useEffect(() => {
    let cancelled = false
    void import('./codemirror.ts').then(({ createEditor }) => {
      if (cancelled || !host.current) return
      host.current.replaceChildren()
      view.current = createEditor({
        parent: host.current,
        doc: text,
        language,
        readOnly: Boolean(readonly || disabled),
        label: label || id,
        describedBy: `${id}__description`,
        onChange: (next) => latest.current(next),
      })
    })
    return () => {
      cancelled = true
      view.current?.destroy()
      view.current = null
    }
    // the editor is created once per field; later value changes come from the editor itself
  }, [language, readonly, disabled])

  useEffect(() => {
    const v = view.current
    if (v && v.state.doc.toString() !== text)
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } })
  }, [text])

  return (
    <div className="code-editor" data-language={language} ref={host}>
      <textarea
        id={id}
        className="form-control"
        rows={6}
        value={text}
        readOnly={readonly}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  )
}
