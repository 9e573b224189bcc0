// Route loaders: a page's data is asked for when its route is entered, beside the page's code,
// rather than after that code has loaded and rendered. The page's own queries then find it in the
// cache, and its first render (in the router's transition, which React renders in slices) already
// shows it.
import type { LoaderFunctionArgs } from 'react-router'
import { meQuery } from '../features/identity/api'
import { queryClient } from './query-client'

/** The console: the signed-in user first (RequireAuth decides with it; no spinner in between). */
export async function sessionLoader(): Promise<null> {
  await queryClient.prefetchQuery(meQuery)
  return null
}

/**
 * A page's data, waited for no longer than the page's code takes to load: a navigation is never
 * slower than before, and a page whose data came in time renders once, with it. Never throws: a
 * failed request is the page's to show.
 */
export function prefetchBeside(
  prefetch: (url: URL) => Promise<void>,
  code: () => Promise<unknown>,
): (args: LoaderFunctionArgs) => Promise<null> {
  return async ({ request }) => {
    const data = prefetch(new URL(request.url)).catch(() => undefined)
    await Promise.race([data, code().catch(() => undefined)])
    return null
  }
}
