import { useCallback, useLayoutEffect, useRef } from 'react'
import { useSearchParams } from 'react-router'

/**
 * A page's filters kept in the URL: `setParam` sets a key (or clears it when the value is empty)
 * in place of the current history entry, unless `push` asks for a new one; `clear` names keys
 * that lose their meaning with this one (a state with its case type). Both setters keep their
 * identity from render to render, so memoised filter bars need not render again with the page.
 */
export function useUrlParams() {
  const [params, setSearchParams] = useSearchParams()
  const latest = useRef(setSearchParams)
  useLayoutEffect(() => {
    latest.current = setSearchParams
  })
  const setParams = useCallback<typeof setSearchParams>(
    (next, options) => latest.current(next, options),
    [],
  )
  const setParam = useCallback(
    (key: string, value: string | undefined, options: { push?: boolean; clear?: string[] } = {}) =>
      latest.current(
        (prev) => {
          const next = new URLSearchParams(prev)
          if (value) next.set(key, value)
          else next.delete(key)
          for (const other of options.clear ?? []) next.delete(other)
          return next
        },
        { replace: !options.push },
      ),
    [],
  )
  return [params, setParam, setParams] as const
}

export type SetParam = ReturnType<typeof useUrlParams>[1]
