import type { ChartQuery } from '@slipway/api'
import { HttpError } from '../errors.ts'
import { statusForCode, toApiError } from '../middleware/errors.ts'
import type { ChartLoader } from './loader.ts'

const MAX_LISTED_VERSIONS = 5

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown })?.code
  return typeof code === 'string' ? code : undefined
}

/**
 * Turns a failed version listing or chart load into an error that names the input to fix: a
 * chart that does not exist blames Path, a missing version blames Version (listing the ones
 * there are), a refused login blames Repository and points to the Registries page.
 */
export async function explainChartError(
  err: unknown,
  query: ChartQuery,
  loader: ChartLoader,
  listing: boolean,
): Promise<unknown> {
  if (err instanceof HttpError) return err
  const code = codeOf(err)
  if (!code) return err
  const status = statusForCode(code)
  const where = `${query.repository}/${query.path}`
  const { body } = toApiError(err)
  if (status === 401 || status === 403) {
    return new HttpError(
      status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN',
      status,
      `${body.message}. Add a login for this registry on the Registries page (or run helm registry login).`,
      { ...body.details, field: 'repository' },
      err,
    )
  }
  if (status !== 404) return err
  if (listing || !query.version) {
    return new HttpError(
      'NOT_FOUND',
      404,
      `No chart "${query.path}" in ${query.repository}: check the Path`,
      { ...body.details, field: 'path', reference: where },
      err,
    )
  }
  // the chart exists if its versions can be listed: then only the version is wrong
  let versions: string[] | undefined
  try {
    versions = await loader.versions(
      { repository: query.repository, path: query.path },
      AbortSignal.timeout(10_000),
    )
  } catch {
    versions = undefined
  }
  if (versions === undefined || versions.length === 0) {
    return new HttpError(
      'NOT_FOUND',
      404,
      `No chart "${query.path}" in ${query.repository}: check the Path`,
      { ...body.details, field: 'path', reference: where },
      err,
    )
  }
  const shown = versions.slice(0, MAX_LISTED_VERSIONS).join(', ')
  return new HttpError(
    'NOT_FOUND',
    404,
    `Version ${query.version} of ${query.path} is not in ${query.repository}; available: ${shown}${versions.length > MAX_LISTED_VERSIONS ? ', …' : ''}`,
    { ...body.details, field: 'version', reference: where },
    err,
  )
}
