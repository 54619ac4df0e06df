export function App() {
  return (
    <main>
      <h1>Slipway</h1>
      <p>Modules will be listed here.</p>
    </main>
  )
}
