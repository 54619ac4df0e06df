import { checkRegistryInput, type RegistryList } from '@slipway/api'
import { Router } from 'express'
import { badRequest, HttpError } from '../errors.ts'
import type { RegistryStore } from '../registries/store.ts'

/** `GET/PUT/DELETE /api/registries`: registry logins; passwords go in, never out. */
export function registryRoutes(store: RegistryStore): Router {
  const router = Router()
  router.get('/', async (_req, res) => {
    res.json((await store.list()) satisfies RegistryList)
  })
  router.put('/', async (req, res) => {
    const checked = checkRegistryInput(req.body)
    if (!checked.ok) throw badRequest(checked.issues)
    await store.put(checked.value)
    res.json((await store.list()) satisfies RegistryList)
  })
  router.delete('/', async (req, res) => {
    const registry =
      typeof req.query.registry === 'string' ? req.query.registry.trim().toLowerCase() : ''
    if (!registry) throw badRequest([{ field: 'registry', message: 'Registry is required' }])
    if (!(await store.remove(registry))) {
      throw new HttpError('NOT_FOUND', 404, `No login for ${registry} that Slipway can remove`, {
        field: 'registry',
      })
    }
    res.json((await store.list()) satisfies RegistryList)
  })
  return router
}
