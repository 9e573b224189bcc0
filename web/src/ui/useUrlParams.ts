import { useSearchParams } from 'react-router'

/**
 * A page's filters kept in the URL: `setParam` sets a key (or clears it when the value is empty)
 * in place of the current history entry, unless `push` asks for a new one; `clear` names keys
 * that lose their meaning with this one (a state with its case type).
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams()
  const setParam = (
    key: string,
    value: string | undefined,
    options: { push?: boolean; clear?: string[] } = {},
  ) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if (value) next.set(key, value)
        else next.delete(key)
        for (const other of options.clear ?? []) next.delete(other)
        return next
      },
      { replace: !options.push },
    )
  return [params, setParam, setParams] as const
}
