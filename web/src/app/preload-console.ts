import { prefetchAntdStyles } from './antd-styles'
import { loadAllTexts } from './i18n'

let started = false

/**
 * Fetches the console's shell (its code, its stylesheets, all the texts) while someone is still
 * signing in, at the browser's next idle moment: the first page after sign-in then waits only for
 * its own chunk. Started by the first key or pointer press on the sign-in page, not on its load,
 * so the sign-in page's own loading is left alone.
 */
export function preloadConsole(): void {
  if (started) return
  started = true
  const load = () => {
    prefetchAntdStyles()
    void Promise.all([
      import('./layout/AppShell'),
      import('./auth/RequirePermission'),
      loadAllTexts(),
    ]).catch(() => {
      started = false // offline: the navigation after sign-in tries again
    })
  }
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 })
  else setTimeout(load, 200)
}
