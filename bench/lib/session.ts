// Signing in over HTTP as the console does: the session cookie plus the CSRF token header.
export type Session = { headers: Record<string, string> }

export async function signIn(base: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (response.status !== 200)
    throw new Error(`sign-in as ${username}: ${response.status} ${await response.text()}`)
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '')
  const csrf = cookies.find((c) => c.startsWith('atrium_csrf='))?.slice('atrium_csrf='.length)
  if (!csrf) throw new Error('no CSRF cookie after sign-in')
  return {
    headers: { cookie: cookies.join('; '), 'x-csrf-token': decodeURIComponent(csrf) },
  }
}

export async function getJson<T>(base: string, session: Session, path: string): Promise<T> {
  const response = await fetch(`${base}${path}`, { headers: session.headers })
  if (response.status !== 200)
    throw new Error(`GET ${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}
