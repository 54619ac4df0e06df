/** A busy indicator that screen readers announce. */
export function Loading({ label }: { label: string }) {
  return (
    <p role="status" aria-live="polite" className="loading">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  )
}
