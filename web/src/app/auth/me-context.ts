import { createContext, use, useCallback } from 'react'
import type { Me } from '../../features/identity/api'

export const MeContext = createContext<Me | null>(null)

/** The signed-in user; only under RequireAuth. */
export function useCurrentUser(): Me {
  const me = use(MeContext)
  if (!me) throw new Error('useCurrentUser outside RequireAuth')
  return me
}

/** Whether the signed-in user holds a permission. The server decides; this only hides controls. */
export function useCan(): (permission: string) => boolean {
  const me = useCurrentUser()
  return useCallback((permission: string) => me.permissions.includes(permission), [me])
}
