import { Link } from 'wouter'

/** Any URL the dashboard does not know. */
export function NotFoundPage() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <Link href="/">Back to modules</Link>
      </p>
    </section>
  )
}
