import type { ReactNode } from 'react'
import { Link, useLocation } from 'wouter'

/** Header with the navigation, and the page below it. */
export function Layout({ children }: { children: ReactNode }) {
  const [location] = useLocation()
  const current = (href: string) =>
    href === '/' ? location === '/' || location.startsWith('/modules') : location.startsWith(href)
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          Slipway
        </Link>
        <nav aria-label="Main">
          <Link href="/" aria-current={current('/') ? 'page' : undefined}>
            Modules
          </Link>
          <Link href="/registries" aria-current={current('/registries') ? 'page' : undefined}>
            Registries
          </Link>
        </nav>
      </header>
      <main className="page">{children}</main>
    </>
  )
}
