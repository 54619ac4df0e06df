import type { PreviewView } from '@slipway/api'

/** The manifests Save would apply, one collapsible block per object, and the NOTES. */
export function PreviewPanel({ preview }: { preview: PreviewView }) {
  return (
    <section aria-labelledby="preview-heading" className="card">
      <h2 id="preview-heading">Preview</h2>
      <p className="muted">
        {preview.manifests.length} object{preview.manifests.length === 1 ? '' : 's'}:{' '}
        {preview.manifests.map((m) => `${m.kind}/${m.name}`).join(', ')}
      </p>
      {preview.manifests.map((m) => (
        <details key={`${m.template}/${m.kind}/${m.name}`}>
          <summary>
            {m.kind} {m.name} <span className="muted">({m.template})</span>
          </summary>
          <pre className="code-block">{m.content}</pre>
        </details>
      ))}
      {preview.notes && (
        <details>
          <summary>NOTES</summary>
          <pre className="code-block">{preview.notes}</pre>
        </details>
      )}
    </section>
  )
}
