declare global {
  interface Window {
    /** `/api/v1/me` as index.html asked for it before any script loaded (all but sign-in). */
    __atriumMe?: Promise<Response>
  }
}

/** An early answer older than this (the page's first route did not ask for `me`) is not used. */
const FRESH_FOR_MS = 30_000

/**
 * The account index.html asked for while the scripts loaded, taken once: `{ me }` when the answer
 * was the account (or a 401: `me` is null, signed out), undefined when there was none, it is old or
 * it failed otherwise — the caller then asks itself, so an error is reported as any other.
 */
export async function takeEarlyMe<T>(): Promise<{ me: T | null } | undefined> {
  const early = window.__atriumMe
  if (!early) return undefined
  discardEarlyMe()
  if (performance.now() > FRESH_FOR_MS) return undefined
  try {
    const response = await early
    if (response.status === 401) return { me: null }
    return response.ok ? { me: (await response.json()) as T } : undefined
  } catch {
    return undefined
  }
}

/** Signing in or out makes the early answer wrong: it is dropped. */
export function discardEarlyMe(): void {
  delete window.__atriumMe
}
